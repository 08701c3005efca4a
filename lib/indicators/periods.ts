/**
 * Periods: birth cohorts ("2024": children born in 2024) and school years ("2024/25":
 * 1 August 2024 – 31 July 2025). School cohorts come from the register: children start
 * school (0. klasse) in August of the year they turn 6, and reach 9. klasse in the year they
 * turn 15.
 */
export type Period = { kind: "birth-cohort"; year: number; label: string } | { kind: "school-year"; startYear: number; label: string };

export function parsePeriod(label: string): Period {
  let m = /^(\d{4})$/.exec(label);
  if (m) return { kind: "birth-cohort", year: Number(m[1]), label };
  m = /^(\d{4})\/(\d{2})$/.exec(label);
  if (m && (Number(m[1]) + 1) % 100 === Number(m[2])) return { kind: "school-year", startYear: Number(m[1]), label };
  throw new Error(`Ugyldig periode: ${label} (forventet fx 2024 eller 2024/25)`);
}

export function schoolYearLabel(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, "0")}`;
}

/** Age at school start for the school-year indicators. */
export const SCHOOL_COHORT_AGE: Record<string, number> = { "LDBU-10": 6, "LDBU-11": 15 };

/** The birth year of the children an indicator counts in a period. */
export function birthYearsForPeriod(indicatorId: string, p: Period): number {
  if (p.kind === "birth-cohort") return p.year;
  const age = SCHOOL_COHORT_AGE[indicatorId];
  if (age === undefined) throw new Error(`${indicatorId} har ingen skoleårgang`);
  return p.startYear - age;
}

/** Periods affected when data about children born in `birthYear` change. */
export function periodsForBirthYear(indicatorId: string, birthYear: number, kind: Period["kind"]): string {
  return kind === "birth-cohort" ? String(birthYear) : schoolYearLabel(birthYear + SCHOOL_COHORT_AGE[indicatorId]);
}
