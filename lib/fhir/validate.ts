/**
 * Validator for LDBU delivery reports (KLChildren 2.1.0, profile
 * klgateway-children-delivery-report) and the incremental-delivery wrapper
 * (klgateway-children-incremental-delivery). A pure library: no I/O, no database.
 *
 *   parseJson(text)                 → the parsed JSON, or a ValidationResult for non-JSON / too large
 *   validateDeliveryReport(input)   → ValidationResult for one report
 *   validateSubmission(input)       → a bare report or an incremental delivery, each inner report
 *                                     validated on its own
 *
 * What is checked: JSON/FHIR structure and types (profiles/spec.ts); every profile's
 * cardinalities, fixed values, forbidden elements and slices; required bindings against
 * data/terminology.json; bundled references (absolute and relative Type/id); fullUrl/id
 * consistency and uniqueness; CPR syntax (invariant `cpr`) and real birth date
 * (`ldbu-cpr-date`); SOR syntax (`min-digits-sor`); units; every invariant of the guide as
 * published (invariants.ts), with the intended rules of the defective ones as warnings;
 * questionnaire answers. See outcome.ts for the OperationOutcome format and the rule ids.
 *
 * Decision on obs-1 when a measurement has no value: `value.ofType(Quantity).value.toString()
 * .matches(…)` is empty when the value is absent. The guide's own flow tells vendors to send a
 * missing mandatory measurement without value and with dataAbsentReason (obs-2), and example
 * 74dcb49e (valid) does exactly that for an indicator; rejecting such a weight would make the
 * flow impossible. So an empty obs-1 result passes; an `information` issue
 * (`ldbu-obs-1-no-value`) notes that the HL7 Java validator, which treats empty as false, may
 * reject it at the national gateway.
 */
import { MSG, buildOutcome, countIssues, issue, type Msg } from "./outcome";
import { evaluateBundleRules, type Engine } from "./invariants";
import { DELIVERY_REPORT, DELIVERY_REPORT_NAME, INCREMENTAL_DELIVERY, INCREMENTAL_DELIVERY_NAME } from "./profiles/bundle";
import { validateIntervention } from "./profiles/carePlan";
import { RESTFUL_URL, ReportIndex, walkResource, type Env } from "./profiles/context";
import { validateEncounter, validateLocation } from "./profiles/encounter";
import { validateObservation } from "./profiles/observation";
import { validateCitizen, validateRelatedParent } from "./profiles/patient";
import { validateQuestionnaireResponse } from "./profiles/questionnaireResponse";
import { arr, isObj, obj, str, type Sink } from "./profiles/spec";
import { ENCOUNTER_TYPES, PROFILE_URL } from "./terminology";
import type { Issue, IssueSeverity, ReportResult, SubmissionKind, SubmissionResult, ValidationResult } from "./types";

export type { Issue, ReportResult, SubmissionResult, ValidationResult } from "./types";

export interface ValidateOptions {
  /**
   * "fast" (default) evaluates the guide's invariants with the fast path, falling back to
   * fhirpath.js for shapes it does not model; "reference" evaluates every invariant with
   * fhirpath.js (slow; for audits and the differential test).
   */
  engine?: Engine;
  /** Maximum entries in one delivery report (default 5,000). */
  maxEntries?: number;
  /** Maximum reports in one incremental delivery (default 10,000). */
  maxReports?: number;
  /** Maximum size of a JSON text in bytes, for string input (default 50 MB). */
  maxBytes?: number;
}

export const DEFAULT_LIMITS = { maxEntries: 5_000, maxReports: 10_000, maxBytes: 50 * 1024 * 1024 } as const;

// ------------------------------------------------------------------ issue collection

/** Collects issues in deterministic order: report level first, then per entry, then the rest. */
class Collector implements Sink {
  readonly head: Issue[] = [];
  readonly entries: Issue[][] = [];
  readonly tail: Issue[] = [];
  private cur: Issue[] = this.head;

  add(severity: IssueSeverity, msg: Msg, expression: string | string[]): void {
    this.cur.push(issue(severity, msg, expression));
  }
  toEntry(i: number): void {
    this.cur = this.entries[i] ??= [];
  }
  entryBucket(i: number): Issue[] {
    return (this.entries[i] ??= []);
  }
  toTail(): void {
    this.cur = this.tail;
  }
  all(): Issue[] {
    const out = this.head.slice();
    for (const b of this.entries) if (b) for (const i of b) out.push(i);
    for (const i of this.tail) out.push(i);
    return out;
  }
}

function finish(issues: Issue[]): ValidationResult {
  const counts = countIssues(issues);
  return { valid: counts.errorCount === 0, outcome: buildOutcome(issues), issues, ...counts };
}

