/**
 * Growth and feeding models: infant weight with an early nadir, length, head circumference,
 * school-age height and BMI, and the full-breastfeeding duration with its follow-on feeding
 * periods. All functions are pure given their random draws.
 */
import { clamp, expit, logit, type Rng } from "./random";
import type { FeedingKey } from "./codes";

function interp(table: readonly (readonly [number, number])[], x: number): number {
  if (x <= table[0]![0]) return table[0]![1];
  for (let i = 1; i < table.length; i++) {
    const [x1, y1] = table[i]!;
    if (x <= x1) {
      const [x0, y0] = table[i - 1]!;
      return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
    }
  }
  const [xa, ya] = table[table.length - 2]!;
  const [xb, yb] = table[table.length - 1]!;
  return yb + ((yb - ya) * (x - xb)) / (xb - xa);
}

/** Weight gain (g) after birth weight is regained, by days since regain (WHO-like medians). */
const WEIGHT_GAIN: [number, number][] = [
  [0, 0], [14, 500], [30, 1100], [61, 2150], [91, 2950], [122, 3550], [183, 4400], [274, 5350], [365, 6050], [450, 6700],
];
const LENGTH_GAIN: [number, number][] = [
  [0, 0], [30, 4.5], [61, 8.3], [91, 11.3], [122, 13.8], [183, 17.5], [274, 21.8], [365, 25.3], [450, 28.5],
];
const HEAD_GAIN: [number, number][] = [
  [0, 0], [30, 2.9], [61, 5.0], [91, 6.4], [122, 7.5], [183, 9.1], [274, 10.6], [365, 11.6], [450, 12.3],
];

export interface InfantGrowth {
  birthWeight: number;
  /** Nadir loss as a fraction of birth weight. */
  nadirLoss: number;
  nadirDay: number;
  regainDay: number;
  gainFactor: number;
  birthLength: number;
  lengthFactor: number;
  birthHead: number;
  headFactor: number;
}

export function drawInfantGrowth(r: Rng, birthWeight: number, nadirMean: number): InfantGrowth {
  const nadirLoss = clamp(r.normal(nadirMean, 0.026), 0.003, 0.17);
  const nadirDay = r.weighted([2, 3, 4], [0.3, 0.5, 0.2]);
  const regainDay = nadirDay + Math.max(3, Math.round(5 + 90 * nadirLoss + r.normal(0, 2)));
  return {
    birthWeight,
    nadirLoss,
    nadirDay,
    regainDay,
    gainFactor: clamp(r.normal(1, 0.12), 0.6, 1.5) * (0.55 + (0.45 * birthWeight) / 3450),
    birthLength: clamp(50.5 + (birthWeight - 3500) / 230 + r.normal(0, 1.2), 30, 58),
    lengthFactor: clamp(r.normal(1, 0.06), 0.8, 1.2),
    birthHead: clamp(34.8 + (birthWeight - 3500) / 700 + r.normal(0, 1), 22, 39),
    headFactor: clamp(r.normal(1, 0.05), 0.85, 1.15),
  };
}

/** True weight (g, unrounded) on day `d` after birth. */
export function infantWeight(g: InfantGrowth, d: number): number {
  let dip = 0;
  if (d <= 0) dip = 0;
  else if (d <= g.nadirDay) dip = d / g.nadirDay;
  else if (d < g.regainDay) dip = (g.regainDay - d) / (g.regainDay - g.nadirDay);
  const gain = d > g.regainDay ? g.gainFactor * interp(WEIGHT_GAIN, d - g.regainDay) : 0;
  return g.birthWeight * (1 - g.nadirLoss * dip) + gain;
}

export function infantLength(g: InfantGrowth, d: number): number {
  return g.birthLength + g.lengthFactor * interp(LENGTH_GAIN, Math.max(0, d));
}

export function infantHead(g: InfantGrowth, d: number): number {
  return g.birthHead + g.headFactor * interp(HEAD_GAIN, Math.max(0, d));
}

/** Round to one decimal, or to the nearest 0.5 cm as the Danish Health Authority recommends. */
export function roundCm(x: number, half: boolean): number {
  return half ? Math.round(x * 2) / 2 : Math.round(x * 10) / 10;
}

