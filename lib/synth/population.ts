/**
 * The synthetic population: births per municipality and day, twins, birth weight and gestational
 * age, parity and mother's education, parents as citizens, and syntactically valid, unique CPR
 * numbers whose birth date and sex derive (by lib/cpr) to the intended ones.
 *
 * The unit is a *family* (one delivery): one child, or two for twins, with the same parents. School
 * cohorts (children who are 6 or 15 in a school year of the window) are families too, without
 * parent citizens (school reports carry only the child).
 */
import { birthYear } from "@/lib/cpr";
import { dayFromYmd, daysInYear, weekday, yearOf } from "./dates";
import { buildMunicipalityProfiles, type MunicipalityProfile } from "./municipalities";
import { clamp, hash32, rngFor, type Rng } from "./random";

export type Sex = "K" | "M";
export type Education = "grundskole" | "ungdomsuddannelse" | "kort_videregaaende" | "mellemlang_lang_videregaaende" | "";
export const EDUCATIONS: Exclude<Education, "">[] = ["grundskole", "ungdomsuddannelse", "kort_videregaaende", "mellemlang_lang_videregaaende"];

/** Live births a year at scale 1 (Statistics Denmark 2023: 57,470). */
export const BIRTHS_PER_YEAR = 57_000;
/** Share of deliveries that are twin deliveries. */
export const TWIN_DELIVERY_RATE = 0.016;

export interface Parent {
  cpr: string;
  sex: Sex;
  birthDay: number;
}

export interface Child {
  /** 0 for a singleton, 1 / 2 for the first / second twin. */
  order: 0 | 1 | 2;
  cpr: string;
  sex: Sex;
  birthDay: number;
  /** Register birth weight in g (the true one), null when the register lacks it. */
  registerWeight: number | null;
  /** Register gestational age in days, null when the register lacks it. */
  registerGestation: number | null;
  /** True birth weight (always known to the simulation). */
  birthWeight: number;
  gestation: number;
  /** Born abroad: no birth-register data, otherwise an ordinary child. */
  bornAbroad: boolean;
  /** School year (starting August of that year) of the school-entry examination, if in the window. */
  schoolEntryYear?: number;
  schoolExitYear?: number;
  /** Municipality of the school examinations. */
  schoolMuni?: string;
  /** `bopaelskommune` of the register extract. */
  registerMuni: string;
}

export interface Family {
  serial: number;
  /** Birth municipality (custodian of the infant programme). */
  muni: string;
  birthDay: number;
  /** Infant programme (pregnancy … 8–11 months) in the window. */
  infant: boolean;
  parity: number;
  education: Education;
  /** Parents (only for infant families). */
  mother: Parent | null;
  father: Parent | null;
  children: Child[];
  /** Move to another municipality during the first year (new custodian, new journal, new ids). */
  move?: { muni: string; day: number };
}

export interface PopulationOptions {
  seed: number;
  scale: number;
  from: number;
  to: number;
}

export interface Population {
  profiles: MunicipalityProfile[];
  families: Family[];
  birthYears: number[];
}

/** Birth years whose children appear in the window [from, to], and in which role. */
export function cohortYears(from: number, to: number): { infant: Set<number>; entry: Set<number>; exit: Set<number>; all: number[] } {
  const infant = new Set<number>();
  const entry = new Set<number>();
  const exit = new Set<number>();
  for (let y = from; y <= to; y++) {
    infant.add(y);
    entry.add(y - 6);
    exit.add(y - 15);
  }
  const all = [...new Set([...infant, ...entry, ...exit])].sort((a, b) => a - b);
  return { infant, entry, exit, all };
}

// ---------------------------------------------------------------------------------------------
// CPR numbers
// ---------------------------------------------------------------------------------------------

/** The 7th digits that give `year` for its two-digit year, per lib/cpr's century rule. */
export function seventhDigitsFor(year: number): number[] {
  const yy = year % 100;
  const out: number[] = [];
  for (let d = 0; d <= 9; d++) if (birthYear(yy, d) === year) out.push(d);
  return out;
}

/**
 * Hands out unique CPR numbers per (birth date, sex). The n-th number of a date and sex is slot n
 * of a seeded permutation of all (7th digit, 8th–9th digits, parity-correct 10th digit) slots, so
 * numbers look random but can never repeat.
 */
export class CprAllocator {
  private readonly counters = new Map<number, number>();
  constructor(private readonly seed: number) {}

