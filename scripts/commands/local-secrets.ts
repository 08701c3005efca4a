/**
 * Secrets for local runs (demo, dev, tests) when the environment gives none: generated once
 * and kept in the git-ignored .data/secrets.json. Production sets them in the environment.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const FILE = path.resolve(process.env.LDBU_DATA_DIR ?? ".data", "secrets.json");
const NAMES = ["NEXTAUTH_SECRET", "LDBU_PSEUDONYM_KEY"] as const;

export function ensureLocalSecrets() {
  // Marks this as a local run for the server's startup check (lib/config/startup.ts).
  process.env.LDBU_MODE ??= "demo";
  let stored: Record<string, string> = {};
  try {
    stored = JSON.parse(fs.readFileSync(FILE, "utf8"));
  } catch {}
  let changed = false;
  for (const name of NAMES) {
    if (process.env[name]) continue;
    if (!stored[name]) {
      stored[name] = randomBytes(32).toString("base64url");
      changed = true;
    }
    process.env[name] = stored[name];
  }
  if (changed) {
    fs.mkdirSync(path.dirname(FILE), { recursive: true });
    fs.writeFileSync(FILE, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
}
