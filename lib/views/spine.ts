/**
 * The spine chart of Kommuneprofil (the Fingertips area profile): per indicator a horizontal bar with the nation at
 * the centre, the range of the municipalities (lowest to highest) as a light band, the 25th–75th percentile as a
 * darker band, and the municipality as a marker. The scale of each row is symmetric around the nation, so that the
 * municipality farthest from the nation just touches an end. For "lower is better" indicators the axis is reversed,
 * so the better end is always on the right (Fingertips' "worst … best"); without judgement lower is on the left.
 *
 * Percentiles by linear interpolation between order statistics (Hyndman & Fan type 7, R's default and Excel's
 * PERCENTILE.INC). The spread is that of the municipalities shown to the viewer (suppressed ones are not in it).
 */
import { percentile } from "@/lib/stats/percentile";
import type { Polarity } from "./types";

/** Position 0 (left) … 1 (right) of each element. */
export interface SpineGeometry {
  left: number;
  q1Left: number;
  q3Right: number;
  right: number;
  nation: number;
  area: number | null;
  /** value at the left end and right end (proportions) */
  leftValue: number;
  rightValue: number;
  q1: number;
  q3: number;
  /** values are reversed (lower is better) */
  reversed: boolean;
}

/** null when there is no national value or fewer than two municipalities to spread. */
export function spineGeometry(distribution: readonly number[], nation: number | null, area: number | null, polarity: Polarity): SpineGeometry | null {
  if (nation === null || distribution.length < 2) return null;
  const sorted = [...distribution].sort((a, b) => a - b);
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  const q1 = percentile(sorted, 0.25);
  const q3 = percentile(sorted, 0.75);
  const half = Math.max(nation - min, max - nation, area === null ? 0 : Math.abs(area - nation), 1e-9);
  const reversed = polarity === "lower";
  const pos = (x: number) => (reversed ? 0.5 - (x - nation) / (2 * half) : 0.5 + (x - nation) / (2 * half));
  const [left, right] = reversed ? [pos(max), pos(min)] : [pos(min), pos(max)];
  const [q1Left, q3Right] = reversed ? [pos(q3), pos(q1)] : [pos(q1), pos(q3)];
  return {
    left, right, q1Left, q3Right, nation: 0.5, area: area === null ? null : pos(area),
    leftValue: reversed ? max : min, rightValue: reversed ? min : max, q1, q3, reversed,
  };
}
