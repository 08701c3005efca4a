import { describe, expect, it } from "vitest";
import {
  isSmallNumber,
  needsPrimarySuppression,
  suppress,
  suppressionReport,
  type AdditiveGroup,
  type SuppressionCell,
  type SuppressionReason,
} from "./suppression";

const cell = (key: string, numerator: number, denominator: number): SuppressionCell => ({ key, numerator, denominator });

/** the cells with a given status, sorted, for readable expectations */
function withStatus(status: Map<string, SuppressionReason | null>, reason: SuppressionReason): string[] {
  return [...status].filter(([, r]) => r === reason).map(([k]) => k).sort();
}

/** Nothing recoverable: every group with a published total has 0 or ≥ 2 quantities the viewer does not know. */
function expectNoSingleUnknown(status: Map<string, SuppressionReason | null>, groups: readonly AdditiveGroup[], entitled: (k: string) => boolean = () => false) {
  const known = (k: string) => entitled(k) || status.get(k) === null;
  for (const g of groups) {
    if (g.total === null) continue;
    const unknown = [g.total, ...g.members].filter((k) => !known(k));
    expect(unknown.length, `group ${g.total}: ${unknown.join(", ")}`).not.toBe(1);
  }
}

describe("primary suppression", () => {
  it("treats 1–4 as small and 0 as not small", () => {
    expect([0, 1, 2, 3, 4, 5, 100].map(isSmallNumber)).toEqual([false, true, true, true, true, false, false]);
  });
  it("hides a cell whose numerator or denominator is small", () => {
    expect(needsPrimarySuppression({ numerator: 3, denominator: 50 })).toBe(true);
    expect(needsPrimarySuppression({ numerator: 0, denominator: 4 })).toBe(true);
    expect(needsPrimarySuppression({ numerator: 0, denominator: 50 })).toBe(false);
    expect(needsPrimarySuppression({ numerator: 0, denominator: 0 })).toBe(false);
    expect(needsPrimarySuppression({ numerator: 5, denominator: 5 })).toBe(false);
  });
  it("without groups, only the small cells are hidden and every cell gets a status", () => {
    const status = suppress([cell("a", 0, 30), cell("b", 4, 30), cell("c", 12, 4), cell("d", 5, 5)], []);
    expect([...status]).toEqual([
      ["a", null],
      ["b", "primary"],
      ["c", "primary"],
      ["d", null],
    ]);
  });
});