// ------------------------------------------------------------------ JSON

/** UTF-8 byte length of a string, without allocating (works outside Node too). */
function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export type ParseResult = { ok: true; value: unknown } | { ok: false; error: { line: number; column: number; position: number }; result: ValidationResult };

/**
 * Parse a JSON text. Non-JSON, empty text and oversized text give a ValidationResult with a
 * fatal issue (`ldbu-json` / `ldbu-too-large`) carrying the line and column; the input itself is
 * never echoed (it may contain CPR numbers).
 */
export function parseJson(text: string, options: { maxBytes?: number } = {}): ParseResult {
  const maxBytes = options.maxBytes ?? DEFAULT_LIMITS.maxBytes;
  if (typeof text !== "string") {
    return { ok: false, error: { line: 1, column: 1, position: 0 }, result: finish([issue("fatal", MSG.jsonEmpty(), "Bundle")]) };
  }
  if (text.length > maxBytes || (text.length * 3 > maxBytes && utf8Length(text) > maxBytes)) {
    const size = utf8Length(text);
    return { ok: false, error: { line: 1, column: 1, position: 0 }, result: finish([issue("fatal", MSG.tooLarge(size, maxBytes), "Bundle")]) };
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim().length === 0) {
    return { ok: false, error: { line: 1, column: 1, position: 0 }, result: finish([issue("fatal", MSG.jsonEmpty(), "Bundle")]) };
  }
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (e) {
    const message = e instanceof Error ? e.message : "";
    const m = /position (\d+)/.exec(message);
    const position = m ? Number(m[1]) : body.length;
    let line = 1;
    let column = 1;
    for (let i = 0; i < position && i < body.length; i++) {
      if (body.charCodeAt(i) === 10) {
        line++;
        column = 1;
      } else column++;
    }
    return { ok: false, error: { line, column, position }, result: finish([issue("fatal", MSG.jsonInvalid(line, column), "Bundle")]) };
  }
}

// ------------------------------------------------------------------ one report

const ABSOLUTE = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/;

type ResourceValidator = (env: Env, r: Record<string, unknown>, path: string) => void;

const VALIDATORS: Readonly<Record<string, ResourceValidator>> = {
  Patient: validateCitizen,
  RelatedPerson: validateRelatedParent,
  Encounter: validateEncounter,
  Observation: validateObservation,
  CarePlan: validateIntervention,
  QuestionnaireResponse: validateQuestionnaireResponse,
  Location: validateLocation,
};

function encounterTypeCode(bundle: Record<string, unknown>, i: number): string | undefined {
  const e = obj(arr(bundle.entry)[i]);
  const r = obj(e?.resource);
  for (const t of arr(r?.type)) {
    for (const c of arr(obj(t)?.coding)) {
      const code = obj(c)?.code;
      if (typeof code === "string" && ENCOUNTER_TYPES.has(code)) return code;
    }
  }
  return undefined;
}

