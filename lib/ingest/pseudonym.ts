/**
 * CPR → keyed pseudonym (HMAC-SHA256 with LDBU_PSEUDONYM_KEY). The same child gets the same
 * pseudonym in every report and in the register extract; without the key the CPR cannot be
 * recovered or tested for. The key must never change once data are stored.
 */
import { createHmac } from "node:crypto";

let cachedKey: Buffer | null = null;

function key(): Buffer {
  if (!cachedKey) {
    const k = process.env.LDBU_PSEUDONYM_KEY;
    if (!k || k.length < 32) throw new Error("LDBU_PSEUDONYM_KEY mangler eller er for kort (mindst 32 tegn).");
    cachedKey = Buffer.from(k, "utf8");
  }
  return cachedKey;
}

export function pseudonymise(cpr: string): string {
  return createHmac("sha256", key()).update(cpr, "utf8").digest("hex");
}
