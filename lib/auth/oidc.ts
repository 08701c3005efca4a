/**
 * Single sign-on with OpenID Connect: the configuration from the environment, and how an identity
 * provider's claims become an LDBU role and municipality. Pure (no database, no network), so the
 * startup check, the login page and next-auth all read the same rules.
 */
import reference from "@/lib/reference/municipalities.json";
import type { Role } from "./roles";
import { isRole, ROLES } from "./roles";

/** next-auth's provider id; the redirect URI to register at the IdP ends in /api/auth/callback/oidc. */
export const OIDC_PROVIDER_ID = "oidc";

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Button label: "Log ind med <name>". */
  name: string;
  scope: string;
  roleClaim: string;
  /** Claim value (e.g. an IdP group name) → LDBU role. */
  roleMap: Record<string, Role>;
  municipalityClaim: string;
}

const REQUIRED = {
  issuer: "LDBU_OIDC_ISSUER",
  clientId: "LDBU_OIDC_CLIENT_ID",
  clientSecret: "LDBU_OIDC_CLIENT_SECRET",
  roleClaim: "LDBU_OIDC_ROLE_CLAIM",
  roleMap: "LDBU_OIDC_ROLE_MAP",
  municipalityClaim: "LDBU_OIDC_MUNICIPALITY_CLAIM",
} as const;
const OPTIONAL = { name: "LDBU_OIDC_NAME", scope: "LDBU_OIDC_SCOPE" } as const;
const DEFAULT_NAME = "fælles login";
const DEFAULT_SCOPE = "openid profile";

export type OidcSetup = { config: OidcConfig | null; problems: string[] };

/**
 * Single sign-on is on when any LDBU_OIDC_* variable is set; then all required ones must be set and
 * valid, or `problems` says what is wrong (and the server refuses to start).
 */
export function readOidcConfig(env: Record<string, string | undefined>): OidcSetup {
  const get = (name: string) => env[name]?.trim() || undefined;
  const names = [...Object.values(REQUIRED), ...Object.values(OPTIONAL)];
  if (!names.some(get)) return { config: null, problems: [] };

  const problems: string[] = [];
  for (const name of Object.values(REQUIRED)) if (!get(name)) problems.push(`${name} skal være sat, når single sign-on (LDBU_OIDC_*) er slået til.`);

  const issuer = get(REQUIRED.issuer);
  const badIssuer = issuer ? issuerProblem(issuer) : null;
  if (badIssuer) problems.push(badIssuer);

  const roleMap = parseRoleMap(get(REQUIRED.roleMap), problems);
  const scope = get(OPTIONAL.scope) ?? DEFAULT_SCOPE;
  if (!scope.split(/\s+/).includes("openid")) problems.push(`${OPTIONAL.scope} skal indeholde "openid".`);

  if (problems.length) return { config: null, problems };
  return {
    config: {
      issuer: issuer!.replace(/\/+$/, ""),
      clientId: get(REQUIRED.clientId)!,
      clientSecret: get(REQUIRED.clientSecret)!,
      name: get(OPTIONAL.name) ?? DEFAULT_NAME,
      scope,
      roleClaim: get(REQUIRED.roleClaim)!,
      roleMap: roleMap!,
      municipalityClaim: get(REQUIRED.municipalityClaim)!,
    },
    problems: [],
  };
}

/** https, except on this machine (the test provider). */
function issuerProblem(issuer: string): string | null {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return `${REQUIRED.issuer} er ikke en gyldig adresse: ${issuer}`;
  }
  const local = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  if (url.protocol !== "https:" && !(local && url.protocol === "http:")) return `${REQUIRED.issuer} skal være en https-adresse.`;
  if (url.search || url.hash) return `${REQUIRED.issuer} må ikke have forespørgsel eller fragment.`;
  return null;
}

function parseRoleMap(raw: string | undefined, problems: string[]): Record<string, Role> | null {
  if (!raw) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    problems.push(`${REQUIRED.roleMap} er ikke gyldig JSON (forventet fx {"LDBU-Leder":"leder"}).`);
    return null;
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed) || Object.keys(parsed).length === 0) {
    problems.push(`${REQUIRED.roleMap} skal være et JSON-objekt med mindst én claim-værdi → rolle.`);
    return null;
  }
  const map: Record<string, Role> = {};
  for (const [value, role] of Object.entries(parsed)) {
    if (!value.trim()) problems.push(`${REQUIRED.roleMap} har en tom claim-værdi.`);
    else if (!isRole(role)) problems.push(`${REQUIRED.roleMap}: "${value}" peger på en ukendt rolle (${JSON.stringify(role)}); gyldige roller: ${ROLES.join(", ")}.`);
    else map[value] = role;
  }
  return map;
}

