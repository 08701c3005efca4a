/**
 * The 19 concrete Observation profiles of KLChildren 2.1.0: 14 indicators, exam result, body
 * weight, body height, head circumference and feeding.
 *
 * gateway-children-report-1 ("every Observation conforms to one of the 19 profiles", published
 * with `conformsTo()`, which fhirpath.js does not implement) is evaluated structurally: an
 * Observation is assigned to the profile it declares in meta.profile (when it declares exactly
 * one of the 19), otherwise to the profile whose fixed code(s) it carries. If no profile fits,
 * gateway-children-report-1 is reported. Violations of the assigned profile's own rules are
 * reported with their specific rule ids (each of them also means the Observation does not
 * conform, so report-1 is not repeated for them).
 */
import { MSG } from "../outcome";
import {
  DATA_ABSENT_REASONS,
  EXAM_RESULTS,
  EXAM_RESULT_CODE,
  FEEDING_FBOE,
  FEEDING_SCT,
  FEEDING_VALUES,
  HEAD_UNIT,
  HEIGHT_UNIT,
  INDICATOR_BY_CODE,
  INDICATOR_BY_URL,
  LOINC_HEAD,
  LOINC_HEIGHT,
  LOINC_WEIGHT,
  PROFILE_URL,
  SCT_HEAD,
  SCT_HEIGHT,
  SCT_WEIGHT,
  STATUS,
  SYSTEM,
  WEIGHT_UNITS,
  type IndicatorProfile,
} from "../terminology";
import {
  TARGET,
  checkCode,
  checkCodingBinding,
  checkConceptBinding,
  checkDeclaredProfiles,
  checkPeriod,
  checkReference,
  hasCoding,
  invariant,
  objects,
  walkResource,
  type Env,
} from "./context";
import { INF, T, X, any, card, choice, complex, prim, resource, arr, obj, type ElementDef } from "./spec";

export type ObservationKind = "indicator" | "examResult" | "weight" | "height" | "head" | "feeding" | "unknown";

const VALUE_TYPES = ["Quantity", "CodeableConcept", "String", "Boolean", "Integer", "Range", "Ratio", "SampledData", "Time", "DateTime", "Period"];
const EFFECTIVE_TYPES = ["DateTime", "Period", "Timing", "Instant"];

function observationDef(o: {
  category: ElementDef;
  coding: [number, number];
  values: string[];
  valueCoding?: [number, number];
  effective: string[];
  periodStartRequired?: boolean;
  dataAbsentReason: ElementDef;
}): ElementDef {
  return resource(
    "Observation",
    {
      identifier: X,
      basedOn: X,
      partOf: X,
      status: prim("code", 1, 1),
      category: o.category,
      code: complex("CodeableConcept", { coding: card(T.coding(0, INF), o.coding[0], o.coding[1]), text: prim("string") }, 1, 1),
      subject: T.reference(1, 1),
      focus: X,
      encounter: T.reference(0, 1),
      effectiveDateTime: prim("dateTime"),
      effectivePeriod: T.period(0, 1, o.periodStartRequired ? 1 : 0),
      effectiveTiming: any(),
      effectiveInstant: prim("instant"),
      issued: X,
      performer: X,
      valueQuantity: T.quantity(),
      valueCodeableConcept: o.valueCoding
        ? complex("CodeableConcept", { coding: card(T.coding(0, INF), o.valueCoding[0], o.valueCoding[1]), text: prim("string") })
        : T.codeableConcept(),
      valueString: prim("string"),
      valueBoolean: prim("boolean"),
      valueInteger: prim("integer"),
      valueRange: any(),
      valueRatio: any(),
      valueSampledData: any(),
      valueTime: prim("time"),
      valueDateTime: prim("dateTime"),
      valuePeriod: T.period(),
      dataAbsentReason: o.dataAbsentReason,
      interpretation: X,
      note: X,
      bodySite: X,
      method: X,
      specimen: X,
      device: X,
      referenceRange: any(0, INF),
      hasMember: X,
      derivedFrom: X,
      component: any(0, INF),
    },
    [choice("value", VALUE_TYPES, o.values, 0), choice("effective", EFFECTIVE_TYPES, o.effective, 1)],
  );
}

