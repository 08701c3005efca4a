/** Fejlliste rows as Danish text (page) and CSV cells; both from the same rows. Dates and times in Danish time. */
import { formatDecimal } from "@/lib/stats";
import type { VisitProblem } from "@/lib/queries/worklist";

const DATE = new Intl.DateTimeFormat("da-DK", { timeZone: "Europe/Copenhagen", day: "2-digit", month: "2-digit", year: "numeric" });
const DATE_TIME = new Intl.DateTimeFormat("da-DK", { timeZone: "Europe/Copenhagen", day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit" });

/** "05.03.2023" */
export function dateText(iso: string | null): string {
  return iso ? DATE.format(new Date(iso)) : "–";
}

/** "05.03.2023 10.00" */
export function dateTimeText(iso: string | null): string {
  return iso ? DATE_TIME.format(new Date(iso)).replace(",", "") : "–";
}

/** ISO date in Danish time for CSV: "2023-03-05". */
export function isoDate(iso: string | null): string {
  if (!iso) return "";
  const p = Object.fromEntries(new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Copenhagen", year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}`;
}

/** Delay in days with one decimal: "3,0". */
export function delayDays(hours: number): string {
  return formatDecimal(hours / 24, 1);
}

/** "Motorik (ikke håndhævet), Forældre-barn-relation" / "Vægt (Ikke spurgt)". */
export function problemsText(list: readonly VisitProblem[]): string {
  return list.map((p) => `${p.label}${p.reason ? ` (${p.reason})` : !p.enforced ? " (ikke håndhævet)" : ""}`).join(", ");
}
