import { describe, expect, it } from "vitest";
import { apiSchemas, searchParamsObject } from "./api-params";

const schemas = apiSchemas({ indicators: ["LDBU-01", "LDBU-10"], regions: ["1081"], breakdowns: ["all", "koen:female"] });
const parse = (schema: keyof typeof schemas, q: string) => schemas[schema].safeParse(searchParamsObject(new URLSearchParams(q)));

describe("API parameters", () => {
  it("accepts valid parameters with defaults", () => {
    expect(parse("results", "indikator=LDBU-10&periode=2024/25&region=1081")).toMatchObject({ success: true, data: { indikator: "LDBU-10", periode: "2024/25", region: "1081", opdeling: "all" } });
    expect(parse("series", "indikator=LDBU-01&kommune=825&opdeling=koen:female").success).toBe(true);
  });

  it("rejects missing, unknown, malformed and extra parameters", () => {
    expect(parse("results", "").success).toBe(false);
    expect(parse("results", "indikator=LDBU-99").success).toBe(false);
    expect(parse("results", "indikator=LDBU-01&periode=2024-25").success).toBe(false);
    expect(parse("results", "indikator=LDBU-01&region=1234").success).toBe(false);
    expect(parse("results", "indikator=LDBU-01&hack=1").success).toBe(false);
    expect(parse("series", "indikator=LDBU-01&kommune=82").success).toBe(false);
  });

  it("CSV export takes a view's own parameters", () => {
    expect(parse("csvExport", "visning=sammenlign&indikator=LDBU-01&sort=navn&retning=stigende&kort=kvintil").success).toBe(true);
    expect(parse("csvExport", "visning=kommuneprofil&kommune=751").success).toBe(true);
    expect(parse("csvExport", "visning=forside").success).toBe(true);
    expect(parse("csvExport", "visning=kommuneprofil").success).toBe(false);
    expect(parse("csvExport", "visning=alt").success).toBe(false);
  });
});
