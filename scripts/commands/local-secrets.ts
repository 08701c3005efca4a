/**
 * Secrets for local runs (demo, dev, tests) when the environment gives none: generated once
 * and kept in the git-ignored .data/secrets.json. Production sets them in the environment.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const FILE = path.resolve(process.env.LDBU_DATA_DIR ?? ".data", "secrets.json");
const NAMES = ["NEXTAUTH_SECRET", "LDBU_PSEUDONYM_KEY"] as const;
/** Present only after a local `rotate-pseudonym-key --generate`; never generated on its own. */
const OPTIONAL = ["LDBU_PSEUDONYM_ROTATION_KEYS"] as const;

function readStored(): Record<string, string> {
  try {
    return JSON.parse(fs.readFileSync(FILE, "utf8"));
  } catch {
    return {};
  }
}

function writeStored(stored: Record<string, string>) {
  fs.mkdirSync(path.dirname(FILE), { recursive: true });
  fs.writeFileSync(FILE, JSON.stringify(stored, null, 2), { mode: 0o600 });
}

export function ensureLocalSecrets() {
  // Marks this as a local run for the server's startup check (lib/config/startup.ts).
  process.env.LDBU_MODE ??= "demo";
  const stored = readStored();
  let changed = false;
  for (const name of NAMES) {
    if (process.env[name]) continue;
    if (!stored[name]) {
      stored[name] = randomBytes(32).toString("base64url");
      changed = true;
    }
    process.env[name] = stored[name];
  }
  // rotation keys belong to the base key they were made for: only with the stored base key
  for (const name of OPTIONAL) if (!process.env[name] && stored[name] && process.env.LDBU_PSEUDONYM_KEY === stored.LDBU_PSEUDONYM_KEY) process.env[name] = stored[name];
  if (changed) writeStored(stored);
}

/** Whether the pseudonym keys in use are the local ones from .data/secrets.json. */
export function usesLocalPseudonymKeys(): boolean {
  const stored = readStored();
  return !!stored.LDBU_PSEUDONYM_KEY && process.env.LDBU_PSEUDONYM_KEY === stored.LDBU_PSEUDONYM_KEY && (process.env.LDBU_PSEUDONYM_ROTATION_KEYS ?? "") === (stored.LDBU_PSEUDONYM_ROTATION_KEYS ?? "");
}

/** Appends a new random rotation key to the local secrets and the environment (local runs only). */
export function addLocalRotationKey() {
  const stored = readStored();
  const key = randomBytes(32).toString("base64url");
  stored.LDBU_PSEUDONYM_ROTATION_KEYS = [stored.LDBU_PSEUDONYM_ROTATION_KEYS, key].filter(Boolean).join(",");
  writeStored(stored);
  process.env.LDBU_PSEUDONYM_ROTATION_KEYS = stored.LDBU_PSEUDONYM_ROTATION_KEYS;
}