describe("complementary suppression in one region", () => {
  // Region Nordjylland (R) = Læsø + Frederikshavn + Hjørring + Aalborg
  const region: AdditiveGroup = { total: "R", members: ["Læsø", "Frederikshavn", "Hjørring", "Aalborg"] };

  it("hides a second cell when a region has one small municipality", () => {
    const cells = [cell("R", 330, 4000), cell("Læsø", 3, 10), cell("Frederikshavn", 40, 500), cell("Hjørring", 50, 600), cell("Aalborg", 237, 2890)];
    const status = suppress(cells, [region]);
    expect(withStatus(status, "primary")).toEqual(["Læsø"]);
    expect(withStatus(status, "complementary")).toEqual(["Frederikshavn"]); // the next-smallest denominator
    expect(status.get("R")).toBeNull();
    expectNoSingleUnknown(status, [region]);
  });

  it("needs nothing more when two municipalities are small", () => {
    const cells = [cell("R", 327, 3994), cell("Læsø", 3, 10), cell("Frederikshavn", 2, 40), cell("Hjørring", 50, 600), cell("Aalborg", 272, 3344)];
    const status = suppress(cells, [region]);
    expect(withStatus(status, "primary")).toEqual(["Frederikshavn", "Læsø"]);
    expect(withStatus(status, "complementary")).toEqual([]);
  });

  it("breaks ties in denominator by key", () => {
    const cells = [cell("R", 103, 1010), cell("Læsø", 3, 10), cell("Frederikshavn", 50, 500), cell("Hjørring", 50, 500), cell("Aalborg", 0, 0)];
    const status = suppress(cells, [region]);
    expect(withStatus(status, "complementary")).toEqual(["Frederikshavn"]); // "Frederikshavn" < "Hjørring"
  });

  it("prefers a non-empty cell to an empty (0/0) one, which would protect nothing", () => {
    const cells = [cell("R", 103, 1010), cell("Læsø", 3, 10), cell("Frederikshavn", 50, 500), cell("Hjørring", 50, 500), cell("Aalborg", 0, 0)];
    const status = suppress(cells, [region]);
    expect(status.get("Aalborg")).toBeNull();
  });

  it("hides the total before an empty cell, and an empty cell only as the last resort", () => {
    // x is small; the viewer is entitled to y, so only the total T or the empty z could protect x
    const cells = [cell("T", 20, 100), cell("x", 3, 10), cell("y", 17, 90), cell("z", 0, 0)];
    const group = { total: "T", members: ["x", "y", "z"] };
    const status = suppress(cells, [group], { entitled: (k) => k === "y" });
    expect(status.get("T")).toBe("complementary");
    expect(status.get("z")).toBeNull();
    const lastResort = suppress(cells, [group], { entitled: (k) => k === "y" || k === "T" });
    expect(lastResort.get("z")).toBe("complementary");
  });

  it("shows the viewer's own small municipality, which does not protect a small neighbour", () => {
    const cells = [cell("R", 330, 4000), cell("Læsø", 3, 10), cell("Frederikshavn", 2, 40), cell("Hjørring", 50, 600), cell("Aalborg", 275, 3350)];
    // a health visitor in Læsø: sees Læsø unsuppressed; knows it, so Frederikshavn = R − Læsø − Hjørring − Aalborg
    // unless one more cell is hidden
    const entitled = (k: string) => k === "Læsø";
    const status = suppress(cells, [region], { entitled });
    expect(status.get("Læsø")).toBeNull();
    expect(status.get("Frederikshavn")).toBe("primary");
    expect(status.get("Hjørring")).toBe("complementary");
    expect(status.get("Aalborg")).toBeNull();
    expectNoSingleUnknown(status, [region], entitled);
    // the same table for a viewer from Aalborg: Læsø and Frederikshavn protect each other
    const other = suppress(cells, [region], { entitled: (k) => k === "Aalborg" });
    expect(withStatus(other, "primary")).toEqual(["Frederikshavn", "Læsø"]);
    expect(withStatus(other, "complementary")).toEqual([]);
  });

  it("hides nothing for a viewer whose own small municipality is the only small cell", () => {
    const cells = [cell("R", 330, 4000), cell("Læsø", 3, 10), cell("Frederikshavn", 40, 500), cell("Hjørring", 50, 600), cell("Aalborg", 237, 2890)];
    const status = suppress(cells, [region], { entitled: (k) => k === "Læsø" });
    expect([...status.values()].every((s) => s === null)).toBe(true);
  });

  it("shows everything to a viewer entitled to everything (SundK)", () => {
    const cells = [cell("R", 327, 3994), cell("Læsø", 3, 10), cell("Frederikshavn", 2, 40), cell("Hjørring", 50, 600), cell("Aalborg", 272, 3344)];
    const status = suppress(cells, [region], { entitled: () => true });
    expect([...status.values()].every((s) => s === null)).toBe(true);
  });

  it("ignores a group whose total is not published: nothing to subtract from", () => {
    const cells = [cell("Læsø", 3, 10), cell("Frederikshavn", 40, 500), cell("Hjørring", 50, 600), cell("Aalborg", 237, 2890)];
    const status = suppress(cells, [{ total: null, members: region.members }]);
    expect(withStatus(status, "complementary")).toEqual([]);
  });

  it("needs nothing more when the total itself is hidden", () => {
    // a breakdown of a small total: the total is suppressed, so a single hidden category cannot be recovered
    const cells = [cell("all", 3, 40), cell("girls", 3, 22), cell("boys", 0, 18)];
    const group = { total: "all", members: ["girls", "boys"] };
    const status = suppress(cells, [group]);
    expect(withStatus(status, "primary")).toEqual(["all", "girls"]);
    expect(status.get("boys")).toBeNull();
    expectNoSingleUnknown(status, [group]);
  });
});

