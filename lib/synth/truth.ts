/**
 * Ground-truth summaries of a generated dataset, computed from the simulation itself (not from
 * parsing its output). The realism tests check these against the brief's targets, and the
 * generator writes them into manifest.json so indicator code can be checked against what the
 * data were made to contain.
 *
 * Definitions follow PRODUCT.md's indicators, applied to what reached the database (accepted
 * reports): e.g. weight loss ≥ 10 % uses the weights sent in days 1–14 against the register
 * birth weight; breastfeeding uses the true full-breastfeeding duration.
 */
import type { FamilyTruth } from "./life";

export interface Cell {
  num: number;
  den: number;
}

export interface TruthRates {
  children: number;
  /** LDBU-01: lowest weight in days 1–14 ≤ 90 % of register birth weight, among children weighed then. */
  weightLoss10: Cell;
  /** Full breastfeeding > 14 days, > 119 days (LDBU-05), ≥ 182 days (LDBU-06); among infant children. */
  fullBf14: Cell;
  fullBf119: Cell;
  fullBf182: Cell;
  /** LDBU-02: a parent screened with EPDS at the 2-month visit (days 42–98), among children with that visit. */
  epdsScreened: Cell;
  /** LDBU-03: a screened parent scored ≥ 11 (default cut-off) / ≥ 13, among children with a screened parent. */
  epds11: Cell;
  epds13: Cell;
  /** Mothers' EPDS scores: sum and count (mean = sum / count), and the share ≥ 13. */
  epdsMotherSum: number;
  epdsMotherCount: number;
  epdsMother13: Cell;
  /** LDBU-04: intervention for that parent started 0–30 days after EPDS ≥ 11 or mental-state problem. */
  parentIntervention: Cell;
  /** LDBU-07/08: motor function assessed at 8–11 months, and normal among assessed. */
  motorAssessed: Cell;
  motorNormal: Cell;
  /** LDBU-09: all four universal visits (establishment, 2, 4–6, 8–11 months), among infant children. */
  allFourVisits: Cell;
  /** LDBU-10/11: school examinations done, among the school cohort. */
  schoolEntry: Cell;
  schoolExit: Cell;
}

const cell = (): Cell => ({ num: 0, den: 0 });

export function emptyRates(): TruthRates {
  return {
    children: 0,
    weightLoss10: cell(),
    fullBf14: cell(),
    fullBf119: cell(),
    fullBf182: cell(),
    epdsScreened: cell(),
    epds11: cell(),
    epds13: cell(),
    epdsMotherSum: 0,
    epdsMotherCount: 0,
    epdsMother13: cell(),
    parentIntervention: cell(),
    motorAssessed: cell(),
    motorNormal: cell(),
    allFourVisits: cell(),
    schoolEntry: cell(),
    schoolExit: cell(),
  };
}

export const rate = (c: Cell): number => (c.den === 0 ? NaN : c.num / c.den);

function add(c: Cell, hit: boolean): void {
  c.den++;
  if (hit) c.num++;
}

/** Accumulates truth per municipality, per birth year and nationally. */
export class TruthAccumulator {
  readonly national = emptyRates();
  readonly byMunicipality = new Map<string, TruthRates>();
  readonly byBirthYear = new Map<number, TruthRates>();

  private muni(code: string): TruthRates {
    let t = this.byMunicipality.get(code);
    if (!t) this.byMunicipality.set(code, (t = emptyRates()));
    return t;
  }

  private year(y: number): TruthRates {
    let t = this.byBirthYear.get(y);
    if (!t) this.byBirthYear.set(y, (t = emptyRates()));
    return t;
  }

  addFamily(f: FamilyTruth): void {
    for (const c of f.children) {
      const birthYear = new Date(c.birthDay * 86_400_000).getUTCFullYear();
      if (c.schoolEntry)
        for (const t of [this.national, this.muni(c.schoolEntry.muni)]) add(t.schoolEntry, c.schoolEntry.day !== null);
      if (c.schoolExit)
        for (const t of [this.national, this.muni(c.schoolExit.muni)]) add(t.schoolExit, c.schoolExit.day !== null);
      if (!c.infant) continue;
      const targets = [this.national, this.muni(c.muni), this.year(birthYear)];
      const early = c.weights.filter((w) => w.day >= 1 && w.day <= 14);
      const screened = f.epds.filter((e) => e.day >= 42 && e.day <= 98);
      const events = [
        ...screened.filter((e) => e.score >= 11).map((e) => ({ parent: e.parent, day: e.day })),
        ...f.mentalProblem.filter((e) => e.day >= 42 && e.day <= 98),
      ];
      for (const t of targets) {
        t.children++;
        if (c.registerWeight !== null && early.length > 0) {
          const min = Math.min(...early.map((w) => w.grams));
          add(t.weightLoss10, (c.registerWeight - min) / c.registerWeight >= 0.1);
        }
        add(t.fullBf14, c.fullBfDays > 14);
        add(t.fullBf119, c.fullBfDays > 119);
        add(t.fullBf182, c.fullBfDays >= 182);
        if (c.visits.m2 !== undefined) add(t.epdsScreened, screened.length > 0);
        if (screened.length > 0) {
          add(t.epds11, screened.some((e) => e.score >= 11));
          add(t.epds13, screened.some((e) => e.score >= 13));
        }
        if (events.length > 0)
          add(
            t.parentIntervention,
            events.some((e) => f.parentInterventions.some((i) => i.parent === e.parent && i.day >= e.day && i.day <= e.day + 30)),
          );
        if (c.visits.m8 !== undefined && c.motor8) {
          add(t.motorAssessed, c.motor8.state === "value");
          if (c.motor8.state === "value") add(t.motorNormal, c.motor8.grade === "normal");
        }
        add(t.allFourVisits, c.visits.establishment !== undefined && c.visits.m2 !== undefined && c.visits.m4 !== undefined && c.visits.m8 !== undefined);
      }
    }
    // Mothers' EPDS (per family, not per child)
    for (const e of f.epds)
      if (e.parent === "mother") {
        const c0 = f.children[0]!;
        for (const t of [this.national, this.muni(c0.muni), this.year(new Date(c0.birthDay * 86_400_000).getUTCFullYear())]) {
          t.epdsMotherSum += e.score;
          t.epdsMotherCount++;
          add(t.epdsMother13, e.score >= 13);
        }
      }
  }

  toJSON(): { national: TruthRates; byMunicipality: Record<string, TruthRates>; byBirthYear: Record<string, TruthRates> } {
    return {
      national: this.national,
      byMunicipality: Object.fromEntries([...this.byMunicipality.entries()].sort(([a], [b]) => (a < b ? -1 : 1))),
      byBirthYear: Object.fromEntries([...this.byBirthYear.entries()].sort(([a], [b]) => a - b)),
    };
  }
}