function validateReport(bundle: unknown, c: Collector, opts: ValidateOptions): void {
  const engine = opts.engine ?? "fast";
  const maxEntries = opts.maxEntries ?? DEFAULT_LIMITS.maxEntries;
  if (!isObj(bundle)) {
    c.add("fatal", MSG.rootNotObject(), "Bundle");
    return;
  }
  if (bundle.resourceType !== "Bundle") {
    c.add("fatal", MSG.rootNotBundle(bundle.resourceType), "Bundle.resourceType");
    return;
  }
  if (Array.isArray(bundle.entry) && bundle.entry.length > maxEntries) {
    c.add("fatal", MSG.tooManyEntries(bundle.entry.length, maxEntries), "Bundle.entry");
    return;
  }
  const env: Env = { sink: c, index: new ReportIndex(), entry: -1, engine, state: { cprs: new Map() } };
  walkResource(env, bundle, DELIVERY_REPORT, "Bundle", DELIVERY_REPORT_NAME);

  // meta.profile is fixed to the delivery-report profile.
  const profiles = arr(obj(bundle.meta)?.profile);
  for (let i = 0; i < profiles.length; i++) {
    const p = profiles[i];
    if (typeof p === "string" && p.split("|")[0] !== PROFILE_URL.deliveryReport) {
      c.add("error", MSG.fixedValue(`Bundle.meta.profile[${i}]`, `'${PROFILE_URL.deliveryReport}'`), `Bundle.meta.profile[${i}]`);
    }
  }

  const entries = arr(bundle.entry);
  const dups: { fullUrl?: number; typeId?: number }[] = [];
  for (const e of entries) {
    const eo = obj(e);
    const r = obj(eo?.resource);
    const d = env.index.add({ fullUrl: str(eo?.fullUrl), resourceType: str(r?.resourceType), id: str(r?.id) });
    dups.push({ fullUrl: d.duplicateFullUrl, typeId: d.duplicateTypeId });
  }

  for (let i = 0; i < entries.length; i++) {
    c.toEntry(i);
    env.entry = i;
    const e = obj(entries[i]);
    if (!e) continue; // reported by the walk
    const path = `Bundle.entry[${i}]`;
    const r = obj(e.resource);
    const rt = r ? r.resourceType : undefined;
    const id = r ? r.id : undefined;

    // fullUrl: present, absolute, consistent with the resource, unique.
    const fullUrl = e.fullUrl;
    if (fullUrl === undefined) {
      if (r) c.add("error", MSG.fullUrlMissing(path), `${path}.fullUrl`);
    } else if (typeof fullUrl === "string" && fullUrl.length > 0) {
      if (!ABSOLUTE.test(fullUrl)) c.add("error", MSG.fullUrlNotAbsolute(path), `${path}.fullUrl`);
      else {
        const m = RESTFUL_URL.exec(fullUrl);
        if (m && r && typeof rt === "string" && typeof id === "string" && (m[2] !== rt || m[3] !== id)) c.add("error", MSG.fullUrlMismatch(path), `${path}.fullUrl`);
      }
      if (dups[i].fullUrl !== undefined) c.add("error", MSG.duplicateFullUrl(path, dups[i].fullUrl!), `${path}.fullUrl`);
    }
    if (!r) {
      const v = e.resource;
      if (v !== undefined && v !== null && !Array.isArray(v)) c.add("error", MSG.typeMismatch(`${path}.resource`, "object"), `${path}.resource`);
      continue; // a missing, null or array resource is reported by the walk
    }

    const rp = `${path}.resource`;
    if (rt === undefined) {
      c.add("error", MSG.resourceTypeMissing(rp), rp);
      continue;
    }
    const validator = typeof rt === "string" ? VALIDATORS[rt] : undefined;
    if (!validator) {
      c.add("error", MSG.resourceTypeNotAllowed(rp, rt), `${rp}.resourceType`);
      continue;
    }
    if (id === undefined) c.add("error", MSG.resourceIdMissing(rp), `${rp}.id`);
    else if (dups[i].typeId !== undefined && dups[i].fullUrl === undefined) {
      c.add("error", MSG.duplicateResourceId(rp, dups[i].typeId!), `${rp}.id`);
    }
    validator(env, r, rp);
  }

  // Bundle-level invariants: the published mandatory-observation rules (errors) and the
  // intended rules they fail to enforce (warnings), anchored on the triggering encounter.
  const results = evaluateBundleRules(bundle, engine);
  if (results.some((r) => r.value === "skipped")) {
    c.toTail();
    c.add("error", MSG.bundleRulesSkipped(), "Bundle");
  }
  for (const res of results) {
    if (res.value === true || res.value === "skipped") continue;
    const rule = res.rule;
    if (res.value === "error") {
      c.toTail();
      c.add("error", MSG.invariantError(rule.id, "Bundle"), "Bundle");
      continue;
    }
    const a = res.anchor;
    const entry = a === undefined ? "Bundle" : `Bundle.entry[${a}]`;
    const code = a === undefined ? undefined : encounterTypeCode(bundle, a);
    const visit = code ? ENCOUNTER_TYPES.get(code)! : undefined;
    const vda = visit?.display ?? "standardbesøg";
    const ven = visit ? `${visit.display} (${visit.english})` : "standard visit";
    const msg = rule.why
      ? MSG.intended(rule.id, vda, ven, entry, rule.names[0], rule.names[1], rule.why)
      : rule.defective
        ? MSG.mandatoryDefectiveMotor(rule.id, vda, ven, entry)
        : MSG.mandatory(rule.id, vda, ven, entry, rule.names[0], rule.names[1]);
    const expression = a === undefined ? ["Bundle"] : ["Bundle", `Bundle.entry[${a}].resource`];
    const bucket = a === undefined ? c.tail : c.entryBucket(a);
    bucket.push(issue(rule.severity, msg, expression));
  }

  if (entries.length === 0 && bundle.entry === undefined) {
    c.toTail();
    c.add("warning", MSG.emptyReport(), "Bundle");
  }
}

/** Validate one delivery report (a parsed JSON value, or a JSON text). */
export function validateDeliveryReport(input: unknown, opts: ValidateOptions = {}): ValidationResult {
  if (typeof input === "string") {
    const p = parseJson(input, opts);
    if (!p.ok) return p.result;
    input = p.value;
  }
  const c = new Collector();
  validateReport(input, c, opts);
  return finish(c.all());
}

