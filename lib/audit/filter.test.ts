import { describe, expect, it } from "vitest";
import { auditFilterSchema, parseAuditFilter, serializeAuditFilter } from "./filter";
import { auditCsvRows, detailsText } from "./present";

describe("audit search filter", () => {
  it("reads every field, lower-casing the user", () => {
    expect(parseAuditFilter({ bruger: " Leder ", handling: "export", ressource: "csv/", kommune: "751", fra: "2026-01-01", til: "2026-01-31", side: "3" })).toEqual({
      filter: { bruger: "leder", handling: "export", ressource: "csv/", kommune: "751", fra: "2026-01-01", til: "2026-01-31", side: 3 },
      problems: [],
    });
  });
  it("drops bad values with a Danish reason and keeps the rest", () => {
    const { filter, problems } = parseAuditFilter({ handling: "slet", kommune: "75", fra: "2025-02-29", til: "i morgen", side: "0", ressource: "a b", bruger: "lene" });
    expect(filter).toEqual({ bruger: "lene" });
    expect(problems).toEqual([
      "Ukendt handling.",
      "Ressourcen må kun indeholde bogstaver, tal og / _ . : -",
      "Kommunen skal være en 3-cifret kommunekode.",
      "Fra-datoen er ikke en gyldig dato.",
      "Til-datoen skal være en dato (ÅÅÅÅ-MM-DD).",
      "Siden skal være 1 eller mere.",
    ]);
  });
  it("refuses a range that ends before it starts", () => {
    expect(parseAuditFilter({ fra: "2026-02-01", til: "2026-01-01" })).toEqual({ filter: { fra: "2026-02-01" }, problems: ["Fra-datoen skal ligge før til-datoen."] });
    expect(auditFilterSchema.safeParse({ fra: "2026-02-01", til: "2026-01-01" }).success).toBe(false);
  });
  it("the strict schema refuses unknown parameters", () => {
    expect(auditFilterSchema.safeParse({ slet: "1" }).success).toBe(false);
    expect(auditFilterSchema.parse({ handling: "view", side: "2" })).toEqual({ handling: "view", side: 2 });
  });
  it("serialises in a fixed order, leaving out page 1", () => {
    expect(serializeAuditFilter({ til: "2026-01-31", bruger: "lene", side: 1 })).toBe("bruger=lene&til=2026-01-31");
    expect(serializeAuditFilter({ side: 2 })).toBe("side=2");
  });
});

describe("audit entries as text", () => {
  it("lists the details in order, nested values as JSON, empty ones left out", () => {
    expect(detailsText({ handling: "ændr", bruger: "jens", før: { rolle: "leder" }, tom: null, intet: "" })).toBe('handling: ændr; bruger: jens; før: {"rolle":"leder"}');
  });
  it("makes a CSV row in Danish time with the action's Danish name", () => {
    const at = new Date("2026-03-01T23:30:00Z"); // 00:30 on 2 March in Copenhagen
    expect(auditCsvRows([{ id: "1", at, username: "sundk", role: "sundk", action: "export", resource: "fejlliste", municipalityCode: "751", details: { rækker: 3 } }])).toEqual([
      ["2026-03-02 00:30:00", "sundk", "sundk", "Eksport", "fejlliste", "751", "rækker: 3"],
    ]);
  });
});

describe("Danish time", () => {
  it("shows summer and winter time correctly on pages", async () => {
    const { formatDateTime } = await import("@/lib/views/date-time");
    expect(formatDateTime(new Date("2026-07-01T10:00:00Z"))).toBe("01.07.2026, 12.00.00");
    expect(formatDateTime(new Date("2026-01-01T10:00:00Z"))).toBe("01.01.2026, 11.00.00");
  });
});
