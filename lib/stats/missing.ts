/**
 * The distinct reasons a figure is not shown. They are never collapsed into one "missing" value, because they mean
 * different things to the reader (see PRODUCT.md, "Statistics"):
 * - "no-data": nothing to compute from (denominator 0, or no reports for the area and period);
 * - "suppressed": hidden by small-number suppression for this viewer (suppression.ts), shown as "<5";
 * - "not-compared": there is a figure, but no benchmark (the nation itself, no interval, or no national value);
 * - "uoplyst": the children whose outcome is unknown, reported beside the indicator rather than in it.
 */
import { SUPPRESSED_LABEL } from "./suppression";

export type MissingState = "no-data" | "suppressed" | "not-compared" | "uoplyst";

export const MISSING_STATES: readonly MissingState[] = ["no-data", "suppressed", "not-compared", "uoplyst"];

/** Danish texts for the missing states (UI and CSV). */
export const MISSING_STATE_LABELS: Readonly<Record<MissingState, string>> = {
  "no-data": "Ingen data",
  suppressed: SUPPRESSED_LABEL,
  "not-compared": "Ikke sammenlignet",
  uoplyst: "Uoplyst",
};

export function isMissingState(x: unknown): x is MissingState {
  return typeof x === "string" && (MISSING_STATES as readonly string[]).includes(x);
}
