/**
 * Benchmarking an area against the national value, and judging a result against SundK's standard.
 *
 * Method (benchmark): the Fingertips comparison with a benchmark (PHE/OHID Fingertips technical guidance,
 * https://fingertips.phe.org.uk/profile/guidance): the area's 95 % confidence interval is compared with the
 * benchmark's point value (here the national value). If the point lies inside the interval (limits inclusive) the
 * area is "similar"; otherwise the area is significantly higher or lower, which is "better" or "worse" according to
 * the indicator's polarity, and plain "higher" or "lower" for indicators with no judgement. An area is never compared with itself (the nation against the nation), and nothing is compared when
 * the area has no interval (no data, or suppressed) or the comparator is missing.
 *
 * The rule works with any comparator value (e.g. a region); the names follow the product's main use.
 *
 * Method (standard): met / not met by the point estimate (higher-is-better: value ≥ target; lower-is-better:
 * value ≤ target; no judgement: not applicable), plus where the whole 95 % interval lies relative to the target.
 */

/** Which direction is good: "higher" is better, "lower" is better, or "none" (no judgement). */
export type Polarity = "higher" | "lower" | "none";

export type BenchmarkResult = "better" | "similar" | "worse" | "lower" | "higher" | "not-compared";

export interface BenchmarkInput {
  /** lower limit of the area's 95 % CI (null when the area has no interval) */
  areaLow: number | null | undefined;
  /** upper limit of the area's 95 % CI */
  areaHigh: number | null | undefined;
  /** the national point value */
  nationValue: number | null | undefined;
  polarity: Polarity;
  /** true when the area is the nation itself: never compared with itself */
  isNation?: boolean;
}

function present(x: number | null | undefined): x is number {
  return typeof x === "number" && Number.isFinite(x);
}

/** The Fingertips benchmark of an area against the national value. */
export function compareWithNation(input: BenchmarkInput): BenchmarkResult {
  const { areaLow, areaHigh, nationValue, polarity, isNation = false } = input;
  if (isNation || !present(areaLow) || !present(areaHigh) || !present(nationValue)) return "not-compared";
  if (areaLow > areaHigh) throw new RangeError(`compareWithNation: interval ${areaLow}–${areaHigh} is reversed`);
  if (nationValue >= areaLow && nationValue <= areaHigh) return "similar";
  const areaIsHigher = areaLow > nationValue;
  switch (polarity) {
    case "higher":
      return areaIsHigher ? "better" : "worse";
    case "lower":
      return areaIsHigher ? "worse" : "better";
    case "none":
      return areaIsHigher ? "higher" : "lower";
  }
}

export type StandardCiSide = "entirely-met" | "entirely-not-met" | "straddles";

export interface StandardInput {
  value: number | null | undefined;
  low: number | null | undefined;
  high: number | null | undefined;
  /** the standard (target level); null when the indicator has none */
  target: number | null | undefined;
  polarity: Polarity;
}

export interface StandardStatus {
  /** the point estimate meets the standard; null when not applicable (no value, no target, polarity "none") */
  met: boolean | null;
  /**
   * where the whole 95 % CI lies: every value in it meets the standard, none does, or it straddles the target;
   * null when not applicable or there is no interval
   */
  ciSide: StandardCiSide | null;
}

/** Standard met by the point estimate, and whether the whole CI is on one side of the target. */
export function standardStatus(input: StandardInput): StandardStatus {
  const { value, low, high, target, polarity } = input;
  if (polarity === "none" || !present(target)) return { met: null, ciSide: null };
  const meets = (x: number) => (polarity === "higher" ? x >= target : x <= target);
  const met = present(value) ? meets(value) : null;
  let ciSide: StandardCiSide | null = null;
  if (present(low) && present(high)) {
    if (low > high) throw new RangeError(`standardStatus: interval ${low}–${high} is reversed`);
    // the end of the interval that is worst for the polarity decides "entirely met", the best end "entirely not met"
    const worst = polarity === "higher" ? low : high;
    const best = polarity === "higher" ? high : low;
    ciSide = meets(worst) ? "entirely-met" : meets(best) ? "straddles" : "entirely-not-met";
  }
  return { met, ciSide };
}
