/**
 * Passwords LDBU makes for new and reset accounts: 20 characters drawn uniformly (rejection sampling) from an alphabet
 * without look-alikes (no 0/O, 1/l/I), ≈ 115 bits, grouped in fives for reading aloud. Shown once to the administrator,
 * stored only as a scrypt hash.
 */
import { randomBytes } from "node:crypto";

export const PASSWORD_ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
export const PASSWORD_LENGTH = 20;

export function oneTimePassword(): string {
  const chars: string[] = [];
  const limit = 256 - (256 % PASSWORD_ALPHABET.length); // bytes ≥ limit would favour the first letters
  while (chars.length < PASSWORD_LENGTH) {
    for (const b of randomBytes(32)) {
      if (b < limit && chars.length < PASSWORD_LENGTH) chars.push(PASSWORD_ALPHABET[b % PASSWORD_ALPHABET.length]);
    }
  }
  return chars.join("").replace(/(.{5})(?=.)/g, "$1-");
}
