/** Shapes shared by the completeness refresh, queries and views. */

export type AreaLevel = "municipality" | "region" | "nation";

export const NATION = "DK";

/** The measures stored in `completeness_result`. */
export const MEASURES = {
  /** Register children with at least one accepted report ("" visit) or with the visit, of the register population. */
  coverage: "coverage",
  /** Visits reported within 48 hours, of all visits; detail.medianHours. */
  timeliness: "timeliness",
  /** Face-to-face visits with a value for the observation (item "" = all observation slots); detail: absent, missing, reasons, visits. */
  variable: "variable",
  /** Rejected receipts of all receipts. */
  validity: "validity",
  /** Rejected receipts with an error of this rule (item = rule id), of the rejected receipts. */
  rejectionRule: "rejection_rule",
  /** One row per period: its computed_at is the version of the period's rows (query cache). */
  version: "version",
  /** One row (period "") recording the last receipt id the validity measures have seen, and the SOR mapping they follow. */
  state: "state",
} as const;

export type Measure = (typeof MEASURES)[keyof typeof MEASURES];

export interface VariableDetail {
  /** face-to-face visits (the denominator of one observation) */
  visits: number;
  absent: number;
  missing: number;
  /** data-absent reason → count (observation rows only) */
  reasons?: Record<string, number>;
}

export interface TimelinessDetail {
  medianHours: number | null;
}

/** One row of `completeness_result`. */
export interface CompletenessRow {
  measure: Measure;
  period: string;
  areaLevel: AreaLevel;
  areaCode: string;
  visitType: string;
  item: string;
  numerator: number;
  denominator: number;
  value: number | null;
  detail: VariableDetail | TimelinessDetail | Record<string, unknown> | null;
}
