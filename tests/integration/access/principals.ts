/**
 * Who asks in the access tests: the roles of PRODUCT.md (anonymous, politiker, sundhedsplejerske, leder, sundk, the
 * gateway client) plus a deactivated user whose session cookie was issued before the deactivation. The demo users
 * belong to Aarhus (751), so "own municipality" is 751 for politiker, sundhedsplejerske and leder.
 */
export const ROLE_NAMES = ["anonymous", "politiker", "sundhedsplejerske", "leder", "sundk", "gateway"] as const;
export type RoleName = (typeof ROLE_NAMES)[number];
/** The deactivated user is expected to be treated exactly as anonymous, everywhere. */
export type PrincipalName = RoleName | "deaktiveret";
export const PRINCIPAL_NAMES: readonly PrincipalName[] = [...ROLE_NAMES, "deaktiveret"];

export interface Principal {
  name: PrincipalName;
  /** what it sends: a session cookie, a bearer token, or nothing */
  headers: Record<string, string>;
}

/** The municipality of the demo users, and what the matrix calls "own". */
export const OWN_MUNICIPALITY = "751";

const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]);

/** Logs in through next-auth's credentials flow (csrf token, then the callback) and returns the session cookie header. */
export async function loginCookie(baseUrl: string, username: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, username, password, callbackUrl: `${baseUrl}/`, json: "true" }),
  });
  const session = cookiesOf(res).find((c) => /^(__Secure-)?next-auth\.session-token=/.test(c));
  if (!session) throw new Error(`login som ${username} gav ingen sessionscookie (HTTP ${res.status})`);
  return session;
}