const VITAL_CATEGORY = card(T.codeableConcept(0, INF), 1, 1);

/** The structure definition used for each kind of Observation. */
export const OBSERVATION_DEFS: Record<ObservationKind, ElementDef> = {
  indicator: observationDef({
    category: X,
    coding: [1, 1],
    values: ["CodeableConcept"],
    valueCoding: [1, 1],
    effective: ["DateTime"],
    dataAbsentReason: T.codeableConcept(),
  }),
  examResult: observationDef({
    category: X,
    coding: [1, 1],
    values: ["CodeableConcept"],
    valueCoding: [1, 1],
    effective: EFFECTIVE_TYPES,
    dataAbsentReason: X,
  }),
  weight: observationDef({ category: VITAL_CATEGORY, coding: [1, INF], values: VALUE_TYPES, effective: ["DateTime"], dataAbsentReason: T.codeableConcept() }),
  height: observationDef({ category: VITAL_CATEGORY, coding: [1, INF], values: ["Quantity"], effective: ["DateTime"], dataAbsentReason: T.codeableConcept() }),
  head: observationDef({ category: VITAL_CATEGORY, coding: [1, INF], values: VALUE_TYPES, effective: ["DateTime"], dataAbsentReason: T.codeableConcept() }),
  feeding: observationDef({
    category: T.codeableConcept(0, INF),
    coding: [2, 2],
    values: ["CodeableConcept"],
    effective: ["DateTime", "Period"],
    periodStartRequired: true,
    dataAbsentReason: T.codeableConcept(),
  }),
  unknown: observationDef({
    category: T.codeableConcept(0, INF),
    coding: [0, INF],
    values: VALUE_TYPES,
    effective: EFFECTIVE_TYPES,
    dataAbsentReason: T.codeableConcept(),
  }),
};

interface Classified {
  kind: ObservationKind;
  indicator?: IndicatorProfile;
  /** Profile URL and id the Observation is validated against. */
  url?: string;
  name: string;
}

const CONCRETE: ReadonlyMap<string, Classified> = new Map<string, Classified>([
  [PROFILE_URL.weight, { kind: "weight", url: PROFILE_URL.weight, name: "klgateway-children-bodyweight" }],
  [PROFILE_URL.height, { kind: "height", url: PROFILE_URL.height, name: "klgateway-children-bodyheight" }],
  [PROFILE_URL.headCircumference, { kind: "head", url: PROFILE_URL.headCircumference, name: "klgateway-children-headcircum" }],
  [PROFILE_URL.feeding, { kind: "feeding", url: PROFILE_URL.feeding, name: "klgateway-children-feeding-observation" }],
  [PROFILE_URL.examResult, { kind: "examResult", url: PROFILE_URL.examResult, name: "klgateway-children-exam-result" }],
  ...[...INDICATOR_BY_URL.values()].map((p) => [p.url, { kind: "indicator", indicator: p, url: p.url, name: p.id }] as [string, Classified]),
]);

const BY_KIND = new Map<ObservationKind, Classified>([...CONCRETE.values()].filter((c) => c.kind !== "indicator").map((c) => [c.kind, c]));

