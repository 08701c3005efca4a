import { describe, expect, it } from "vitest";
import { apiSchemas, badRequest, searchParamsObject } from "./api-params";

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

  it("a chart export names a current view, or a published report's year and version", () => {
    const image = (body: object) => schemas.imageExport.safeParse({ diagram: "LDBU-01-kort", format: "png", adresse: "/x", ...body }).success;
    expect(image({ visning: "sammenlign" })).toBe(true);
    expect(image({ visning: "aarsrapport", aar: 2024, version: 2 })).toBe(true);
    expect(image({ visning: "aarsrapport", aar: 2024 })).toBe(false);
    expect(image({ visning: "aarsrapport", aar: "2024", version: 1 })).toBe(false);
    expect(image({ visning: "aarsrapport", aar: 2024, version: 0 })).toBe(false);
    expect(image({ visning: "sammenlign", aar: 2024, version: 1 })).toBe(false); // a current view has no version
    expect(image({ visning: "aarsrapport", aar: 2024, version: 1, diagram: "<svg>" })).toBe(false);
  });
});

describe("repeated and unknown parameters", () => {
  it("refuses a parameter given twice, whichever value comes first", () => {
    expect(parse("series", "indikator=LDBU-01&kommune=751&kommune=101").success).toBe(false);
    expect(parse("series", "indikator=LDBU-01&kommune=101&kommune=751").success).toBe(false);
    expect(parse("profile", "kommune=751&kommune=751").success).toBe(false);
  });

  it("treats names of Object.prototype as ordinary unknown parameters", () => {
    expect(parse("profile", "kommune=751&constructor=1").success).toBe(false);
    expect(parse("profile", "kommune=751&__proto__=1").success).toBe(false);
    expect(parse("profile", "toString=1").success).toBe(false);
  });

  it("answers in Danish, naming the parameter", async () => {
    const problems = async (schema: keyof typeof schemas, q: string) => {
      const r = parse(schema, q);
      if (r.success) throw new Error("ventede en fejl");
      return (await badRequest(r.error).json()).problemer;
    };
    expect(await problems("series", "indikator=LDBU-01&kommune=751&kommune=101")).toEqual([{ parameter: "kommune", besked: "parameteren må kun angives én gang" }]);
    expect(await problems("profile", "kommune=751&hack=1")).toEqual([{ parameter: "hack", besked: "ukendt parameter" }]);
    expect(await problems("profile", "")).toEqual([{ parameter: "kommune", besked: "parameteren mangler" }]);
  });
});
