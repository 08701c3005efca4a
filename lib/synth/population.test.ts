import { describe, expect, it } from "vitest";
import { cprFacts, isCprSyntax } from "@/lib/cpr";
import { dayFromYmd, isoDate } from "./dates";
import { ISLAND_CODES, MUNICIPALITIES, buildMunicipalityProfiles, municipalityForSorCode, sorCodeForMunicipality, SYNTHETIC_SOR_CODES } from "./municipalities";
import { BIRTHS_PER_YEAR, CprAllocator, buildPopulation, cohortYears, seventhDigitsFor } from "./population";
import { REGISTER_HEADER, registerRows } from "./register";

const pop = buildPopulation({ seed: 11, scale: 0.05, from: 2023, to: 2023 });
const infants = pop.families.filter((f) => f.infant);

describe("CPR numbers", () => {
  it("derive (lib/cpr) to the intended birth date and sex, and are unique", () => {
    const seen = new Set<string>();
    for (const f of pop.families) {
      for (const c of f.children) {
        const facts = cprFacts(c.cpr);
        expect(facts, c.cpr).not.toBeNull();
        expect(facts!.birthDate).toBe(isoDate(c.birthDay));
        expect(facts!.sex).toBe(c.sex === "M" ? "male" : "female");
        expect(seen.has(c.cpr)).toBe(false);
        seen.add(c.cpr);
      }
      for (const p of [f.mother, f.father]) {
        if (!p) continue;
        const facts = cprFacts(p.cpr);
        expect(facts, p.cpr).not.toBeNull();
        expect(facts!.birthDate).toBe(isoDate(p.birthDay));
        expect(facts!.sex).toBe(p.sex === "M" ? "male" : "female");
        const year = Number(facts!.birthDate.slice(0, 4));
        expect(year).toBeGreaterThanOrEqual(1970);
        expect(year).toBeLessThanOrEqual(2005);
        expect(seen.has(p.cpr)).toBe(false);
        seen.add(p.cpr);
      }
    }
  });

  it("never repeat for one date and sex, whatever the century", () => {
    for (const [y, m, d] of [[1975, 3, 1], [1999, 12, 31], [2004, 2, 29], [2023, 7, 14], [2036, 1, 1]] as const) {
      const day = dayFromYmd(y, m, d);
      const alloc = new CprAllocator(5);
      const got = new Set<string>();
      for (let i = 0; i < 1500; i++) {
        const sex = i % 2 === 0 ? "K" : "M";
        const cpr = alloc.allocate(day, sex);
        expect(isCprSyntax(cpr)).toBe(true);
        expect(cprFacts(cpr)!.birthDate).toBe(isoDate(day));
        expect(cprFacts(cpr)!.sex).toBe(sex === "M" ? "male" : "female");
        got.add(cpr);
      }
      expect(got.size).toBe(1500);
      expect(seventhDigitsFor(y).length).toBeGreaterThanOrEqual(4);
    }
  });
});