/** Assign an Observation to one of the 19 profiles (see the file comment), or "unknown". */
export function classifyObservation(o: Record<string, unknown>): Classified {
  const meta = obj(o.meta);
  const declared = new Map<string, Classified>();
  for (const p of arr(meta?.profile)) {
    if (typeof p !== "string") continue;
    const c = CONCRETE.get(p.split("|")[0]);
    if (c) declared.set(c.url!, c);
  }
  if (declared.size === 1) return [...declared.values()][0];

  const codings = objects(obj(o.code)?.coding).map((c) => c.value);
  const codes = new Set<unknown>(codings.map((c) => c.code));
  if (codes.has(EXAM_RESULT_CODE)) return BY_KIND.get("examResult")!;
  if (codes.has(LOINC_WEIGHT) || codes.has(SCT_WEIGHT)) return BY_KIND.get("weight")!;
  if (codes.has(LOINC_HEIGHT) || [...SCT_HEIGHT].some((c) => codes.has(c))) return BY_KIND.get("height")!;
  if (codes.has(LOINC_HEAD) || codes.has(SCT_HEAD)) return BY_KIND.get("head")!;
  if (codes.has(FEEDING_SCT) || (codes.has(FEEDING_FBOE) && codings.length >= 2)) return BY_KIND.get("feeding")!;
  for (const c of codings) {
    const p = typeof c.code === "string" ? INDICATOR_BY_CODE.get(c.code) : undefined;
    if (p) return CONCRETE.get(p.url)!;
  }
  return { kind: "unknown", name: "Observation" };
}

// ------------------------------------------------------------------ checks

interface Measure {
  loinc: string;
  /** Allowed SNOMED CT codes for the SNOMEDCT slice (0..1). */
  sct: ReadonlySet<string>;
  sctIsBinding: boolean;
  units: ReadonlySet<string>;
  /** Allowed unit codes for messages (Danish, English). */
  unitText: [string, string];
}

const MEASURES: Partial<Record<ObservationKind, Measure>> = {
  weight: { loinc: LOINC_WEIGHT, sct: new Set([SCT_WEIGHT]), sctIsBinding: false, units: WEIGHT_UNITS, unitText: ["'g' eller 'kg'", "'g' or 'kg'"] },
  height: { loinc: LOINC_HEIGHT, sct: SCT_HEIGHT, sctIsBinding: true, units: new Set([HEIGHT_UNIT]), unitText: [`'${HEIGHT_UNIT}'`, `'${HEIGHT_UNIT}'`] },
  head: { loinc: LOINC_HEAD, sct: new Set([SCT_HEAD]), sctIsBinding: false, units: new Set([HEAD_UNIT]), unitText: [`'${HEAD_UNIT}'`, `'${HEAD_UNIT}'`] },
};

const LENGTH_OR_MASS_UNITS = new Set(["g", "kg", "mg", "cm", "m", "mm", "[lb_av]", "[in_i]"]);

const OBS_VALUE_KEYS = VALUE_TYPES.map((t) => "value" + t);

