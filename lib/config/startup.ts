/**
 * Refuses to start a production server with missing, weak or demo secrets. Local runs
 * (demo, dev, tests, benchmarks) set LDBU_MODE=demo through the project's own scripts and
 * may use the generated secrets in .data/secrets.json; everything else is production.
 * A half or wrongly configured single sign-on stops every server, local ones too, and so do malformed security
 * settings (trusted proxies, rate limits).
 */
import { readOidcConfig } from "@/lib/auth/oidc";
import { parseTrustedProxies } from "@/lib/http/client-address";
import { fhirRateProblems } from "@/lib/ingest/rate-limit";

export interface StartupProblem {
  name: string;
  message: string;
}

const REQUIRED = ["DATABASE_URL", "NEXTAUTH_SECRET", "LDBU_PSEUDONYM_KEY"] as const;
const SECRETS = ["NEXTAUTH_SECRET", "LDBU_PSEUDONYM_KEY"] as const;

function settingProblems(env: Record<string, string | undefined>): StartupProblem[] {
  const problems: StartupProblem[] = fhirRateProblems(env);
  try {
    parseTrustedProxies(env.LDBU_TRUSTED_PROXIES);
  } catch (e) {
    problems.push({ name: "LDBU_TRUSTED_PROXIES", message: (e as Error).message });
  }
  for (const name of ["LDBU_LOGIN_MAX_FAILURES", "LDBU_LOGIN_WINDOW_MINUTES"]) {
    const v = env[name];
    if (v !== undefined && !(Number.isInteger(Number(v)) && Number(v) >= 1)) problems.push({ name, message: `${name} skal være et helt tal på mindst 1.` });
  }
  return problems;
}

export function startupProblems(env: Record<string, string | undefined>, demoSecrets: Record<string, string>): StartupProblem[] {
  const oidc = readOidcConfig(env);
  const problems: StartupProblem[] = [...oidc.problems.map((message) => ({ name: "LDBU_OIDC", message })), ...settingProblems(env)];
  if (env.LDBU_MODE === "demo") return problems;
  // The redirect URI registered at the identity provider is built from NEXTAUTH_URL.
  if (oidc.config && !env.NEXTAUTH_URL) problems.push({ name: "NEXTAUTH_URL", message: "NEXTAUTH_URL skal være sat (fx https://ldbu.example.dk), når single sign-on er slået til." });
  for (const name of REQUIRED) if (!env[name]) problems.push({ name, message: `${name} skal være sat i miljøet.` });
  for (const name of SECRETS) {
    const v = env[name];
    if (!v) continue;
    if (v.length < 32) problems.push({ name, message: `${name} er for kort (mindst 32 tegn).` });
    if (Object.values(demoSecrets).includes(v)) problems.push({ name, message: `${name} er en demohemmelighed fra .data/secrets.json og må ikke bruges i drift.` });
  }
  return problems;
}
