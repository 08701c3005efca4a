/**
 * LDBU statistics: pure functions, no database and no React. Each file states its method and source.
 * - normal.ts       standard normal CDF and quantile (Cody; Acklam + Halley)
 * - proportion.ts   proportion with Wilson score CI
 * - benchmark.ts    Fingertips benchmark against the national value; standard met / CI side
 * - funnel.ts       funnel-plot control limits (Wilson/score-based, as PHE)
 * - trend.ts        chi-square test for linear trend (Cochran–Armitage) and the trend marker
 * - suppression.ts  primary and complementary small-number suppression
 * - format.ts       Danish number formatting
 * - missing.ts      typed missing states
 * - percentile.ts   percentiles of sorted values (R type 7), or of unsorted ones by selection
 */
export { normalCdf, normalQuantile, zForConfidence } from "./normal";
export { wilson, CONFIDENCE_95, CONFIDENCE_998, type ProportionEstimate } from "./proportion";
export {
  compareWithNation,
  standardStatus,
  type Polarity,
  type BenchmarkResult,
  type BenchmarkInput,
  type StandardInput,
  type StandardStatus,
  type StandardCiSide,
} from "./benchmark";
export { funnelLimits, funnelSeries, funnelPosition, type FunnelLimits, type FunnelPoint, type FunnelPosition } from "./funnel";
export {
  MIN_TREND_PERIODS,
  TREND_SIGNIFICANCE,
  trendTest,
  trendMarker,
  type TrendPoint,
  type TrendMarker,
  type TrendTestResult,
} from "./trend";
export {
  suppress,
  suppressionReport,
  isSmallNumber,
  needsPrimarySuppression,
  SMALL_NUMBER_MIN,
  SMALL_NUMBER_MAX,
  SUPPRESSED_LABEL,
  type SuppressionReason,
  type SuppressionCell,
  type AdditiveGroup,
  type SuppressionOptions,
  type SuppressionReport,
} from "./suppression";
export { formatDecimal, formatNumber, formatPercent, MISSING_TEXT, type NumberFormatOptions } from "./format";
export { MISSING_STATES, MISSING_STATE_LABELS, isMissingState, type MissingState } from "./missing";
export { percentile, percentileInPlace } from "./percentile";