function checkCodeCodings(env: Env, o: Record<string, unknown>, path: string, c: Classified): void {
  const cp = `${path}.code.coding`;
  const codings = objects(obj(o.code)?.coding);
  switch (c.kind) {
    case "indicator": {
      const p = c.indicator!;
      for (const { value, i } of codings) {
        if (value.system !== SYSTEM.FBOE) {
          env.sink.add(
            "error",
            MSG.slice(
              `${cp}[${i}]: code.coding må kun indeholde én kodning, FBOE-koden ${p.code} (lukket slicing i ${c.name}).`,
              `${cp}[${i}]: code.coding may only hold one coding, the FBOE code ${p.code} (closed slicing in ${c.name}).`,
            ),
            `${cp}[${i}].system`,
          );
        } else if (value.code !== p.code) {
          env.sink.add("error", MSG.fixedValue(`${cp}[${i}].code`, `'${p.code}' (${p.display})`), `${cp}[${i}].code`);
        }
      }
      return;
    }
    case "examResult": {
      for (const { value, i } of codings) {
        if (value.system !== SYSTEM.SNOMED || value.code !== EXAM_RESULT_CODE) {
          env.sink.add(
            "error",
            MSG.slice(
              `${cp}[${i}]: code.coding må kun indeholde SNOMED CT ${EXAM_RESULT_CODE} (lukket slicing i ${c.name}).`,
              `${cp}[${i}]: code.coding may only hold SNOMED CT ${EXAM_RESULT_CODE} (closed slicing in ${c.name}).`,
            ),
            `${cp}[${i}]`,
          );
        }
      }
      return;
    }
    case "feeding": {
      let fboe = false;
      let sct = false;
      for (const { value, i } of codings) {
        if (value.system === SYSTEM.FBOE && value.code === FEEDING_FBOE) fboe = true;
        else if (value.system === SYSTEM.SNOMED && value.code === FEEDING_SCT) sct = true;
        else
          env.sink.add(
            "error",
            MSG.slice(
              `${cp}[${i}]: code.coding må kun indeholde FBOE ${FEEDING_FBOE} (Ernæring) og SNOMED CT ${FEEDING_SCT} (lukket slicing i ${c.name}).`,
              `${cp}[${i}]: code.coding may only hold FBOE ${FEEDING_FBOE} (Ernæring) and SNOMED CT ${FEEDING_SCT} (closed slicing in ${c.name}).`,
            ),
            `${cp}[${i}]`,
          );
      }
      if (!fboe || !sct) {
        const missing = !fboe ? `FBOE ${FEEDING_FBOE}` : `SNOMED CT ${FEEDING_SCT}`;
        env.sink.add(
          "error",
          MSG.slice(
            `code.coding mangler kodningen ${missing} (påkrævet 1..1 i ${c.name}).`,
            `code.coding lacks the coding ${missing} (required 1..1 in ${c.name}).`,
          ),
          cp,
        );
      }
      return;
    }
    case "weight":
    case "height":
    case "head": {
      const m = MEASURES[c.kind]!;
      const loinc = codings.filter((x) => x.value.system === SYSTEM.LOINC);
      const sct = codings.filter((x) => x.value.system === SYSTEM.SNOMED);
      if (!loinc.some((x) => x.value.code === m.loinc)) {
        env.sink.add(
          "error",
          MSG.slice(`code.coding skal indeholde LOINC-koden ${m.loinc} (1..1 i ${c.name}).`, `code.coding must hold LOINC code ${m.loinc} (1..1 in ${c.name}).`),
          cp,
        );
      }
      for (const { value, i } of loinc) {
        if (value.code !== m.loinc) env.sink.add("error", MSG.fixedValue(`${cp}[${i}].code`, `'${m.loinc}'`), `${cp}[${i}].code`);
      }
      if (loinc.length > 1) env.sink.add("error", MSG.tooMany(`${cp}:LOINC`, 1, loinc.length, c.name), cp);
      if (sct.length > 1) env.sink.add("error", MSG.tooMany(`${cp}:SNOMEDCT`, 1, sct.length, c.name), cp);
      for (const { value, i } of sct) {
        if (typeof value.code !== "string" || m.sct.has(value.code)) continue;
        if (m.sctIsBinding) env.sink.add("error", MSG.binding(`${cp}[${i}]`, "BodyheightSCTobservablesChildren", value.code), `${cp}[${i}].code`);
        else env.sink.add("error", MSG.fixedValue(`${cp}[${i}].code`, `'${[...m.sct][0]}'`), `${cp}[${i}].code`);
      }
      return;
    }
    default:
      return;
  }
}

function checkQuantity(env: Env, q: Record<string, unknown>, path: string, m: Measure): void {
  const v = q.value;
  if (v === undefined) env.sink.add("error", MSG.measurementNoNumber(path), `${path}.value`);
  else if (typeof v === "number" && v <= 0) env.sink.add("error", MSG.measurementNegative(path), `${path}.value`);
  if (q.system !== SYSTEM.UCUM) env.sink.add("error", MSG.unitSystem(`${path}.system`), `${path}.system`);
  const code = q.code;
  if (typeof code !== "string" || !m.units.has(code)) {
    env.sink.add("error", MSG.unit(`${path}.code`, m.unitText[0], m.unitText[1]), `${path}.code`);
  } else if (typeof q.unit === "string" && q.unit !== code && LENGTH_OR_MASS_UNITS.has(q.unit)) {
    env.sink.add("warning", MSG.unitTextMismatch(path), `${path}.unit`);
  }
}