  allocate(day: number, sex: Sex): string {
    const key = day * 2 + (sex === "M" ? 1 : 0);
    const n = this.counters.get(key) ?? 0;
    this.counters.set(key, n + 1);
    const iso = new Date(day * 86_400_000).toISOString();
    const year = Number(iso.slice(0, 4));
    const sevenths = seventhDigitsFor(year);
    const slots = sevenths.length * 100 * 5;
    if (n >= slots) throw new Error(`CPR numbers exhausted for ${iso.slice(0, 10)} ${sex}`);
    const offset = hash32(this.seed, "cpr", key) % slots;
    const k = (n * 7919 + offset) % slots; // 7919 is prime and coprime to 2^a·3^b·5^c
    const d7 = sevenths[k % sevenths.length]!;
    const rest = Math.floor(k / sevenths.length);
    const d89 = rest % 100;
    const parity = Math.floor(rest / 100); // 0..4
    const d10 = parity * 2 + (sex === "M" ? 1 : 0);
    const dd = iso.slice(8, 10);
    const mm = iso.slice(5, 7);
    const yy = iso.slice(2, 4);
    return `${dd}${mm}${yy}${d7}${d89 < 10 ? "0" : ""}${d89}${d10}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Births
// ---------------------------------------------------------------------------------------------

/** Cumulative weights of the days of a year: mild summer peak, fewer births at weekends. */
function dayCdf(year: number): Float64Array {
  const n = daysInYear(year);
  const first = dayFromYmd(year, 1, 1);
  const cdf = new Float64Array(n);
  let acc = 0;
  for (let i = 0; i < n; i++) {
    const season = 1 + 0.06 * Math.sin((2 * Math.PI * (i - 100)) / 365);
    const wd = weekday(first + i);
    const week = wd === 5 ? 0.86 : wd === 6 ? 0.82 : 1.05;
    acc += season * week;
    cdf[i] = acc;
  }
  for (let i = 0; i < n; i++) cdf[i] = cdf[i]! / acc;
  return cdf;
}

function sampleCdf(cdf: Float64Array, u: number): number {
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cdf[mid]! < u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Median birth weight (g) by completed gestational week (Fenton-like, both sexes). */
const BW_BY_WEEK: [number, number][] = [
  [22, 500], [24, 650], [26, 850], [28, 1100], [30, 1450], [32, 1800], [34, 2300], [35, 2550],
  [36, 2780], [37, 3020], [38, 3250], [39, 3430], [40, 3560], [41, 3690], [42, 3780], [43, 3820],
];

function interp(table: [number, number][], x: number): number {
  if (x <= table[0]![0]) return table[0]![1];
  for (let i = 1; i < table.length; i++) {
    const [x1, y1] = table[i]!;
    if (x <= x1) {
      const [x0, y0] = table[i - 1]!;
      return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
    }
  }
  return table[table.length - 1]![1];
}

export function medianBirthWeight(gestationDays: number): number {
  return interp(BW_BY_WEEK, gestationDays / 7);
}

function sampleGestation(r: Rng, twin: boolean): number {
  if (twin) return Math.round(clamp(r.normal(250, 14), 196, 275));
  const u = r.next();
  if (u < 0.06) {
    // preterm (< 259 days): mostly late preterm
    const v = r.next();
    if (v < 0.78) return r.intBetween(238, 258);
    if (v < 0.93) return r.intBetween(224, 237);
    return r.intBetween(168, 223);
  }
  if (u < 0.985) return Math.round(clamp(r.normal(279, 8), 259, 293));
  return r.intBetween(294, 300); // post-term
}

function sampleBirthWeight(r: Rng, gestation: number, sex: Sex, twin: boolean): number {
  const median = medianBirthWeight(gestation) * (sex === "M" ? 1.02 : 0.98) * (twin ? 0.92 : 1);
  return Math.round(clamp(median * Math.exp(r.normal(0, 0.115)), 420, 5900));
}

function sampleParity(r: Rng): number {
  return 1 + r.weightedIndex([0.43, 0.36, 0.14, 0.05, 0.015, 0.005]);
}

function sampleEducation(r: Rng, ses: number): Education {
  const w = [0.12 - 0.06 * ses, 0.31 - 0.06 * ses, 0.07, 0.47 + 0.12 * ses, 0.03];
  const i = r.weightedIndex(w.map((x) => Math.max(0.005, x)));
  return i < 4 ? EDUCATIONS[i]! : "";
}

/** A parent's birth day: age at the child's birth from the distribution, year kept within 1970–2005. */
function parentBirthDay(r: Rng, childDay: number, meanAge: number): number {
  const childYear = yearOf(childDay);
  let age = clamp(r.normal(meanAge, 4.6), 18, 47);
  const loYear = Math.max(1970, childYear - 47);
  const hiYear = Math.min(2005, childYear - 18);
  let y = childYear - age;
  if (loYear <= hiYear) y = clamp(y, loYear, hiYear + 0.999);
  age = childYear - y;
  const day = Math.round(childDay - age * 365.25 + r.normal(0, 60));
  const yr = yearOf(day);
  if (loYear <= hiYear && (yr < loYear || yr > hiYear)) return dayFromYmd(yr < loYear ? loYear : hiYear, 1 + r.int(12), 1 + r.int(28));
  return day;
}

function otherMunicipalityInRegion(r: Rng, profiles: MunicipalityProfile[], muni: string): string {
  const self = profiles.find((p) => p.code === muni)!;
  const pool = profiles.filter((p) => p.regionCode === self.regionCode && p.code !== muni);
  return r.weighted(pool, pool.map((p) => p.birthShare)).code;
}

/**
 * Build the population for the window: all families of the birth years that have an infant
 * programme or a school examination in [from, to]. Deterministic for (seed, scale, from, to).
 */
export function buildPopulation(opts: PopulationOptions): Population {
  const { seed, scale, from, to } = opts;
  if (!(scale > 0)) throw new Error("scale must be > 0");
  if (!(to >= from)) throw new Error("to must be >= from");
  const profiles = buildMunicipalityProfiles(seed);
  const years = cohortYears(from, to);
  interface Draft extends Omit<Family, "serial" | "mother" | "father" | "children"> {
    mother: { day: number } | null;
    father: { day: number } | null;
    children: Omit<Child, "cpr">[];
    order: number;
  }
  const drafts: Draft[] = [];
  for (const year of years.all) {
    const cdf = dayCdf(year);
    const first = dayFromYmd(year, 1, 1);
    const isInfant = years.infant.has(year);
    const entryYear = years.entry.has(year) ? year + 6 : undefined;
    const exitYear = years.exit.has(year) ? year + 15 : undefined;
    for (const p of profiles) {
      const r = rngFor(seed, "births", year, p.code);
      const expectedDeliveries = (BIRTHS_PER_YEAR * scale * p.birthShare) / (1 + TWIN_DELIVERY_RATE);
      const n = r.roundStochastic(expectedDeliveries);
      for (let i = 0; i < n; i++) {
        const birthDay = first + sampleCdf(cdf, r.next());
        const twin = r.chance(TWIN_DELIVERY_RATE);
        const parity = sampleParity(r);
        const education = sampleEducation(r, p.ses);
        const gestation = sampleGestation(r, twin);
        const nChildren = twin ? 2 : 1;
        const children: Omit<Child, "cpr">[] = [];
        let firstSex: Sex = r.chance(0.513) ? "M" : "K";
        for (let c = 0; c < nChildren; c++) {
          const sex: Sex = c === 0 ? firstSex : r.chance(0.35) ? firstSex : r.chance(0.5) ? "M" : "K";
          if (c === 0) firstSex = sex;
          const bw = sampleBirthWeight(r, gestation, sex, twin);
          const bornAbroad = c === 0 ? r.chance(0.008) : children[0]!.bornAbroad;
          children.push({
            order: twin ? ((c + 1) as 1 | 2) : 0,
            sex,
            birthDay,
            birthWeight: bw,
            gestation,
            bornAbroad,
            registerWeight: bornAbroad || r.chance(0.003) ? null : bw,
            registerGestation: bornAbroad || r.chance(0.005) ? null : gestation,
            registerMuni: p.code,
            schoolEntryYear: entryYear,
            schoolExitYear: exitYear,
          });
        }
        let move: Family["move"];
        if (isInfant && r.chance(0.025)) move = { muni: otherMunicipalityInRegion(r, profiles, p.code), day: birthDay + r.intBetween(20, 330) };
        const finalMuni = move?.muni ?? p.code;
        for (const c of children) {
          if (c.schoolEntryYear !== undefined || c.schoolExitYear !== undefined) {
            c.schoolMuni = r.chance(isInfant ? 0.1 : 0.0) ? otherMunicipalityInRegion(r, profiles, finalMuni) : finalMuni;
            c.registerMuni = c.schoolMuni;
          } else c.registerMuni = finalMuni;
        }
        const motherMean = parity === 1 ? 29.6 : 32.4;
        const mother = isInfant ? { day: parentBirthDay(r, birthDay, motherMean) } : null;
        const father = isInfant && r.chance(0.93) ? { day: parentBirthDay(r, birthDay, motherMean + 2.3) } : null;
        drafts.push({ muni: p.code, birthDay, infant: isInfant, parity, education, mother, father, children, move, order: drafts.length });
      }
    }
  }
  drafts.sort((a, b) => a.birthDay - b.birthDay || (a.muni < b.muni ? -1 : a.muni > b.muni ? 1 : 0) || a.order - b.order);
  const cpr = new CprAllocator(seed);
  const families: Family[] = drafts.map((d, serial) => ({
    serial,
    muni: d.muni,
    birthDay: d.birthDay,
    infant: d.infant,
    parity: d.parity,
    education: d.education,
    move: d.move,
    mother: d.mother ? { cpr: cpr.allocate(d.mother.day, "K"), sex: "K", birthDay: d.mother.day } : null,
    father: d.father ? { cpr: cpr.allocate(d.father.day, "M"), sex: "M", birthDay: d.father.day } : null,
    children: d.children.map((c) => ({ ...c, cpr: cpr.allocate(c.birthDay, c.sex) })),
  }));
  return { profiles, families, birthYears: years.all };
}
