/**
 * Runs once when the server starts: stamp every request with its socket address (lib/http/peer-stamp.ts),
 * and refuse to serve with missing or demo secrets in production or with malformed security settings.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const fs = await import("node:fs");
  const path = await import("node:path");
  const { startupProblems } = await import("./lib/config/startup");
  const { installPeerStamp } = await import("./lib/http/peer-stamp");
  let demo: Record<string, string> = {};
  try {
    demo = JSON.parse(fs.readFileSync(path.resolve(process.env.LDBU_DATA_DIR ?? ".data", "secrets.json"), "utf8"));
  } catch {}
  const problems = startupProblems(process.env, demo);
  if (problems.length) {
    for (const p of problems) console.error(`[ldbu] ${p.message}`);
    console.error("[ldbu] LDBU starter ikke. Se README (Using an external PostgreSQL og Sikkerhed).");
    process.exit(1);
  }
  installPeerStamp();
}
