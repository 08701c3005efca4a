import { describe, expect, it } from "vitest";
import { breakdownSelected, levelOfArea, resultsQuery } from "./params";

const parse = (q: Record<string, string | string[]>) => resultsQuery.safeParse(q);
const messages = (q: Record<string, string | string[]>) => {
  const r = parse(q);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("results parameters", () => {
  it("accepts a full, valid query and fills the default breakdown", () => {
    expect(parse({ indicator: "LDBU-10", period: "2025/26", level: "municipality", area: "751", version: "2", format: "csv" }).data).toEqual({
      indicator: "LDBU-10", period: "2025/26", level: "municipality", area: "751", breakdown: "all", version: 2, format: "csv",
    });
    expect(parse({ indicator: "LDBU-01", breakdown: "koen:female" }).success).toBe(true);
    expect(parse({ indicator: "LDBU-01", breakdown: "mor_uddannelse" }).success).toBe(true);
  });

  it("refuses malformed values, unknown and repeated parameters, in Danish", () => {
    expect(messages({})).toEqual(["indicator: skal angives én gang"]);
    expect(messages({ indicator: "ldbu-1" })[0]).toMatch(/^indicator: indicator skal være et indikator-id/);
    expect(messages({ indicator: "LDBU-01", period: "2025/27" })[0]).toMatch(/^period: .*skoleår/);
    expect(messages({ indicator: "LDBU-01", period: "25" })[0]).toMatch(/^period:/);
    expect(messages({ indicator: "LDBU-01", level: "kommune" })[0]).toMatch(/^level: level skal være nation, region eller municipality/);
    expect(messages({ indicator: "LDBU-01", area: "12" })[0]).toMatch(/^area:/);
    expect(messages({ indicator: "LDBU-01", breakdown: "koen:other" })[0]).toMatch(/^breakdown:/);
    expect(messages({ indicator: "LDBU-01", version: "0" })[0]).toMatch(/^version: version skal være et positivt heltal/);
    expect(messages({ indicator: "LDBU-01", format: "xml" })[0]).toMatch(/^format:/);
    expect(messages({ indicator: "LDBU-01", indikator: "LDBU-01" })).toEqual([": ukendt parameter: indikator"]);
    expect(messages({ indicator: ["LDBU-01", "LDBU-02"] })).toEqual(["indicator: skal angives én gang"]);
  });

  it("requires a period with a version, and an area of the given level", () => {
    expect(messages({ indicator: "LDBU-01", version: "1" })).toEqual(["version: version kræver period (versionen af årsrapporten for den periode)"]);
    expect(messages({ indicator: "LDBU-01", level: "region", area: "751" })).toEqual(["area: area hører ikke til det angivne level"]);
    expect(parse({ indicator: "LDBU-01", level: "region", area: "1084" }).success).toBe(true);
  });
});

describe("area levels and breakdown selectors", () => {
  it("knows an area's level by its code", () => {
    expect([levelOfArea("DK"), levelOfArea("1084"), levelOfArea("751")]).toEqual(["nation", "region", "municipality"]);
  });
  it("selects the headline, a whole breakdown or one value", () => {
    expect(breakdownSelected("all", "all", "")).toBe(true);
    expect(breakdownSelected("all", "koen", "male")).toBe(false);
    expect(breakdownSelected("koen", "koen", "male")).toBe(true);
    expect(breakdownSelected("koen", "all", "")).toBe(false);
    expect(breakdownSelected("koen:female", "koen", "male")).toBe(false);
    expect(breakdownSelected("koen:female", "koen", "female")).toBe(true);
  });
});
