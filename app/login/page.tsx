import { redirect } from "next/navigation";
import { LoginForm } from "@/components/LoginForm";
import { SsoLoginButton } from "@/components/SsoLoginButton";
import { loginErrorMessage, OIDC_PROVIDER_ID, readOidcConfig } from "@/lib/auth/oidc";
import { getViewer } from "@/lib/auth/session";

export const metadata = { title: "Log ind" };

/** Only same-site paths are followed after login (no open redirect). */
function safePath(p: string | undefined): string {
  return p && p.startsWith("/") && !p.startsWith("//") ? p : "/";
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl, error } = await searchParams;
  const target = safePath(callbackUrl);
  if ((await getViewer()).kind === "user") redirect(target);
  const sso = readOidcConfig(process.env).config;
  const problem = loginErrorMessage(typeof error === "string" ? error : undefined);
  return (
    <>
      <h1>Log ind</h1>
      <p>Log ind for at se aktuelle resultater for din kommune.</p>
      {problem && (
        <p className="form__error" role="alert" data-testid="sso-error">
          {problem}
        </p>
      )}
      {sso ? (
        <div className="login-options">
          <section aria-labelledby="login-sso">
            <h2 id="login-sso">Med din organisations login</h2>
            <p>Medarbejdere i kommuner og SundK logger ind med deres arbejdslogin.</p>
            <SsoLoginButton providerId={OIDC_PROVIDER_ID} label={`Log ind med ${sso.name}`} callbackUrl={target} />
          </section>
          <section aria-labelledby="login-local">
            <h2 id="login-local">Med en LDBU-konto</h2>
            <LoginForm callbackUrl={target} />
          </section>
        </div>
      ) : (
        <LoginForm callbackUrl={target} />
      )}
    </>
  );
}
