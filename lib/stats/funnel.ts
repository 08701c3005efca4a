/**
 * Funnel-plot control limits for a proportion around a centre p0 (the national proportion), as a function of the
 * denominator n, at 95 % and 99.8 %.
 *
 * Method: the Wilson-score-based limits of the PHE/OHID Fingertips funnel plots (PHEindicatormethods
 * `phe_funnels` / `phe_funnel_significance`, whose `sigma_adjustment` solves for the observed proportion whose Wilson
 * score interval just touches the average). Solving that equation, (p̂ − p0)² = z²·p0(1 − p0)/n, gives the closed form
 *
 *   limit = p0 ∓ z·√( p0(1 − p0) / n ),   z = Φ⁻¹(0.975) for 95 %, Φ⁻¹(0.999) for 99.8 %,
 *
 * clipped to [0, 1] (as PHE clips at 0 and 100 %). These are score-test limits. The property that matters for LDBU:
 * an area falls outside the 95 % funnel exactly when its own Wilson 95 % interval excludes the national value, so the
 * funnel plot and the benchmark colours (benchmark.ts) always agree (tested in funnel.test.ts).
 *
 * The alternative, Spiegelhalter's exact-binomial limits with interpolation ("Funnel plots for comparing
 * institutional performance", Stat Med 24:1185–1202, 2005), is more exact for very small n but would disagree with
 * the Wilson-based benchmark at the margin; it is deliberately not used.
 */
import { CONFIDENCE_95, CONFIDENCE_998 } from "./proportion";
import { zForConfidence } from "./normal";

export interface FunnelLimits {
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
}

export interface FunnelPoint extends FunnelLimits {
  /** the denominator at which the limits apply */
  n: number;
}

const Z95 = zForConfidence(CONFIDENCE_95);
const Z998 = zForConfidence(CONFIDENCE_998);

function checkCentre(p0: number): void {
  if (!(p0 >= 0 && p0 <= 1)) throw new RangeError(`funnel: centre must be a proportion in [0, 1], got ${p0}`);
}

/**
 * Control limits at denominator n around the centre p0.
 * @throws RangeError when p0 is not in [0, 1] or n is not a positive finite number.
 */
export function funnelLimits(p0: number, n: number): FunnelLimits {
  checkCentre(p0);
  if (!(n > 0 && Number.isFinite(n))) throw new RangeError(`funnelLimits: n must be positive, got ${n}`);
  const sd = Math.sqrt((p0 * (1 - p0)) / n);
  const clip = (x: number) => Math.min(1, Math.max(0, x));
  return {
    lower95: clip(p0 - Z95 * sd),
    upper95: clip(p0 + Z95 * sd),
    lower998: clip(p0 - Z998 * sd),
    upper998: clip(p0 + Z998 * sd),
  };
}

/**
 * Points for drawing the funnel from nMin to nMax (both included), spaced evenly on a logarithmic scale of n, where
 * the curves change fastest at small n. n is not rounded: the limits are smooth curves.
 * @throws RangeError for a bad centre, nMin ≤ 0, nMax < nMin, or fewer than 2 points.
 */
export function funnelSeries(p0: number, nMin: number, nMax: number, points: number = 100): FunnelPoint[] {
  checkCentre(p0);
  if (!(nMin > 0 && Number.isFinite(nMin) && Number.isFinite(nMax) && nMax >= nMin)) {
    throw new RangeError(`funnelSeries: need 0 < nMin ≤ nMax, got ${nMin}, ${nMax}`);
  }
  if (!(Number.isInteger(points) && points >= 2)) throw new RangeError(`funnelSeries: points must be an integer ≥ 2, got ${points}`);
  if (nMin === nMax) return [{ n: nMin, ...funnelLimits(p0, nMin) }];
  const logMin = Math.log(nMin);
  const step = (Math.log(nMax) - logMin) / (points - 1);
  const series: FunnelPoint[] = [];
  for (let i = 0; i < points; i++) {
    const n = i === 0 ? nMin : i === points - 1 ? nMax : Math.exp(logMin + i * step);
    series.push({ n, ...funnelLimits(p0, n) });
  }
  return series;
}

export type FunnelPosition = "above-998" | "above-95" | "within" | "below-95" | "below-998";

/**
 * Where an area's proportion numerator/denominator lies relative to the funnel around p0 (a point exactly on a limit
 * is within it, as in PHE's `phe_funnel_significance`). Null when the denominator is 0.
 */
export function funnelPosition(numerator: number, denominator: number, p0: number): FunnelPosition | null {
  if (!(denominator >= 0 && numerator >= 0 && numerator <= denominator)) {
    throw new RangeError(`funnelPosition: bad counts ${numerator}/${denominator}`);
  }
  if (denominator === 0) return null;
  const p = numerator / denominator;
  const l = funnelLimits(p0, denominator);
  if (p > l.upper998) return "above-998";
  if (p > l.upper95) return "above-95";
  if (p < l.lower998) return "below-998";
  if (p < l.lower95) return "below-95";
  return "within";
}