function checkDataAbsentReason(env: Env, dar: unknown, path: string): void {
  const d = obj(dar);
  if (!d) return;
  for (const { value, i } of objects(d.coding)) {
    if (value.system === SYSTEM.DATA_ABSENT && typeof value.code === "string" && !DATA_ABSENT_REASONS.has(value.code)) {
      env.sink.add("error", MSG.binding(`${path}.coding[${i}]`, "DataAbsentReason", value.code), `${path}.coding[${i}].code`);
    }
  }
}

export function validateObservation(env: Env, o: Record<string, unknown>, path: string): void {
  const c = classifyObservation(o);
  walkResource(env, o, OBSERVATION_DEFS[c.kind], path, c.name);
  if (c.kind === "unknown") {
    env.sink.add("error", MSG.report1(path), `${path}.code`);
  } else {
    checkDeclaredProfiles(env, o, path, c.url!, c.kind === "indicator" ? [PROFILE_URL.indicator] : []);
  }
  checkCode(env, o.status, `${path}.status`, STATUS.observation, "ObservationStatus");
  if (o.subject !== undefined) checkReference(env, o.subject, `${path}.subject`, TARGET.citizen);
  if (o.encounter !== undefined) checkReference(env, o.encounter, `${path}.encounter`, TARGET.encounter);
  checkCodeCodings(env, o, path, c);

  // Category: vital-signs on the dk-core-basic-observation based measurements.
  if (c.kind === "weight" || c.kind === "height" || c.kind === "head") {
    for (const { value, i } of objects(o.category)) {
      if (!hasCoding(value, SYSTEM.OBS_CATEGORY, "vital-signs")) {
        env.sink.add("error", MSG.fixedValue(`${path}.category[${i}]`, `${SYSTEM.OBS_CATEGORY}#vital-signs`), `${path}.category[${i}]`);
      }
    }
  }

  // Values and their bindings.
  const vp = `${path}.valueCodeableConcept`;
  switch (c.kind) {
    case "indicator": {
      const p = c.indicator!;
      for (const { value, i } of objects(obj(o.valueCodeableConcept)?.coding)) {
        checkCodingBinding(env, value, `${vp}.coding[${i}]`, SYSTEM.FBOE, p.values, p.valueSetId);
      }
      break;
    }
    case "examResult":
      for (const { value, i } of objects(obj(o.valueCodeableConcept)?.coding)) {
        checkCodingBinding(env, value, `${vp}.coding[${i}]`, SYSTEM.FBOE, EXAM_RESULTS, "ExamResults");
      }
      break;
    case "feeding":
      if (o.valueCodeableConcept !== undefined) checkConceptBinding(env, o.valueCodeableConcept, vp, SYSTEM.FBOE, FEEDING_VALUES, "FeedingResultsChildren");
      checkPeriod(env, o.effectivePeriod, `${path}.effectivePeriod`);
      break;
    case "weight":
    case "height":
    case "head": {
      const m = MEASURES[c.kind]!;
      const q = obj(o.valueQuantity);
      if (q) checkQuantity(env, q, `${path}.valueQuantity`, m);
      else if (c.kind !== "height") {
        const other = OBS_VALUE_KEYS.find((k) => k !== "valueQuantity" && o[k] !== undefined);
        if (other) env.sink.add("error", MSG.measurementNotQuantity(path), `${path}.${other}`);
      }
      break;
    }
    default:
      break;
  }
  if (c.kind !== "examResult") checkDataAbsentReason(env, o.dataAbsentReason, `${path}.dataAbsentReason`);

  // Invariants.
  if (c.kind === "weight" || c.kind === "height" || c.kind === "head") {
    const r = invariant(env, "obs-1", o, path, MSG.obs1, `${path}.valueQuantity.value`);
    if (r === null && o.valueQuantity === undefined && o.dataAbsentReason !== undefined) {
      env.sink.add("information", MSG.obs1NoValue(path), path);
    }
  }
  if (c.kind !== "examResult" && c.kind !== "unknown") invariant(env, "obs-2", o, path, MSG.obs2);
  invariant(env, "obs-6", o, path, MSG.obs6);
  invariant(env, "dk-core-observation-mandatory-units", o, path, MSG.mandatoryUnits, `${path}.valueQuantity`);
}