describe("chains across groups", () => {
  // Nation DK = regions R1 + R2 + R3; each region = its municipalities
  const cells = [
    cell("DK", 1500, 15000),
    cell("R1", 330, 4000),
    cell("R2", 520, 5000),
    cell("R3", 650, 6000),
    cell("R1.a", 3, 10),
    cell("R1.b", 327, 3990),
    cell("R2.a", 100, 1000),
    cell("R2.b", 420, 4000),
    cell("R3.a", 150, 1500),
    cell("R3.b", 500, 4500),
  ];
  const groups: AdditiveGroup[] = [
    { total: "R1", members: ["R1.a", "R1.b"] },
    { total: "R2", members: ["R2.a", "R2.b"] },
    { total: "R3", members: ["R3.a", "R3.b"] },
    { total: "DK", members: ["R1", "R2", "R3"] },
  ];

  it("protects within the region without touching the national level", () => {
    const status = suppress(cells, groups);
    expect(withStatus(status, "primary")).toEqual(["R1.a"]);
    expect(withStatus(status, "complementary")).toEqual(["R1.b"]);
    expectNoSingleUnknown(status, groups);
  });

  it("hides the region total when the viewer knows every other municipality, and follows the chain up and down", () => {
    // a viewer from R1.b knows their own figure: R1.a = R1 − R1.b. The only cell left to hide is R1 itself;
    // then R1 = DK − R2 − R3, so a second region is hidden (the smallest, R2); then R2 = R2.a + R2.b, so one of
    // R2's municipalities is hidden too (the smallest, R2.a).
    const entitled = (k: string) => k === "R1.b";
    const report = suppressionReport(cells, groups, { entitled });
    expect(withStatus(report.status, "primary")).toEqual(["R1.a"]);
    expect(withStatus(report.status, "complementary")).toEqual(["R1", "R2", "R2.a"]);
    expect(report.status.get("R1.b")).toBeNull();
    expect(report.recoverable).toEqual([]);
    expectNoSingleUnknown(report.status, groups, entitled);
  });

  it("reports a cell it cannot protect, and treats it as known elsewhere", () => {
    // entitled to the total and the other member as well: the small cell is R − b whatever is hidden
    const report = suppressionReport([cell("R", 50, 500), cell("a", 3, 10), cell("b", 47, 490)], [{ total: "R", members: ["a", "b"] }], {
      entitled: (k) => k !== "a",
    });
    expect(report.status.get("a")).toBe("primary");
    expect(report.recoverable).toEqual(["a"]);
    // a one-municipality "region" is its municipality: a viewer entitled to the municipality can work the region
    // out, so the region does not protect anything at the national level either
    const cellsOne = [cell("DK", 100, 1000), cell("R1", 3, 10), cell("R1.a", 3, 10), cell("R2", 2, 9), cell("R3", 95, 981)];
    const groupsOne: AdditiveGroup[] = [
      { total: "R1", members: ["R1.a"] },
      { total: "DK", members: ["R1", "R2", "R3"] },
    ];
    const one = suppressionReport(cellsOne, groupsOne, { entitled: (k) => k === "R1.a" });
    expect(one.status.get("R1")).toBe("primary");
    expect(one.recoverable).toEqual(["R1"]);
    // R1 and R2 are both small, but R1 does not protect R2 from this viewer: R2 = DK − R1 − R3, so R3 is hidden too
    expect(one.status.get("R2")).toBe("primary");
    expect(one.status.get("R3")).toBe("complementary");
    // for a viewer from elsewhere, R1 and R2 protect each other
    const elsewhere = suppress(cellsOne, groupsOne);
    expect(withStatus(elsewhere, "complementary")).toEqual([]);
  });
});

