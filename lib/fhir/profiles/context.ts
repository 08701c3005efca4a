/**
 * Shared machinery for the profile checks: the per-report index of entries (for bundled
 * reference resolution), the validation environment, and helpers for references, bindings,
 * extensions, declared profiles and periods.
 */
import type { Engine, NodeInvariantId } from "../invariants";
import { evaluateNode } from "../invariants";
import { MSG } from "../outcome";
import { EXTENSION_URL, KNOWN_PROFILE_IDS, SYSTEM, isFindingInformer } from "../terminology";
import type { IssueSeverity } from "../types";
import { arr, isObj, obj, str, walkComplex, type ElementDef, type Sink, type WalkCtx } from "./spec";

// ------------------------------------------------------------------ report index

export interface EntryInfo {
  fullUrl?: string;
  resourceType?: string;
  id?: string;
}

const ABSOLUTE = /^[A-Za-z][A-Za-z0-9+.-]*:/;
const RELATIVE = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(\/_history\/[A-Za-z0-9\-.]{1,64})?$/;
export const RESTFUL_URL = /^(.*)\/([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(\/_history\/[A-Za-z0-9\-.]{1,64})?$/;
const HISTORY = /\/_history\/[A-Za-z0-9\-.]{1,64}$/;

export type Resolution = { status: "ok"; index: number } | { status: "not-found" } | { status: "format" } | { status: "contained" };

/**
 * Entries of one report, indexed for FHIR bundle reference resolution:
 *  - an absolute reference (`https://…`, `urn:uuid:…`) must equal an entry's fullUrl
 *    (a trailing `/_history/n` is ignored);
 *  - a relative reference `Type/id` is resolved against the base of the referring entry's
 *    fullUrl when that is a RESTful URL (`<base>/Type/id`), as the FHIR Bundle rules say;
 *    when the referring entry has no RESTful fullUrl (e.g. `urn:uuid:`), it matches the entry
 *    with that resourceType and id.
 */
export class ReportIndex {
  readonly entries: EntryInfo[] = [];
  private readonly byFullUrl = new Map<string, number>();
  private readonly byTypeId = new Map<string, number>();

  add(info: EntryInfo): { duplicateFullUrl?: number; duplicateTypeId?: number } {
    const i = this.entries.length;
    this.entries.push(info);
    const out: { duplicateFullUrl?: number; duplicateTypeId?: number } = {};
    if (info.fullUrl !== undefined) {
      const prev = this.byFullUrl.get(info.fullUrl);
      if (prev !== undefined) out.duplicateFullUrl = prev;
      else this.byFullUrl.set(info.fullUrl, i);
    }
    if (info.resourceType !== undefined && info.id !== undefined) {
      const key = info.resourceType + "/" + info.id;
      const prev = this.byTypeId.get(key);
      if (prev !== undefined) out.duplicateTypeId = prev;
      else this.byTypeId.set(key, i);
    }
    return out;
  }

  resolve(ref: string, from: number): Resolution {
    if (ref.charCodeAt(0) === 35 /* # */) return { status: "contained" };
    if (ABSOLUTE.test(ref)) {
      let i = this.byFullUrl.get(ref);
      if (i === undefined && HISTORY.test(ref)) i = this.byFullUrl.get(ref.replace(HISTORY, ""));
      return i === undefined ? { status: "not-found" } : { status: "ok", index: i };
    }
    const m = RELATIVE.exec(ref);
    if (!m) return { status: "format" };
    const fromUrl = this.entries[from]?.fullUrl;
    const base = fromUrl !== undefined ? RESTFUL_URL.exec(fromUrl) : null;
    if (base) {
      const i = this.byFullUrl.get(`${base[1]}/${m[1]}/${m[2]}`);
      return i === undefined ? { status: "not-found" } : { status: "ok", index: i };
    }
    const i = this.byTypeId.get(`${m[1]}/${m[2]}`);
    return i === undefined ? { status: "not-found" } : { status: "ok", index: i };
  }
}

// ------------------------------------------------------------------ environment

export interface ReportState {
  /** CPR number → [entry index, resource id] of the first citizen with it (never leaves the validator). */
  cprs: Map<string, [number, string | undefined]>;
}

export interface Env {
  sink: Sink;
  index: ReportIndex;
  /** Index of the entry being validated. */
  entry: number;
  engine: Engine;
  state: ReportState;
  /** The walk context, created on first use and reused for every resource of the report. */
  walk?: WalkCtx;
}

/** Walk a resource against its definition with the extension hook bound to this environment. */
export function walkResource(env: Env, resource: unknown, def: ElementDef, path: string, profile: string): void {
  let ctx = env.walk;
  if (ctx === undefined) {
    ctx = env.walk = {
      sink: env.sink,
      profile,
      extension: (ext, p, owner, atRoot) => checkExtension(env, ext, p, owner, atRoot),
    };
  }
  ctx.profile = profile;
  walkComplex(resource, def, path, ctx);
}

// ------------------------------------------------------------------ references

export interface RefTarget {
  /** Allowed resource types of the target. */
  types: readonly string[];
  /** Description of the expected target for messages (Danish, English), e.g. a Citizen (Patient). */
  da: string;
  en: string;
}

export const TARGET = {
  citizen: { types: ["Patient"], da: "en borger (Patient, klgateway-children-citizen)", en: "a citizen (Patient, klgateway-children-citizen)" },
  relatedParent: {
    types: ["RelatedPerson"],
    da: "en forælder-relation (RelatedPerson, klgateway-children-related-parent)",
    en: "a parent relation (RelatedPerson, klgateway-children-related-parent)",
  },
  encounter: { types: ["Encounter"], da: "en kontakt (Encounter, klgateway-children-encounter)", en: "an encounter (Encounter, klgateway-children-encounter)" },
  location: { types: ["Location"], da: "en skole (Location, klgateway-children-location)", en: "a school (Location, klgateway-children-location)" },
  intervention: {
    types: ["CarePlan"],
    da: "en indsats (CarePlan, klgateway-children-intervention)",
    en: "an intervention (CarePlan, klgateway-children-intervention)",
  },
} satisfies Record<string, RefTarget>;

/** Check a bundled Reference (already structure-checked): it must have `reference`, resolve in the report, and hit an allowed type. */
export function checkReference(env: Env, value: unknown, path: string, target: RefTarget): void {
  const r = obj(value);
  if (!r) return;
  const ref = r.reference;
  if (ref === undefined) {
    env.sink.add("error", MSG.referenceMissing(path), path);
    return;
  }
  if (typeof ref !== "string" || ref.length === 0) return; // type error already reported
  const res = env.index.resolve(ref, env.entry);
  const rp = `${path}.reference`;
  switch (res.status) {
    case "contained":
      env.sink.add("error", MSG.referenceContained(path), rp);
      return;
    case "format":
      env.sink.add("error", MSG.referenceFormat(path), rp);
      return;
    case "not-found":
      env.sink.add("error", MSG.referenceNotFound(path), rp);
      return;
  }
  const actual = env.index.entries[res.index].resourceType ?? "?";
  if (!target.types.includes(actual)) {
    env.sink.add("error", refWrongTarget(path, target, actual), rp);
    return;
  }
  const declaredType = r.type;
  if (typeof declaredType === "string" && declaredType !== actual && declaredType !== `http://hl7.org/fhir/StructureDefinition/${actual}`) {
    env.sink.add("error", refWrongTarget(`${path}.type`, target, actual), `${path}.type`);
  }
}

function refWrongTarget(path: string, target: RefTarget, actual: string) {
  const m = MSG.referenceWrongTarget(path, target.da, actual);
  return { ...m, en: MSG.referenceWrongTarget(path, target.en, actual).en };
}

// ------------------------------------------------------------------ extensions

/**
 * Extensions: BasedOnInterventionExtension on Encounter (valueReference to an Intervention,
 * bundled) and FindingInformer on QuestionnaireResponse/Observation (valueCodeableConcept from
 * FindingInformerCodes) are validated; any other extension is reported as a warning and ignored.
 */
function checkExtension(env: Env, ext: Record<string, unknown>, path: string, owner: string, atRoot: boolean): void {
  const url = ext.url as string;
  if (atRoot && owner === "Encounter" && url === EXTENSION_URL.basedOnIntervention) {
    if (!onlyValue(env, ext, path, "valueReference", "Reference")) return;
    const ref = ext.valueReference;
    if (!isObj(ref)) {
      env.sink.add("error", MSG.typeMismatch(`${path}.valueReference`, "object"), `${path}.valueReference`);
      return;
    }
    checkReference(env, ref, `${path}.valueReference`, TARGET.intervention);
    return;
  }
  if (atRoot && (owner === "QuestionnaireResponse" || owner === "Observation") && url === EXTENSION_URL.findingInformer) {
    if (!onlyValue(env, ext, path, "valueCodeableConcept", "CodeableConcept")) return;
    const cc = obj(ext.valueCodeableConcept);
    const vp = `${path}.valueCodeableConcept`;
    if (!cc) {
      env.sink.add("error", MSG.typeMismatch(vp, "object"), vp);
      return;
    }
    const codings = arr(cc.coding).filter(isObj);
    if (!codings.some((c) => isFindingInformer(c.system, c.code))) {
      const first = codings[0];
      env.sink.add(
        "error",
        first ? MSG.binding(`${vp}.coding`, "FindingInformerCodes", first.code) : MSG.bindingMissingCode(vp, "FindingInformerCodes"),
        first ? `${vp}.coding[0]` : vp,
      );
    }
    return;
  }
  if (url === EXTENSION_URL.basedOnIntervention || url === EXTENSION_URL.findingInformer) {
    env.sink.add("error", MSG.forbidden(path, `${owner} (${url.split("/").pop()})`), path);
    return;
  }
  env.sink.add("warning", MSG.unknownExtension(path, url), path);
}

/** The extension must carry exactly the one value key `key` (and nothing but url/id/value). */
function onlyValue(env: Env, ext: Record<string, unknown>, path: string, key: string, typeName: string): boolean {
  let ok = ext[key] !== undefined;
  for (const k in ext) {
    if (k === "url" || k === "id" || k === key) continue;
    ok = false;
  }
  if (!ok) env.sink.add("error", MSG.extensionValue(path, typeName), path);
  return ok && ext[key] !== undefined;
}

// ------------------------------------------------------------------ bindings and codes

/** Objects of a JSON array (skipping anything else: type errors are reported by the walk). */
export function objects(v: unknown): { value: Record<string, unknown>; i: number }[] {
  const out: { value: Record<string, unknown>; i: number }[] = [];
  const a = arr(v);
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    if (isObj(x)) out.push({ value: x, i });
  }
  return out;
}

/**
 * Required binding on a single Coding: system must be `system` and code in `codes`.
 * Reports at most one issue.
 */
export function checkCodingBinding(
  env: Env,
  coding: Record<string, unknown>,
  path: string,
  system: string,
  codes: ReadonlySet<string>,
  valueSet: string,
  severity: IssueSeverity = "error",
): boolean {
  const code = coding.code;
  if (typeof code !== "string") {
    if (code === undefined) env.sink.add(severity, MSG.bindingMissingCode(path, valueSet), path);
    return false;
  }
  if (coding.system !== system) {
    env.sink.add(severity, MSG.bindingSystem(path, valueSet, system), `${path}.system`);
    return false;
  }
  if (!codes.has(code)) {
    env.sink.add(severity, MSG.binding(path, valueSet, code), `${path}.code`);
    return false;
  }
  return true;
}

/** Required binding on a CodeableConcept: at least one coding must be in the value set. */
export function checkConceptBinding(
  env: Env,
  cc: unknown,
  path: string,
  system: string,
  codes: ReadonlySet<string>,
  valueSet: string,
): boolean {
  const c = obj(cc);
  if (!c) return false;
  const codings = objects(c.coding);
  for (const { value } of codings) {
    if (value.system === system && typeof value.code === "string" && codes.has(value.code)) return true;
  }
  if (codings.length === 0) {
    env.sink.add("error", MSG.bindingMissingCode(path, valueSet), path);
    return false;
  }
  const { value: first, i } = codings[0];
  checkCodingBinding(env, first, `${path}.coding[${i}]`, system, codes, valueSet);
  return false;
}

/** A code element with a required binding to `codes` (status etc.). */
export function checkCode(env: Env, value: unknown, path: string, codes: ReadonlySet<string>, valueSet: string): void {
  if (typeof value === "string" && value.length > 0 && !codes.has(value)) env.sink.add("error", MSG.binding(path, valueSet, value), path);
}

/** Does a CodeableConcept (or array of them) contain the coding system|code? */
export function hasCoding(cc: unknown, system: string, code: string): boolean {
  const c = obj(cc);
  if (!c) return false;
  for (const { value } of objects(c.coding)) if (value.system === system && value.code === code) return true;
  return false;
}

// ------------------------------------------------------------------ declared profiles

/**
 * meta.profile of a resource: the expected KLChildren profile (and any `alsoAllowed`, e.g. the
 * abstract indicator) is fine; another KLChildren profile is a contradiction (error); an
 * unknown profile is noted and ignored.
 */
export function checkDeclaredProfiles(env: Env, resource: Record<string, unknown>, path: string, expected: string, alsoAllowed: readonly string[] = []): void {
  const meta = obj(resource.meta);
  if (!meta) return;
  const profiles = arr(meta.profile);
  for (let i = 0; i < profiles.length; i++) {
    const p = profiles[i];
    if (typeof p !== "string") continue;
    const canonical = p.split("|")[0];
    if (canonical === expected || alsoAllowed.includes(canonical)) continue;
    const pp = `${path}.meta.profile[${i}]`;
    const id = KNOWN_PROFILE_IDS.get(canonical);
    if (id !== undefined) env.sink.add("error", MSG.profileMismatch(pp, id, KNOWN_PROFILE_IDS.get(expected) ?? expected), pp);
    else env.sink.add("information", MSG.profileUnknown(pp), pp);
  }
}

// ------------------------------------------------------------------ periods and invariants

function comparable(a: string, b: string): [string, string] {
  const aTime = a.length > 10;
  const bTime = b.length > 10;
  if (aTime && bTime) {
    const x = Date.parse(a);
    const y = Date.parse(b);
    if (!Number.isNaN(x) && !Number.isNaN(y)) return [String(x).padStart(16, "0"), String(y).padStart(16, "0")];
  }
  const n = Math.min(a.length, b.length, 10);
  return [a.slice(0, n), b.slice(0, n)];
}

/** LDBU rule `ldbu-period`: a Period's end may not be before its start (compared at the coarser precision). */
export function checkPeriod(env: Env, value: unknown, path: string): void {
  const p = obj(value);
  if (!p) return;
  const s = str(p.start);
  const e = str(p.end);
  if (s === undefined || e === undefined) return;
  const [a, b] = comparable(s, e);
  if (b < a) env.sink.add("error", MSG.periodOrder(path), `${path}.end`);
}

/** Evaluate a node invariant and report it; returns the truth value. */
export function invariant(
  env: Env,
  id: NodeInvariantId,
  node: unknown,
  path: string,
  msg: (el: string) => ReturnType<typeof MSG.obs2>,
  issuePath: string = path,
): boolean | null {
  const r = evaluateNode(id, node, env.engine);
  if (r === "error") {
    env.sink.add("error", MSG.invariantError(id, path), path);
    return false;
  }
  if (r === false) env.sink.add("error", msg(issuePath), issuePath);
  return r;
}

export { SYSTEM };
