/**
 * Cross-site request refusal for state-changing requests that authenticate by session cookie.
 * Browsers send Origin on every non-GET request and Sec-Fetch-Site on every request, and a page on
 * another site can set neither; so a request is refused when either says it came from elsewhere.
 * A request with neither header did not come from a browser page (curl, scripts) and carries no
 * ambient credentials a foreign page could abuse.
 * next-auth (its own CSRF token), server actions (Next's Origin check) and /fhir/Bundle (bearer token)
 * are outside this rule; proxy.ts applies it to everything else.
 */

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Hosts ("name:port") the app answers as: the request's Host and the configured public URL (NEXTAUTH_URL). */
export function ownHosts(host: string | null, publicUrl: string | undefined): string[] {
  const hosts = host ? [host.toLowerCase()] : [];
  try {
    if (publicUrl) hosts.push(new URL(publicUrl).host.toLowerCase());
  } catch {}
  return hosts;
}

/** Null when the request may proceed, else why it is refused (for the log; the answer is ./csrf's CROSS_SITE_MESSAGE). */
export function crossSiteReason(method: string, headers: Headers, hosts: string[]): string | null {
  if (SAFE_METHODS.has(method.toUpperCase())) return null;
  const site = headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return `Sec-Fetch-Site: ${site}`;
  const origin = headers.get("origin");
  if (origin === null) return null;
  let host: string;
  try {
    host = new URL(origin).host.toLowerCase();
  } catch {
    return `Origin: ${origin}`;
  }
  return host && hosts.includes(host) ? null : `Origin: ${origin}`;
}

export const CROSS_SITE_MESSAGE = "Forespørgslen kom fra et andet websted og er afvist for at beskytte din konto (CSRF). Prøv igen fra LDBU's egne sider.";