describe("breakdowns (two-way tables)", () => {
  // municipality × sex: each municipality's girls + boys = its total; each sex over municipalities = the region's
  // figure for that sex; municipality totals = region total.
  const cells = [
    cell("R", 300, 3000),
    cell("R:K", 140, 1450),
    cell("R:M", 160, 1550),
    cell("A", 20, 200),
    cell("A:K", 2, 95),
    cell("A:M", 18, 105),
    cell("B", 80, 800),
    cell("B:K", 38, 390),
    cell("B:M", 42, 410),
    cell("C", 200, 2000),
    cell("C:K", 100, 965),
    cell("C:M", 100, 1035),
  ];
  const groups: AdditiveGroup[] = [
    { total: "A", members: ["A:K", "A:M"] },
    { total: "B", members: ["B:K", "B:M"] },
    { total: "C", members: ["C:K", "C:M"] },
    { total: "R:K", members: ["A:K", "B:K", "C:K"] },
    { total: "R:M", members: ["A:M", "B:M", "C:M"] },
    { total: "R", members: ["A", "B", "C"] },
    { total: "R", members: ["R:K", "R:M"] },
  ];

  it("iterates across rows and columns until nothing can be recovered", () => {
    const status = suppress(cells, groups);
    expect(withStatus(status, "primary")).toEqual(["A:K"]);
    // A:K hidden → row A needs A:M; column K needs B:K (390 < 965); column M then has A:M alone → B:M (410 < 1035);
    // row B then has two hidden cells; the headline figures stay visible
    expect(withStatus(status, "complementary")).toEqual(["A:M", "B:K", "B:M"]);
    expect(["A", "B", "C", "R", "R:K", "R:M"].map((k) => status.get(k))).toEqual([null, null, null, null, null, null]);
    expectNoSingleUnknown(status, groups);
  });

  it("does not depend on the order of the cells", () => {
    const a = suppress(cells, groups);
    const b = suppress([...cells].reverse(), groups);
    expect(new Map([...b].sort())).toEqual(new Map([...a].sort()));
  });

  it("holds for random hierarchies and viewers", () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 300; round++) {
      const cellsR: SuppressionCell[] = [];
      const groupsR: AdditiveGroup[] = [];
      const regions: string[] = [];
      const municipalities: string[] = [];
      let nationN = 0;
      let nationD = 0;
      const regionCount = 1 + Math.floor(random() * 4);
      for (let r = 0; r < regionCount; r++) {
        const members: string[] = [];
        let rn = 0;
        let rd = 0;
        const mCount = 1 + Math.floor(random() * 5);
        for (let m = 0; m < mCount; m++) {
          const d = random() < 0.3 ? Math.floor(random() * 6) : Math.floor(random() * 500);
          const n = Math.floor(random() * (d + 1));
          const key = `r${r}m${m}`;
          cellsR.push(cell(key, n, d));
          members.push(key);
          municipalities.push(key);
          rn += n;
          rd += d;
        }
        cellsR.push(cell(`r${r}`, rn, rd));
        groupsR.push({ total: `r${r}`, members });
        regions.push(`r${r}`);
        nationN += rn;
        nationD += rd;
      }
      cellsR.push(cell("dk", nationN, nationD));
      groupsR.push({ total: "dk", members: regions });
      const own = random() < 0.5 ? municipalities[Math.floor(random() * municipalities.length)] : null;
      const entitled = (k: string) => k === own;
      const report = suppressionReport(cellsR, groupsR, { entitled });
      for (const c of cellsR) {
        const s = report.status.get(c.key);
        if (entitled(c.key)) expect(s).toBeNull();
        else if (needsPrimarySuppression(c)) expect(s).toBe("primary");
        else expect(s === null || s === "complementary").toBe(true);
      }
      // anything still recoverable must follow from the viewer's own figures alone (e.g. a one-member region)
      const fromOwn = new Set(own === null ? [] : [own]);
      for (let grew = true; grew; ) {
        grew = false;
        for (const g of groupsR) {
          const unknown = [g.total!, ...g.members].filter((k) => !fromOwn.has(k));
          if (unknown.length === 1) {
            fromOwn.add(unknown[0]);
            grew = true;
          }
        }
      }
      for (const k of report.recoverable) expect(fromOwn.has(k), `${k} recoverable`).toBe(true);
      const derived = (k: string) => entitled(k) || report.recoverable.includes(k);
      expectNoSingleUnknown(report.status, groupsR, derived);
    }
  });
});

describe("input checks", () => {
  it("rejects duplicate keys and groups naming unknown cells or containing their own total", () => {
    expect(() => suppress([cell("a", 1, 5), cell("a", 2, 5)], [])).toThrow(/duplicate/);
    expect(() => suppress([cell("a", 1, 5)], [{ total: "T", members: ["a"] }])).toThrow(/unknown cell T/);
    expect(() => suppress([cell("T", 1, 5), cell("a", 1, 5)], [{ total: "T", members: ["a", "T"] }])).toThrow(/its total/);
    expect(() => suppress([cell("T", 1, 5), cell("a", 1, 5)], [{ total: "T", members: ["a", "a"] }])).toThrow(/twice/);
  });
});
