"use client";
/**
 * What a user sees when a page fails on the server: a Danish message and the error's reference (digest),
 * never its text – in production Next sends the browser only the digest; the details are in the server log.
 */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <>
      <h1>Der opstod en fejl</h1>
      <p>Siden kunne ikke vises lige nu. Prøv igen om lidt. Fortsætter fejlen, så kontakt SundK og oplys fejlreferencen.</p>
      {error.digest && <p className="muted">Fejlreference: {error.digest}</p>}
      <button type="button" className="button" onClick={reset}>
        Prøv igen
      </button>
    </>
  );
}