// ---- claims → LDBU identity -------------------------------------------------------------------

export interface OidcIdentity {
  subject: string;
  name: string;
  role: Role;
  municipalityCode: string | null;
}

/** Why a login through the IdP is refused; also the `error` code shown on /login. */
export type SsoRefusal = "SsoIdentitet" | "SsoRolle" | "SsoKommune" | "SsoDeaktiveret";

export type ClaimMapping = { ok: true; identity: OidcIdentity } | { ok: false; refusal: SsoRefusal; detail: string };

const MUNICIPALITY_CODES = new Set(reference.municipalities.map((m) => m.code));

/** When the IdP sends several mapped roles, the one with the widest access wins (each includes the next). */
const PRECEDENCE: Role[] = ["sundk", "leder", "sundhedsplejerske", "politiker"];

/**
 * A claim by its exact name (also URL-style names with dots, e.g. "https://idp.example/roles"),
 * else by a dotted path into nested claims (e.g. Keycloak's "realm_access.roles").
 */
export function claimValue(claims: Record<string, unknown>, name: string): unknown {
  if (name in claims) return claims[name];
  let v: unknown = claims;
  for (const part of name.split(".")) {
    if (!v || typeof v !== "object" || Array.isArray(v)) return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

/** "101", 101 and the four-digit "0101" (DAGI style) are the same municipality. */
export function normaliseMunicipalityCode(value: unknown): string | null {
  const v = Array.isArray(value) && value.length === 1 ? value[0] : value;
  if (typeof v !== "string" && typeof v !== "number") return null;
  const s = String(v).trim();
  if (!/^\d{3,4}$/.test(s)) return null;
  const code = s.length === 4 ? (s.startsWith("0") ? s.slice(1) : null) : s;
  return code && MUNICIPALITY_CODES.has(code) ? code : null;
}

export function mapClaims(config: OidcConfig, claims: Record<string, unknown>): ClaimMapping {
  const subject = typeof claims.sub === "string" ? claims.sub.trim() : "";
  if (!subject || subject.length > 255) return { ok: false, refusal: "SsoIdentitet", detail: "sub mangler eller er for lang" };

  const raw = claimValue(claims, config.roleClaim);
  const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === "string");
  const roles = new Set(values.map((v) => config.roleMap[v]).filter(Boolean));
  const role = PRECEDENCE.find((r) => roles.has(r));
  if (!role) return { ok: false, refusal: "SsoRolle", detail: `${config.roleClaim}=${JSON.stringify(raw ?? null)}` };

  let municipalityCode: string | null = null;
  if (role !== "sundk") {
    const rawCode = claimValue(claims, config.municipalityClaim);
    municipalityCode = normaliseMunicipalityCode(rawCode);
    if (!municipalityCode) return { ok: false, refusal: "SsoKommune", detail: `${config.municipalityClaim}=${JSON.stringify(rawCode ?? null)}` };
  }
  return { ok: true, identity: { subject, name: displayName(claims, subject), role, municipalityCode } };
}

function displayName(claims: Record<string, unknown>, subject: string): string {
  const str = (k: string) => (typeof claims[k] === "string" ? (claims[k] as string).trim() : "");
  const full = str("name") || [str("given_name"), str("family_name")].filter(Boolean).join(" ");
  return (full || str("preferred_username") || str("email") || subject).slice(0, 200);
}

// ---- messages on /login -----------------------------------------------------------------------

const REFUSAL_TEXT: Record<SsoRefusal, string> = {
  SsoIdentitet: "Log-ind-tjenesten sendte ikke en gyldig brugeridentitet. Kontakt din it-afdeling.",
  SsoRolle: "Din bruger har ikke en rolle, der giver adgang til LDBU. Bed din it-afdeling om at tildele dig en LDBU-rolle.",
  SsoKommune: "Din bruger mangler en gyldig kommunekode. Bed din it-afdeling om at tilknytte dig din kommune.",
  SsoDeaktiveret: "Din LDBU-adgang er deaktiveret. Kontakt SundK, hvis du mener, det er en fejl.",
};

/**
 * The Danish message for an `error` code on /login: ours (above) or next-auth's own (a failed
 * exchange with the IdP, a refused or expired login). Unknown codes get the general message.
 */
export function loginErrorMessage(code: string | undefined): string | null {
  if (!code) return null;
  if (code in REFUSAL_TEXT) return REFUSAL_TEXT[code as SsoRefusal];
  if (code === "SessionRequired") return "Log ind for at se siden.";
  return "Log ind mislykkedes. Prøv igen – fortsætter problemet, så kontakt SundK.";
}
