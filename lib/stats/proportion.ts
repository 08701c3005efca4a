/**
 * A proportion with its Wilson score confidence interval.
 *
 * Method: Wilson score interval (E. B. Wilson, "Probable inference, the law of succession, and statistical
 * inference", JASA 22:209–212, 1927), method 3 in R. G. Newcombe, "Two-sided confidence intervals for the single
 * proportion: comparison of seven methods", Stat Med 17:857–872, 1998 — whose worked example 81/263 gives
 * 0.2553–0.3662 at 95 %. This is the method the PHE/OHID Fingertips technical guidance prescribes for proportions
 * (PHEindicatormethods `phe_proportion`, `wilson_lower`/`wilson_upper`).
 *
 *   p̂ = x / n,  z = Φ⁻¹(1 − α/2)
 *   limits = ( p̂ + z²/2n ∓ z·√( p̂(1 − p̂)/n + z²/4n² ) ) / ( 1 + z²/n )
 *
 * The lower limit for x = 0 is exactly 0 and the upper limit for x = n exactly 1 (set explicitly, so rounding
 * can never put a limit outside [0, 1]). With n = 0 there is no estimate: the result is null.
 */
import { zForConfidence } from "./normal";

export interface ProportionEstimate {
  /** the point estimate x / n */
  value: number;
  low: number;
  high: number;
}

/** 95 %: the interval shown with every result and used for benchmarking. */
export const CONFIDENCE_95 = 0.95;
/** 99.8 %: the outer funnel-plot limits. */
export const CONFIDENCE_998 = 0.998;

/**
 * Proportion numerator/denominator with its Wilson score interval, or null when the denominator is 0.
 * @throws RangeError for negative or non-finite counts, a numerator above the denominator, or a confidence
 *   level outside (0, 1).
 */
export function wilson(numerator: number, denominator: number, confidence: number = CONFIDENCE_95): ProportionEstimate | null {
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator) || numerator < 0 || denominator < 0) {
    throw new RangeError(`wilson: counts must be finite and non-negative, got ${numerator}/${denominator}`);
  }
  if (numerator > denominator) {
    throw new RangeError(`wilson: numerator ${numerator} exceeds denominator ${denominator}`);
  }
  const z = zForConfidence(confidence);
  if (denominator === 0) return null;
  const n = denominator;
  const p = numerator / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const halfWidth = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const scale = 1 + z2 / n;
  const low = numerator === 0 ? 0 : Math.max(0, (centre - halfWidth) / scale);
  const high = numerator === denominator ? 1 : Math.min(1, (centre + halfWidth) / scale);
  return { value: p, low, high };
}