// ------------------------------------------------------------------ submissions

function submissionKind(b: Record<string, unknown>): SubmissionKind {
  const profiles = arr(obj(b.meta)?.profile).map((p) => (typeof p === "string" ? p.split("|")[0] : p));
  if (profiles.includes(PROFILE_URL.incrementalDelivery)) return "incremental-delivery";
  if (profiles.includes(PROFILE_URL.deliveryReport)) return "delivery-report";
  for (const e of arr(b.entry)) if (obj(obj(e)?.resource)?.resourceType === "Bundle") return "incremental-delivery";
  return "delivery-report";
}

function reprefix(i: Issue, prefix: string): Issue {
  return { ...i, expression: i.expression.map((x) => (x === "Bundle" ? prefix : x.startsWith("Bundle.") ? prefix + x.slice(6) : x)) };
}

/**
 * Validate a submission: either a delivery report, or an incremental delivery wrapping several
 * reports (unordered). Each inner report is validated on its own (its issues' expressions start at
 * `Bundle`, i.e. the inner report); `outcome`/`issues` cover the whole submission with
 * expressions relative to the outer Bundle. `valid` is true only when the wrapper and every report
 * are valid; callers that accept reports one by one should use `reports[i].valid`.
 */
export function validateSubmission(input: unknown, opts: ValidateOptions = {}): SubmissionResult {
  if (typeof input === "string") {
    const p = parseJson(input, opts);
    if (!p.ok) return { kind: "unknown", valid: false, outcome: p.result.outcome, issues: p.result.issues, reports: [] };
    input = p.value;
  }
  if (!isObj(input) || input.resourceType !== "Bundle") {
    const r = validateDeliveryReport(input, opts);
    return { kind: "unknown", valid: false, outcome: r.outcome, issues: r.issues, reports: [] };
  }
  const kind = submissionKind(input);
  if (kind === "delivery-report") {
    const r = validateDeliveryReport(input, opts);
    return {
      kind,
      valid: r.valid,
      outcome: r.outcome,
      issues: r.issues,
      reports: [{ ...r, index: 0, id: str(input.id), timestamp: str(input.timestamp), path: "Bundle" }],
    };
  }

  const maxReports = opts.maxReports ?? DEFAULT_LIMITS.maxReports;
  const c = new Collector();
  const reports: ReportResult[] = [];
  const entries = arr(input.entry);
  if (entries.length > maxReports) {
    c.add("fatal", MSG.tooManyEntries(entries.length, maxReports), "Bundle.entry");
    const w = finish(c.all());
    return { kind, valid: false, outcome: w.outcome, issues: w.issues, wrapper: w, reports };
  }
  const env: Env = { sink: c, index: new ReportIndex(), entry: -1, engine: opts.engine ?? "fast", state: { cprs: new Map() } };
  walkResource(env, input, INCREMENTAL_DELIVERY, "Bundle", INCREMENTAL_DELIVERY_NAME);
  const seen = new Map<string, number>();
  for (let i = 0; i < entries.length; i++) {
    c.toEntry(i);
    const e = obj(entries[i]);
    if (!e) continue;
    const path = `Bundle.entry[${i}]`;
    if (typeof e.fullUrl === "string") {
      const prev = seen.get(e.fullUrl);
      if (prev !== undefined) c.add("error", MSG.duplicateFullUrl(path, prev), `${path}.fullUrl`);
      else seen.set(e.fullUrl, i);
    }
    const r = e.resource;
    if (r === undefined || r === null) continue; // reported by the walk
    if (!isObj(r) || r.resourceType !== "Bundle") {
      c.add("error", MSG.wrapperEntryNotReport(`${path}.resource`, isObj(r) ? r.resourceType : undefined), `${path}.resource`);
      continue;
    }
    const res = validateDeliveryReport(r, opts);
    reports.push({ ...res, index: i, id: str(r.id), timestamp: str(r.timestamp), path: `${path}.resource` });
  }
  const wrapper = finish(c.all());

  // Whole-submission view: wrapper issues and each report's issues, in entry order.
  const issues: Issue[] = c.head.slice();
  const byIndex = new Map(reports.map((r) => [r.index, r]));
  for (let i = 0; i < entries.length; i++) {
    for (const x of c.entries[i] ?? []) issues.push(x);
    const rep = byIndex.get(i);
    if (rep) for (const x of rep.issues) issues.push(reprefix(x, rep.path));
  }
  for (const x of c.tail) issues.push(x);
  return { kind, valid: wrapper.valid && reports.every((r) => r.valid), outcome: buildOutcome(issues), issues, wrapper, reports };
}
