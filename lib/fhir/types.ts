/**
 * Minimal FHIR R4 types used by the LDBU delivery-report validator, and the
 * validator's own result types. Only what the validator reads or produces is
 * modelled; incoming data is always treated as `unknown` and inspected
 * defensively (see profiles/spec.ts), never trusted to have these shapes.
 */

export type IssueSeverity = "fatal" | "error" | "warning" | "information";

/** FHIR R4 IssueType codes used by the validator. */
export type IssueType =
  | "structure"
  | "required"
  | "value"
  | "invariant"
  | "code-invalid"
  | "not-found"
  | "too-long"
  | "processing"
  | "duplicate"
  | "business-rule"
  | "informational"
  // Used by the HTTP receiver (lib/ingest/receiver.ts), not by the validator:
  | "login"
  | "forbidden"
  | "not-supported"
  | "too-costly"
  | "transient"
  | "throttled"
  | "exception";

export interface Coding {
  system?: string;
  version?: string;
  code?: string;
  display?: string;
  userSelected?: boolean;
}

export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}

export interface Extension {
  url: string;
  valueString?: string;
  valueCode?: string;
  extension?: Extension[];
  [key: string]: unknown;
}

export interface OperationOutcomeIssue {
  severity: IssueSeverity;
  code: IssueType;
  details: {
    coding: Coding[];
    /** Danish text (primary language of LDBU). */
    text: string;
    /** FHIR primitive extension of `text`: the English translation. */
    _text?: { extension: Extension[] };
  };
  /** English text. */
  diagnostics: string;
  expression: string[];
}

export interface OperationOutcome {
  resourceType: "OperationOutcome";
  language?: string;
  issue: OperationOutcomeIssue[];
}

/** One problem found by the validator, in a flat form convenient for code and tests. */
export interface Issue {
  severity: IssueSeverity;
  code: IssueType;
  /** Invariant id of the guide (e.g. `gateway-children-report-weight`, `obs-2`, `cpr`) or an LDBU rule id (`ldbu-…`). */
  rule: string;
  /** FHIRPath locations, e.g. `Bundle.entry[3].resource.identifier[0].value`. */
  expression: string[];
  /** Danish text. */
  da: string;
  /** English text. */
  en: string;
}

export interface ValidationResult {
  /** True when there is no issue of severity `error` or `fatal`. */
  valid: boolean;
  outcome: OperationOutcome;
  issues: Issue[];
  errorCount: number;
  warningCount: number;
  informationCount: number;
}

export interface ReportResult extends ValidationResult {
  /** Position of the report in the incremental-delivery wrapper (0 for a bare delivery report). */
  index: number;
  /** Bundle.id of the report, if it is a string. */
  id?: string;
  /** Bundle.timestamp of the report, if it is a string. */
  timestamp?: string;
  /** FHIRPath prefix of this report inside the submission (`Bundle` or `Bundle.entry[i].resource`). */
  path: string;
}

export type SubmissionKind = "delivery-report" | "incremental-delivery" | "unknown";

export interface SubmissionResult {
  kind: SubmissionKind;
  /** True when the wrapper (if any) and every report are valid. */
  valid: boolean;
  /**
   * Issues of the submission as a whole. For an incremental delivery these are
   * the wrapper's own issues followed by each report's issues, with
   * expressions prefixed by the report's location (`Bundle.entry[i].resource…`).
   */
  outcome: OperationOutcome;
  issues: Issue[];
  /** Issues of the incremental-delivery wrapper itself (structure, forbidden elements); absent for a bare report. */
  wrapper?: ValidationResult;
  /** Per-report results, in entry order; each report is validated on its own and its expressions start at `Bundle`. */
  reports: ReportResult[];
}