describe("births", () => {
  it("number about 57,000 a year at scale 1, spread over the year", () => {
    const n = infants.reduce((s, f) => s + f.children.length, 0);
    expect(n).toBeGreaterThan(BIRTHS_PER_YEAR * 0.05 * 0.95);
    expect(n).toBeLessThan(BIRTHS_PER_YEAR * 0.05 * 1.05);
    const months = new Array(12).fill(0);
    for (const f of infants) months[new Date(f.birthDay * 86_400_000).getUTCMonth()] += f.children.length;
    for (const m of months) {
      expect(m / n).toBeGreaterThan(0.065);
      expect(m / n).toBeLessThan(0.1);
    }
  });

  it("are weighted by municipality population; the islands are genuinely small", () => {
    const profiles = buildMunicipalityProfiles(11);
    const share = (code: string) => profiles.find((p) => p.code === code)!.birthShare;
    expect(profiles.reduce((s, p) => s + p.birthShare, 0)).toBeCloseTo(1, 6);
    for (const code of ISLAND_CODES) {
      expect(BIRTHS_PER_YEAR * share(code)).toBeLessThan(60); // per year at scale 1
      expect(BIRTHS_PER_YEAR * share(code)).toBeGreaterThan(5);
    }
    const kbh = infants.filter((f) => f.muni === "101").length;
    const laesoe = infants.filter((f) => f.muni === "825").length;
    expect(kbh).toBeGreaterThan(200);
    expect(laesoe).toBeLessThan(5);
  });

  it("include twins, preterm births and register gaps", () => {
    const twins = infants.filter((f) => f.children.length === 2);
    expect(twins.length / infants.length).toBeGreaterThan(0.008);
    expect(twins.length / infants.length).toBeLessThan(0.03);
    for (const t of twins) {
      expect(t.children[0]!.birthDay).toBe(t.children[1]!.birthDay);
      expect(t.children[0]!.cpr).not.toBe(t.children[1]!.cpr);
    }
    const kids = infants.flatMap((f) => f.children);
    const preterm = kids.filter((c) => c.gestation < 259).length / kids.length;
    expect(preterm).toBeGreaterThan(0.04);
    expect(preterm).toBeLessThan(0.1);
    const meanBw = kids.reduce((s, c) => s + c.birthWeight, 0) / kids.length;
    expect(meanBw).toBeGreaterThan(3300);
    expect(meanBw).toBeLessThan(3600);
    expect(kids.some((c) => c.registerWeight === null)).toBe(true);
    expect(kids.some((c) => c.registerGestation === null)).toBe(true);
    expect(infants.every((f) => f.mother !== null)).toBe(true);
    expect(infants.filter((f) => f.father !== null).length / infants.length).toBeGreaterThan(0.85);
  });

  it("cover the school cohorts (school entry at 6, exit at 15)", () => {
    expect(cohortYears(2023, 2023).all).toEqual([2008, 2017, 2023]);
    const entry = pop.families.flatMap((f) => f.children).filter((c) => c.schoolEntryYear === 2023);
    const exit = pop.families.flatMap((f) => f.children).filter((c) => c.schoolExitYear === 2023);
    expect(entry.length).toBeGreaterThan(2500);
    expect(exit.length).toBeGreaterThan(2500);
    for (const c of entry) expect(isoDate(c.birthDay).slice(0, 4)).toBe("2017");
    for (const c of exit) expect(isoDate(c.birthDay).slice(0, 4)).toBe("2008");
  });
});

describe("register rows", () => {
  it("follow PRODUCT.md's format", () => {
    expect(REGISTER_HEADER).toBe("cpr;foedselsdato;koen;foedselsvaegt_g;gestationsalder_dage;paritet;bopaelskommune;mor_uddannelse");
    const codes = new Set(MUNICIPALITIES.map((m) => m.code));
    let n = 0;
    for (const f of pop.families)
      for (const row of registerRows(f)) {
        n++;
        const cols = row.split(";");
        expect(cols).toHaveLength(8);
        expect(cols[0]).toMatch(/^\d{10}$/);
        expect(cols[1]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(cols[2]).toMatch(/^[KM]$/);
        expect(cols[3]).toMatch(/^(\d{3,4}|)$/);
        expect(cols[4]).toMatch(/^(\d{3}|)$/);
        expect(Number(cols[5])).toBeGreaterThanOrEqual(1);
        expect(codes.has(cols[6]!)).toBe(true);
        expect(["", "grundskole", "ungdomsuddannelse", "kort_videregaaende", "mellemlang_lang_videregaaende"]).toContain(cols[7]);
      }
    expect(n).toBe(pop.families.reduce((s, f) => s + f.children.length, 0));
  });
});

describe("SOR codes", () => {
  it("are ≥ 11 digits, unique and map back to their municipality", () => {
    expect(sorCodeForMunicipality("101")).toBe("910100000016");
    const seen = new Set<string>();
    for (const r of SYNTHETIC_SOR_CODES) {
      expect(r.sor).toMatch(/^[0-9]{11,}$/);
      expect(seen.has(r.sor)).toBe(false);
      seen.add(r.sor);
      expect(municipalityForSorCode(r.sor)).toBe(r.municipalityCode);
    }
    for (const m of MUNICIPALITIES) expect(municipalityForSorCode(sorCodeForMunicipality(m.code))).toBe(m.code);
    expect(MUNICIPALITIES).toHaveLength(98);
  });
});
