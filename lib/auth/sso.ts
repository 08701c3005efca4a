/**
 * Single sign-on in next-auth: the OpenID Connect provider built from the environment, and the
 * admission of an IdP login to a local user row (so sessions, deactivation and the audit log work
 * exactly as for local accounts).
 */
import { createHash } from "node:crypto";
import type { Account, Profile, User } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { audit } from "@/lib/audit";
import { db } from "@/lib/db/client";
import { mapClaims, OIDC_PROVIDER_ID, readOidcConfig, type OidcConfig, type SsoRefusal } from "./oidc";
import { ANONYMOUS, type Role, type Viewer } from "./roles";

/** The configured provider, or none. A broken configuration stops the server at startup (lib/config/startup.ts). */
export function ssoProviders(env = process.env): OAuthConfig<Profile>[] {
  const { config } = readOidcConfig(env);
  if (!config) return [];
  return [
    {
      id: OIDC_PROVIDER_ID,
      name: config.name,
      type: "oauth",
      wellKnown: `${config.issuer}/.well-known/openid-configuration`,
      clientId: config.clientId,
      clientSecret: config.clientSecret,
      authorization: { params: { scope: config.scope } },
      checks: ["pkce", "state", "nonce"],
      // Claims come from the signed ID token (validated by openid-client: issuer, audience, nonce, expiry).
      idToken: true,
      profile: (claims) => ({ id: String(claims.sub), name: claims.name ?? null }),
    },
  ];
}

/**
 * next-auth `signIn` callback for the IdP: true (and `user` carries the local id and session
 * version on to the jwt callback, as a credentials login does), or the /login address with the
 * reason it was refused.
 */
export async function admitSsoSignIn(user: User, account: Account | null, profile: Profile | undefined): Promise<true | string> {
  const { config } = readOidcConfig(process.env);
  if (!config || account?.provider !== OIDC_PROVIDER_ID || !profile) return "/login?error=SsoIdentitet";
  const admitted = await admitSsoUser(config, profile as Record<string, unknown>);
  if (!admitted.ok) return `/login?error=${admitted.refusal}`;
  Object.assign(user, { id: String(admitted.id), sessionVersion: admitted.sessionVersion });
  return true;
}

export type Admission = { ok: true; id: number; sessionVersion: number } | { ok: false; refusal: SsoRefusal };

/**
 * Finds the local user by issuer + subject, creates it on first login and takes role, municipality
 * and name from the claims on every login; a deactivated user stays out. Logins, refusals and
 * role changes go to the audit log.
 */
export async function admitSsoUser(config: OidcConfig, claims: Record<string, unknown>): Promise<Admission> {
  const mapped = mapClaims(config, claims);
  const issuer = typeof claims.iss === "string" ? claims.iss : config.issuer;
  if (!mapped.ok) {
    await audit(ANONYMOUS, "login", "sso", { outcome: "refused", reason: mapped.refusal, detail: mapped.detail, issuer, subject: claims.sub ?? null });
    return { ok: false, refusal: mapped.refusal };
  }
  const { subject, name, role, municipalityCode } = mapped.identity;
  const externalId = `${issuer}#${subject}`;
  const existing = await db().user.findUnique({ where: { externalId } });
  if (existing && !existing.active) {
    await audit(viewerOf(existing), "login", "sso", { outcome: "refused", reason: "SsoDeaktiveret", issuer });
    return { ok: false, refusal: "SsoDeaktiveret" };
  }
  const now = new Date();
  const user = existing
    ? await db().user.update({ where: { id: existing.id }, data: { name, role, municipalityCode, lastLoginAt: now } })
    : await createSsoUser(externalId, subject, { name, role, municipalityCode, lastLoginAt: now });
  const changed =
    existing && (existing.role !== role || existing.municipalityCode !== municipalityCode)
      ? { role: [existing.role, role], municipality: [existing.municipalityCode, municipalityCode] }
      : undefined;
  await audit(viewerOf(user), "login", "sso", { outcome: "admitted", issuer, created: !existing, ...(changed && { changed }) }, municipalityCode);
  return { ok: true, id: user.id, sessionVersion: user.sessionVersion };
}

type SsoFields = { name: string; role: Role; municipalityCode: string | null; lastLoginAt: Date };

/**
 * Usernames of IdP users start with "sso:", which local usernames (a-z, 0-9, . _ -) cannot, so an
 * IdP login can never take over a local account. The subject itself when short and plain, else a hash.
 */
async function createSsoUser(externalId: string, subject: string, fields: SsoFields) {
  const hashed = `sso:${createHash("sha256").update(externalId).digest("hex").slice(0, 24)}`;
  const plain = /^[A-Za-z0-9._@-]{1,60}$/.test(subject) ? `sso:${subject.toLowerCase()}` : hashed;
  for (const username of plain === hashed ? [hashed] : [plain, hashed]) {
    try {
      return await db().user.create({ data: { username, externalId, passwordHash: null, ...fields } });
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      // Two first logins at once: the other one created the row.
      const row = await db().user.findUnique({ where: { externalId } });
      if (row) return db().user.update({ where: { id: row.id }, data: fields });
    }
  }
  throw new Error(`Kunne ikke oprette SSO-bruger for ${externalId}`);
}

function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "P2002";
}

function viewerOf(u: { id: number; username: string; name: string; role: Role; municipalityCode: string | null }): Viewer {
  return { kind: "user", id: u.id, username: u.username, name: u.name, role: u.role, municipalityCode: u.municipalityCode };
}
