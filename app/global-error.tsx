"use client";
import Link from "next/link";
import "./globals.css";
/** When even the page frame (app/layout.tsx) fails: a bare Danish page with the error's reference, never its text. */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="da">
      <body>
        <main className="content">
          <h1>Der opstod en fejl</h1>
          <p>LDBU kunne ikke vise siden lige nu. Prøv igen om lidt. Fortsætter fejlen, så kontakt SundK og oplys fejlreferencen.</p>
          {error.digest && <p>Fejlreference: {error.digest}</p>}
          <p>
            <Link href="/">Gå til forsiden</Link>
          </p>
        </main>
      </body>
    </html>
  );
}