/** School-age height (cm) and weight (kg) at a given age in years. */
export function schoolBody(r: Rng, ageYears: number, male: boolean): { height: number; weight: number; bmiZ: number } {
  // height: piecewise medians by age and sex (Danish growth references, coarse)
  const hTable: [number, number][] = male
    ? [[5, 111], [6, 118], [7, 124.5], [10, 142], [12, 152], [14, 166], [15, 173], [16, 177.5]]
    : [[5, 110], [6, 117], [7, 123.5], [10, 141], [12, 153], [14, 163], [15, 165.5], [16, 166.5]];
  const hSd = ageYears < 10 ? 5.2 : 7;
  const height = interp(hTable, ageYears) + r.normal(0, hSd);
  const bmiTable: [number, number][] = [[5, 15.5], [6, 15.5], [7, 15.7], [10, 16.9], [12, 18.1], [14, 19.4], [15, 20.0], [16, 20.6]];
  const bmiZ = r.gauss() + (r.chance(0.08) ? 1.2 : 0); // a heavier tail (overweight)
  const bmi = interp(bmiTable, ageYears) * Math.exp(0.12 * bmiZ);
  const weight = (bmi * height * height) / 10000;
  return { height, weight, bmiZ };
}

// ---------------------------------------------------------------------------------------------
// Feeding
// ---------------------------------------------------------------------------------------------

export interface FeedingSegment {
  method: FeedingKey;
  /** Days after birth (inclusive start). */
  start: number;
  /** Days after birth when the method ended; undefined = ongoing. */
  end?: number;
}

/** National targets: full breastfeeding beyond 14 days ~86 %, beyond 119 days ~59 %, ≥ 182 days ~15 %. */
export const BF_TARGETS = { beyond14: 0.86, beyond119: 0.59, atLeast182: 0.15 };

/** Full-breastfeeding duration in days (0 = never fully breastfed), with a logit shift. */
export function drawFullBreastfeeding(r: Rng, shift: number): number {
  const p14 = expit(logit(BF_TARGETS.beyond14) + shift);
  const p119 = expit(logit(BF_TARGETS.beyond119 / BF_TARGETS.beyond14) + shift);
  const p182 = expit(logit(BF_TARGETS.atLeast182 / BF_TARGETS.beyond119) + shift);
  if (!r.chance(p14)) return r.chance(0.35) ? 0 : r.intBetween(1, 14);
  if (!r.chance(p119)) return 15 + Math.floor(105 * Math.pow(r.next(), 1.1));
  if (!r.chance(p182)) return 120 + Math.floor(62 * Math.pow(r.next(), 1.4));
  return Math.min(300, 182 + Math.floor(r.gamma(1.4, 14)));
}

/** The sequence of feeding periods of the first ~15 months. */
export function feedingSegments(r: Rng, fullDays: number): FeedingSegment[] {
  const segs: FeedingSegment[] = [];
  if (fullDays === 0) {
    if (r.chance(0.55)) {
      const end = r.intBetween(10, 110);
      segs.push({ method: "predominant", start: 0, end });
      segs.push({ method: "formula", start: end });
    } else segs.push({ method: "formula", start: 0 });
    return segs;
  }
  segs.push({ method: "full", start: 0, end: fullDays });
  if (fullDays < 60) {
    if (r.chance(0.45)) {
      const end = fullDays + r.intBetween(14, 110);
      segs.push({ method: "predominant", start: fullDays, end });
      segs.push({ method: "formula", start: end });
    } else segs.push({ method: "formula", start: fullDays });
  } else {
    const wean = Math.min(480, fullDays + Math.round(r.gamma(2, 70)));
    segs.push({ method: "partial", start: fullDays, end: wean });
    segs.push({ method: wean > 330 && r.chance(0.6) ? "family" : "formula", start: wean });
  }
  return segs;
}

/** Feeding method on a given day. */
export function feedingOn(segs: FeedingSegment[], day: number): FeedingKey {
  for (const s of segs) if (day >= s.start && (s.end === undefined || day < s.end)) return s.method;
  return segs[segs.length - 1]!.method;
}

// ---------------------------------------------------------------------------------------------
// EPDS
// ---------------------------------------------------------------------------------------------

const EPDS_ITEM_WEIGHTS = [1.0, 1.0, 1.45, 1.5, 1.3, 1.4, 1.0, 1.0, 0.8, 0.12];

/** Total EPDS score: Gamma(shape 2.6, mean) rounded; for mothers mean ≈ 5 and ≥ 13 in ≈ 3 %. */
export function drawEpdsScore(r: Rng, mean: number): number {
  const k = 2.6;
  return Math.min(30, Math.round(r.gamma(k, mean / k)));
}

/** Distribute a total over the ten items (each 0–3). */
export function epdsItems(r: Rng, total: number): number[] {
  const items = new Array<number>(10).fill(0);
  let left = Math.min(30, total);
  while (left > 0) {
    const w = EPDS_ITEM_WEIGHTS.map((x, i) => (items[i]! < 3 ? x : 0));
    const i = r.weightedIndex(w);
    items[i]!++;
    left--;
  }
  return items;
}
