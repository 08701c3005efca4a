/**
 * Refuses to start a production server with missing, weak or demo secrets. Local runs
 * (demo, dev, tests, benchmarks) set LDBU_MODE=demo through the project's own scripts and
 * may use the generated secrets in .data/secrets.json; everything else is production.
 */
export interface StartupProblem {
  name: string;
  message: string;
}

const REQUIRED = ["DATABASE_URL", "NEXTAUTH_SECRET", "LDBU_PSEUDONYM_KEY"] as const;
const SECRETS = ["NEXTAUTH_SECRET", "LDBU_PSEUDONYM_KEY"] as const;

export function startupProblems(env: Record<string, string | undefined>, demoSecrets: Record<string, string>): StartupProblem[] {
  if (env.LDBU_MODE === "demo") return [];
  const problems: StartupProblem[] = [];
  for (const name of REQUIRED) if (!env[name]) problems.push({ name, message: `${name} skal være sat i miljøet.` });
  for (const name of SECRETS) {
    const v = env[name];
    if (!v) continue;
    if (v.length < 32) problems.push({ name, message: `${name} er for kort (mindst 32 tegn).` });
    if (Object.values(demoSecrets).includes(v)) problems.push({ name, message: `${name} er en demohemmelighed fra .data/secrets.json og må ikke bruges i drift.` });
  }
  return problems;
}
