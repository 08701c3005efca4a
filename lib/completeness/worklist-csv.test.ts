import { describe, expect, it } from "vitest";
import type { WorklistPage } from "@/lib/queries/worklist";
import { toCsv } from "@/lib/views/csv";
import { worklistCsv } from "./worklist-csv";

const base: WorklistPage = { municipality: "751", view: "afviste", total: 1, page: 1, pageCount: 1, rejected: [], visits: [], rules: [] };

describe("worklist CSV", () => {
  it("one line per problem of a rejected report, in Danish, with ids the municipality can trace", () => {
    const t = worklistCsv({
      ...base,
      rejected: [{
        receiptId: "17", receivedAt: "2025-02-01T09:00:00.000Z", reportTimestamp: "2025-02-01T08:59:00.000Z", bundleId: "b-1", wrapperId: null,
        issues: [
          { severity: "error", rule: "gateway-children-report-weight", ruleLabel: "", text: "Indberetningen har … men ingen observation af vægt", location: "Bundle, Bundle.entry[1].resource" },
          { severity: "warning", rule: "ldbu-intended-motor-function", ruleLabel: "", text: "Motorik mangler", location: "Bundle" },
        ],
      }],
    });
    expect(t.rows).toEqual([
      ["17", "01.02.2025 10.00", "01.02.2025 09.59", "b-1", "", "Fejl", "gateway-children-report-weight", "Indberetningen har … men ingen observation af vægt", "Bundle, Bundle.entry[1].resource"],
      ["17", "01.02.2025 10.00", "01.02.2025 09.59", "b-1", "", "Advarsel", "ldbu-intended-motor-function", "Motorik mangler", "Bundle"],
    ]);
    const csv = toCsv(t.header, t.rows);
    expect(csv.startsWith("\uFEFFKvittering;Modtaget;")).toBe(true);
    expect(csv).toContain("\r\n17;01.02.2025 10.00;");
  });

  it("visits: date, type, encounter and report ids, delay with a decimal comma, problems by name", () => {
    const t = worklistCsv({
      ...base, view: "mangler",
      visits: [{
        encounterId: "e-1", bundleId: "b-2", visitType: "x", visitLabel: "Besøg hos det 8-11 måneder gamle barn", start: "2023-10-20T07:00:00.000Z", reportedAt: "2023-10-23T07:00:00.000Z", delayHours: 72,
        missing: [{ item: "motor", label: "Motorik", enforced: false }], absent: [{ item: "sleep", label: "Søvn", enforced: true, reason: "Spurgt, men afvist" }],
      }],
    });
    expect(t.rows).toEqual([["2023-10-20", "Besøg hos det 8-11 måneder gamle barn", "e-1", "b-2", "23.10.2023 09.00", "3,0", "Motorik (ikke håndhævet)", "Søvn (Spurgt, men afvist)"]]);
  });
});
