/**
 * How long a login lasts. next-auth renews the session cookie whenever /api/auth/session is
 * called, so its maxAge alone would let a session live for ever; the login time travels in the
 * token and caps every session at SESSION_HOURS after login, however often it was renewed.
 */
export const SESSION_HOURS = 8;

/** The key that signs and encrypts session tokens: from the environment only (checked at start-up). */
export const sessionSecret = () => process.env.NEXTAUTH_SECRET;
const MAX_MS = SESSION_HOURS * 3600_000;
/** Clock skew tolerated between the servers that issue and read tokens. */
const SKEW_MS = 60_000;

/** Tokens without a login time (issued before this rule) count as expired. */
export function sessionExpired(loginAt: unknown, now = Date.now()): boolean {
  return typeof loginAt !== "number" || loginAt > now + SKEW_MS || now - loginAt >= MAX_MS;
}
