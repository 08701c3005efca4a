/** The Fejlliste as CSV (semicolon, decimal comma, UTF-8 with BOM via lib/views/csv.ts): the same rows as the page. */
import type { WorklistPage } from "@/lib/queries/worklist";
import { dateTimeText, delayDays, isoDate, problemsText } from "./worklist-text";

const SEVERITY: Record<string, string> = { fatal: "Fejl", error: "Fejl", warning: "Advarsel" };

export function worklistCsv(page: WorklistPage): { header: string[]; rows: string[][] } {
  if (page.view === "afviste") {
    const header = ["Kvittering", "Modtaget", "Indberetningens tidsstempel", "Indberetnings-id (Bundle.id)", "Samlet levering (id)", "Alvor", "Regel", "Problem", "Placering (FHIRPath)"];
    const rows = page.rejected.flatMap((r) =>
      (r.issues.length ? r.issues : [{ severity: "", rule: "", ruleLabel: "", text: "", location: "" }]).map((i) => [
        r.receiptId, dateTimeText(r.receivedAt), dateTimeText(r.reportTimestamp), r.bundleId ?? "", r.wrapperId ?? "", SEVERITY[i.severity] ?? i.severity, i.rule, i.text, i.location,
      ]),
    );
    return { header, rows };
  }
  const header = ["Besøgsdato", "Besøgstype", "Kontakt-id (Encounter.id)", "Indberetnings-id (Bundle.id)", "Indberettet", "Forsinkelse (døgn)", "Mangler", "Sendt uden værdi"];
  const rows = page.visits.map((v) => [isoDate(v.start), v.visitLabel, v.encounterId, v.bundleId ?? "", dateTimeText(v.reportedAt), delayDays(v.delayHours), problemsText(v.missing), problemsText(v.absent)]);
  return { header, rows };
}
