/**
 * CPR → keyed pseudonym. The same child gets the same pseudonym in every report and in the register extract; without
 * the keys the CPR cannot be recovered or tested for.
 *
 * The key is a chain: LDBU_PSEUDONYM_KEY (the base key, kept forever) followed by LDBU_PSEUDONYM_ROTATION_KEYS
 * (comma-separated, oldest first). pseudonym = HMAC(K_n, … HMAC(K_1, HMAC(K_0, CPR))). Because the CPR is never
 * stored, a rotation cannot recompute pseudonyms from CPR numbers; it applies the new key to every stored pseudonym
 * instead (lib/ingest/key-chain.ts), which yields exactly what the longer chain gives an incoming CPR. After a
 * rotation a leaked earlier key, or an old database copy, no longer suffices to test CPR numbers against the data.
 */
import { createHmac } from "node:crypto";

const MIN_KEY_LENGTH = 32;

let cached: { raw: string; keys: Buffer[] } | null = null;

/** The key chain from the environment, base key first. */
export function keyChain(): Buffer[] {
  const base = process.env.LDBU_PSEUDONYM_KEY ?? "";
  const rotations = process.env.LDBU_PSEUDONYM_ROTATION_KEYS ?? "";
  const raw = `${base}\n${rotations}`;
  if (cached?.raw === raw) return cached.keys;
  if (base.length < MIN_KEY_LENGTH) throw new Error(`LDBU_PSEUDONYM_KEY mangler eller er for kort (mindst ${MIN_KEY_LENGTH} tegn).`);
  const extra = rotations.split(",").map((k) => k.trim()).filter(Boolean);
  if (extra.some((k) => k.length < MIN_KEY_LENGTH)) throw new Error(`Hver nøgle i LDBU_PSEUDONYM_ROTATION_KEYS skal have mindst ${MIN_KEY_LENGTH} tegn.`);
  const all = [base, ...extra];
  if (new Set(all).size !== all.length) throw new Error("Pseudonymnøglerne skal være forskellige (samme nøgle to gange i kæden).");
  cached = { raw, keys: all.map((k) => Buffer.from(k, "utf8")) };
  return cached.keys;
}

/** One link of the chain: what a rotation applies to a stored pseudonym. */
export function applyKey(key: Buffer, value: string): string {
  return createHmac("sha256", key).update(value, "utf8").digest("hex");
}

/** The pseudonym of `value` under the first `length` keys of the chain (default: all of it). */
export function chainPseudonym(value: string, keys: Buffer[] = keyChain(), length = keys.length): string {
  let p = value;
  for (let i = 0; i < length; i++) p = applyKey(keys[i], p);
  return p;
}

export function pseudonymise(cpr: string): string {
  return chainPseudonym(cpr);
}
