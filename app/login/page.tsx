import { redirect } from "next/navigation";
import { LoginForm } from "@/components/LoginForm";
import { getViewer } from "@/lib/auth/session";

export const metadata = { title: "Log ind" };

/** Only same-site paths are followed after login (no open redirect). */
function safePath(p: string | undefined): string {
  return p && p.startsWith("/") && !p.startsWith("//") ? p : "/";
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const target = safePath(callbackUrl);
  if ((await getViewer()).kind === "user") redirect(target);
  return (
    <>
      <h1>Log ind</h1>
      <p>Log ind med din LDBU-konto for at se aktuelle resultater for din kommune.</p>
      <LoginForm callbackUrl={target} />
    </>
  );
}
