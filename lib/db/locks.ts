/**
 * The classes (first key) of the two-key advisory locks, in one place so no two features share one by accident.
 * Ingest's duplicate locks use the one-key space (a content hash), the migration lock its own one-key value.
 */
export const LOCK_CLASS = {
  /** (class, 1): held shared by every refresh transaction, exclusively by a standard change. */
  refresh: 0x4c4442,
  /** (class, hash of indicator group and period): two refreshes take turns on a group. */
  refreshGroup: 0x4c4443,
  /** (class, 0): the completeness visit facts; (class, hash of the period): a period's completeness aggregates. */
  completeness: 0x4c4444,
  /** (class, hash of the encounter id): one ingest at a time works out a visit's observed items (visit_observed). */
  visitObserved: 0x4c4445,
  /** (class, year): one annual-report workflow step per year at a time. */
  annualReportYear: 20260009,
} as const;
