/**
 * Periods of the completeness measures. Infant visits (and coverage of the infant programme) are counted by the
 * child's birth cohort ("2024"), school examinations by school year ("2024/25": 1 August – 31 July), and receipts
 * (validity) by the calendar year they were reported in ("2024"). The Datakomplethed page selects a year Y and shows
 * birth cohort Y, school year Y/Y+1 and receipts of year Y together.
 */
import { schoolYearLabel } from "@/lib/indicators/periods";

export interface PagePeriods {
  year: number;
  /** birth cohort of the infant visits */
  infant: string;
  /** school year starting in August of the year */
  school: string;
  /** calendar year of the receipts */
  validity: string;
}

export function pagePeriods(year: number): PagePeriods {
  return { year, infant: String(year), school: schoolYearLabel(year), validity: String(year) };
}

/** The year a stored period belongs to on the page ("2024/25" → 2024). */
export function yearOfPeriod(period: string): number | null {
  const m = /^(\d{4})(?:\/(\d{2}))?$/.exec(period);
  return m ? Number(m[1]) : null;
}

/** School year of a Danish calendar date (ISO "YYYY-MM-DD"). */
export function schoolYearOfDate(isoDate: string): string {
  const [y, m] = isoDate.split("-").map(Number);
  return schoolYearLabel(m >= 8 ? y : y - 1);
}

/** The same rule in SQL, for a `date` expression. */
export function schoolYearSql(date: string): string {
  const start = `(extract(year FROM ${date})::int - CASE WHEN extract(month FROM ${date}) < 8 THEN 1 ELSE 0 END)`;
  return `(${start}::text || '/' || lpad(((${start} + 1) % 100)::text, 2, '0'))`;
}
