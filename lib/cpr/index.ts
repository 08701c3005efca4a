/**
 * Danish CPR numbers: syntax (as the guide's `cpr` invariant states it) and the
 * birth date and sex derived from them (rules in shared/reference/fbu/profiles.md).
 * The CPR itself is never stored; see lib/ingest/pseudonym.ts.
 */

/** The guide's `cpr` invariant, verbatim: plausible DDMM followed by six digits. */
export const CPR_PATTERN =
  /^((((0[1-9]|1[0-9]|2[0-9]|3[0-1])(01|03|05|07|08|10|12))|((0[1-9]|1[0-9]|2[0-9]|30)(04|06|09|11))|((0[1-9]|1[0-9]|2[0-9])(02)))[0-9]{6})$/;

export type Sex = "female" | "male";

export interface CprFacts {
  /** ISO date YYYY-MM-DD */
  birthDate: string;
  sex: Sex;
}

export function isCprSyntax(cpr: string): boolean {
  return CPR_PATTERN.test(cpr);
}

/** Century from the 7th digit and the two-digit year (CPR office rules). */
export function birthYear(yy: number, seventh: number): number {
  if (seventh <= 3) return 1900 + yy;
  if (seventh === 4 || seventh === 9) return yy <= 36 ? 2000 + yy : 1900 + yy;
  return yy <= 57 ? 2000 + yy : 1800 + yy;
}

/**
 * Birth date and sex from a CPR number, or null when the number is not a CPR
 * or names a date that does not exist (e.g. 2902 in a non-leap year).
 */
export function cprFacts(cpr: string): CprFacts | null {
  if (!isCprSyntax(cpr)) return null;
  const day = Number(cpr.slice(0, 2));
  const month = Number(cpr.slice(2, 4));
  const year = birthYear(Number(cpr.slice(4, 6)), Number(cpr[6]));
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  const birthDate = `${String(year).padStart(4, "0")}-${cpr.slice(2, 4)}-${cpr.slice(0, 2)}`;
  return { birthDate, sex: Number(cpr[9]) % 2 === 1 ? "male" : "female" };
}
