/**
 * Trend in a series of proportions: the chi-square test for linear trend (Cochran–Armitage).
 *
 * Method: W. G. Cochran, "Some methods for strengthening the common χ² tests", Biometrics 10:417–451, 1954;
 * P. Armitage, "Tests for linear trends in proportions and frequencies", Biometrics 11:375–386, 1955. The statistic
 * is the one R's `prop.trend.test` computes (R's documented example, 83/86, 90/93, 129/136, 70/82, gives
 * X² = 8.2249, p = 0.004132; see trend.test.ts). Fingertips' "recent trend" uses the same test
 * (PHE/OHID Fingertips technical guidance).
 *
 *   scores tᵢ = 1, 2, …, k (position of the period in time order), p̄ = Σxᵢ / Σnᵢ, N = Σnᵢ
 *   T = Σ tᵢ (xᵢ − nᵢ p̄),   Var(T) = p̄(1 − p̄) · ( Σ nᵢ tᵢ² − (Σ nᵢ tᵢ)² / N )
 *   z = T / √Var(T),  X² = z² (1 degree of freedom),  two-sided p = 2 Φ(−|z|)
 *
 * Periods are ordered by `period` (numbers numerically, strings such as "2024" or "2024/25" as text) and scored by
 * position, i.e. assumed equally spaced. A period with denominator 0 keeps its place in the scoring (include it to
 * mark a gap) but carries no information and does not count towards the minimum. A marker is given only with at least
 * MIN_TREND_PERIODS periods that have data; otherwise "not-enough-data". When every period has proportion 0, or every
 * one 1, there is no variation to test: "no-significant-change".
 *
 * The test uses every period it is given; to follow Fingertips' "recent trend" exactly, pass the latest five.
 */
import { normalCdf } from "./normal";

export const MIN_TREND_PERIODS = 5;
/** two-sided significance level of the trend marker */
export const TREND_SIGNIFICANCE = 0.05;

export interface TrendPoint {
  period: string | number;
  numerator: number;
  denominator: number;
}

export type TrendMarker = "increasing" | "decreasing" | "no-significant-change" | "not-enough-data";

export interface TrendTestResult {
  /** periods with a denominator above 0 */
  periods: number;
  /** signed statistic: positive when the proportion rises over time */
  z: number;
  /** z², the chi-square statistic for linear trend with 1 degree of freedom */
  chiSquare: number;
  /** two-sided p-value */
  pValue: number;
}

function comparePeriods(a: string | number, b: string | number): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

function ordered(series: readonly TrendPoint[]): TrendPoint[] {
  for (const s of series) {
    if (!(Number.isFinite(s.numerator) && Number.isFinite(s.denominator) && s.numerator >= 0 && s.numerator <= s.denominator)) {
      throw new RangeError(`trend: bad counts ${s.numerator}/${s.denominator} in period ${s.period}`);
    }
  }
  const sorted = [...series].sort((a, b) => comparePeriods(a.period, b.period));
  for (let i = 1; i < sorted.length; i++) {
    if (comparePeriods(sorted[i - 1].period, sorted[i].period) === 0) {
      throw new RangeError(`trend: period ${sorted[i].period} occurs twice`);
    }
  }
  return sorted;
}

/**
 * The Cochran–Armitage test on the series (any number of periods with data ≥ 2), or null with fewer than two periods
 * that have data. This does not apply MIN_TREND_PERIODS; trendMarker does.
 * @throws RangeError for bad counts or a repeated period.
 */
export function trendTest(series: readonly TrendPoint[]): TrendTestResult | null {
  const points = ordered(series)
    .map((s, i) => ({ t: i + 1, x: s.numerator, n: s.denominator }))
    .filter((s) => s.n > 0);
  if (points.length < 2) return null;
  let X = 0;
  let N = 0;
  let sumNT = 0;
  let sumNT2 = 0;
  let sumXT = 0;
  for (const { t, x, n } of points) {
    X += x;
    N += n;
    sumNT += n * t;
    sumNT2 += n * t * t;
    sumXT += x * t;
  }
  const pBar = X / N;
  const statistic = sumXT - pBar * sumNT;
  const variance = pBar * (1 - pBar) * (sumNT2 - (sumNT * sumNT) / N);
  if (!(variance > 0)) return { periods: points.length, z: 0, chiSquare: 0, pValue: 1 };
  const z = statistic / Math.sqrt(variance);
  return { periods: points.length, z, chiSquare: z * z, pValue: Math.min(1, 2 * normalCdf(-Math.abs(z))) };
}

/** The trend marker shown beside a series: significant (two-sided 5 %) linear trend up or down, or neither. */
export function trendMarker(series: readonly TrendPoint[]): TrendMarker {
  const result = trendTest(series);
  if (result === null || result.periods < MIN_TREND_PERIODS) return "not-enough-data";
  if (result.pValue >= TREND_SIGNIFICANCE) return "no-significant-change";
  return result.z > 0 ? "increasing" : "decreasing";
}
