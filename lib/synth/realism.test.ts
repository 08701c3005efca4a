/**
 * Realism at scale 0.2 (two birth cohorts, one school year), computed from the generator's own
 * ground truth (what reached the database, per PRODUCT.md's indicator definitions): national
 * rates near the brief's targets, and real differences between municipalities.
 */
import { describe, expect, it } from "vitest";
import { simContext } from "./generate";
import { simulateFamily, type FamilyTruth } from "./life";
import { ISLAND_CODES } from "./municipalities";
import { buildPopulation } from "./population";
import { TruthAccumulator, rate, type Cell, type TruthRates } from "./truth";

const pop = buildPopulation({ seed: 4, scale: 0.2, from: 2022, to: 2023 });
const ctx = simContext(pop, 4);
const acc = new TruthAccumulator();
const truths: FamilyTruth[] = [];
for (const f of pop.families) {
  // infant cohorts 2022–2023 and the 2023 school year (born 2017 and 2008)
  const y = new Date(f.birthDay * 86_400_000).getUTCFullYear();
  if (!f.infant && y !== 2017 && y !== 2008) continue;
  const t = simulateFamily(f, ctx).truth;
  acc.addFamily(t);
  truths.push(t);
}
const nat = acc.national;

function wilson(c: Cell, z = 1.96): [number, number] {
  const p = c.num / c.den;
  const d = 1 + (z * z) / c.den;
  const centre = (p + (z * z) / (2 * c.den)) / d;
  const half = (z * Math.sqrt((p * (1 - p)) / c.den + (z * z) / (4 * c.den * c.den))) / d;
  return [centre - half, centre + half];
}

function municipal(key: keyof TruthRates, minDen = 150) {
  const rows = [...acc.byMunicipality.entries()]
    .map(([code, r]) => ({ code, cell: r[key] as Cell }))
    .filter((x) => x.cell.den >= minDen)
    .map((x) => ({ ...x, rate: rate(x.cell) }))
    .sort((a, b) => a.rate - b.rate);
  const q = (p: number) => rows[Math.floor(p * (rows.length - 1))]!.rate;
  const national = rate(nat[key] as Cell);
  return {
    rows,
    p10: q(0.1),
    p90: q(0.9),
    better: rows.filter((r) => wilson(r.cell)[0] > national).length,
    worse: rows.filter((r) => wilson(r.cell)[1] < national).length,
  };
}

describe("national rates (ground truth, scale 0.2)", () => {
  it("has a realistic population", () => {
    expect(nat.children).toBeGreaterThan(2 * 57_000 * 0.2 * 0.95);
  });

  it("weight loss ≥ 10 % in days 1–14", () => {
    expect(rate(nat.weightLoss10)).toBeGreaterThan(0.06);
    expect(rate(nat.weightLoss10)).toBeLessThan(0.1);
    expect(nat.weightLoss10.den / nat.children).toBeGreaterThan(0.9); // almost everyone weighed early
  });

  it("full breastfeeding: ~86 % beyond 2 weeks, ~59 % beyond 17 weeks, fewer at 26 weeks", () => {
    expect(rate(nat.fullBf14)).toBeGreaterThan(0.83);
    expect(rate(nat.fullBf14)).toBeLessThan(0.89);
    expect(rate(nat.fullBf119)).toBeGreaterThan(0.55);
    expect(rate(nat.fullBf119)).toBeLessThan(0.63);
    expect(rate(nat.fullBf182)).toBeGreaterThan(0.08);
    expect(rate(nat.fullBf182)).toBeLessThan(0.25);
  });

  it("EPDS around 2 months: mean ~5, ≥ 13 in ~3 % of mothers; mental state consistent; interventions follow", () => {
    expect(nat.epdsMotherSum / nat.epdsMotherCount).toBeGreaterThan(4.5);
    expect(nat.epdsMotherSum / nat.epdsMotherCount).toBeLessThan(5.5);
    expect(rate(nat.epdsMother13)).toBeGreaterThan(0.02);
    expect(rate(nat.epdsMother13)).toBeLessThan(0.045);
    expect(rate(nat.epdsScreened)).toBeGreaterThan(0.75);
    expect(rate(nat.epdsScreened)).toBeLessThan(0.95);
    expect(rate(nat.parentIntervention)).toBeGreaterThan(0.6);
    expect(rate(nat.parentIntervention)).toBeLessThan(0.92);
    // the mental-state indicator agrees with the score
    let high = 0;
    let highProblem = 0;
    let low = 0;
    let lowProblem = 0;
    for (const t of truths)
      for (const e of t.epds) {
        const problem = t.mentalProblem.some((m) => m.parent === e.parent && m.day === e.day);
        if (e.score >= 13) {
          high++;
          if (problem) highProblem++;
        } else if (e.score < 8) {
          low++;
          if (problem) lowProblem++;
        }
      }
    expect(highProblem / high).toBeGreaterThan(0.5);
    expect(lowProblem / low).toBeLessThan(0.02);
  });

  it("visits, motor function and school examinations", () => {
    expect(rate(nat.allFourVisits)).toBeGreaterThan(0.6);
    expect(rate(nat.allFourVisits)).toBeLessThan(0.85);
    expect(rate(nat.motorAssessed)).toBeGreaterThan(0.85);
    expect(rate(nat.motorAssessed)).toBeLessThan(0.99);
    expect(rate(nat.motorNormal)).toBeGreaterThan(0.88);
    expect(rate(nat.motorNormal)).toBeLessThan(0.98);
    expect(rate(nat.schoolEntry)).toBeGreaterThan(0.85);
    expect(rate(nat.schoolEntry)).toBeLessThan(0.98);
    expect(rate(nat.schoolExit)).toBeGreaterThan(0.78);
    expect(rate(nat.schoolExit)).toBeLessThan(0.95);
    expect(nat.schoolEntry.den).toBeGreaterThan(57_000 * 0.2 * 0.9);
  });
});

describe("between-municipality variation", () => {
  it("weight loss ≥ 10 % ranges over roughly 5–12 % between municipalities", () => {
    const m = municipal("weightLoss10");
    expect(m.rows.length).toBeGreaterThan(25);
    expect(m.p10).toBeGreaterThan(0.03);
    expect(m.p10).toBeLessThan(0.065);
    expect(m.p90).toBeGreaterThan(0.085);
    expect(m.p90).toBeLessThan(0.15);
  });

  it("breastfeeding, EPDS screening and visit coverage differ enough for benchmarking to find", () => {
    for (const key of ["fullBf119", "epdsScreened", "allFourVisits", "motorAssessed"] as const) {
      const m = municipal(key);
      expect(m.p90 - m.p10, key).toBeGreaterThan(0.05);
      expect(m.better, `${key}: municipalities clearly better`).toBeGreaterThan(0);
      expect(m.worse, `${key}: municipalities clearly worse`).toBeGreaterThan(0);
    }
  });

  it("the island municipalities produce genuinely small numbers", () => {
    for (const code of ISLAND_CODES) {
      const n = acc.byMunicipality.get(code)?.children ?? 0;
      expect(n, code).toBeLessThan(2 * 60 * 0.2); // < 60 births a year at scale 1
    }
  });
});
