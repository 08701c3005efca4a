/**
 * FHIR resources and delivery-report Bundles built exactly like the guide's examples
 * (shared/reference/fbu/examples): `meta.profile` on every resource, `fullUrl` and references as
 * absolute `https://test.fhir.dk/<Type>/<id>`, the same code systems, element order and value forms.
 *
 * For speed (a national year is ~600,000 reports), resources are serialised directly to compact
 * JSON with templates instead of building objects for JSON.stringify. The output is exactly what
 * JSON.stringify would give for the same object (no whitespace, same key order; every string
 * interpolated here is an id, code, URL, date or fixed display without characters that need
 * escaping, which codes.test.ts checks). `parseReport` turns a report back into objects for the
 * rare reports that get a deliberate defect.
 *
 * Builders are pure functions of their arguments: no randomness here.
 */
import {
  ENCOUNTER_CLASS,
  ENCOUNTER_TYPE,
  EPDS_ITEMS,
  EXAM_RESULT_CODE,
  EXT,
  FEEDING,
  FEEDING_CODE,
  FEEDING_SNOMED,
  FINDING_INFORMER_CITIZEN,
  FULL_URL_BASE,
  HEAD_CODES,
  HEIGHT_CODES,
  INDICATORS,
  PROFILE,
  QUESTIONNAIRE_EPDS,
  SYS,
  WEIGHT_CODES,
  profileUrl,
  type Code,
  type EncounterClassKey,
  type FeedingKey,
  type IndicatorKey,
  type VisitKind,
} from "./codes";

/** A serialised resource. */
export interface Res {
  type: string;
  id: string;
  /** Compact JSON of the resource. */
  json: string;
}

/** A resource as an object (used where a report is inspected or mutated). */
export type Resource = { resourceType: string; id: string; [key: string]: unknown };

export interface BundleEntry {
  fullUrl: string;
  resource: Resource;
}

export interface DeliveryReport {
  resourceType: "Bundle";
  id: string;
  meta: { profile: string[] };
  type: "collection";
  timestamp?: string;
  entry: BundleEntry[];
}

export const fullUrl = (type: string, id: string): string => `${FULL_URL_BASE}/${type}/${id}`;

const s = (x: string) => `"${x}"`;
const ref = (type: string, id: string) => `{"reference":"${FULL_URL_BASE}/${type}/${id}"}`;
const metaJson = (profile: string) => `"meta":{"profile":["${profile}"]}`;
const fboeCoding = (c: Code) => `{"system":"${SYS.FBOE}","code":"${c.code}","display":"${c.display}"}`;
const head = (type: string, id: string, profile: string) => `{"resourceType":"${type}","id":"${id}",${metaJson(profile)}`;

export function citizen(args: { id: string; cpr: string; sor: string; child: boolean; active?: boolean; relatedPersonIds?: string[] }): Res {
  let j = `${head("Patient", args.id, PROFILE.citizen)},"identifier":[{"use":"official","system":"${SYS.CPR}","value":${s(args.cpr)}}]`;
  // The examples send `active: true` on the child and omit it on parents.
  if (args.active === false) j += `,"active":false`;
  else if (args.child) j += `,"active":true`;
  j += `,"managingOrganization":{"identifier":{"use":"official","system":"${SYS.SOR}","value":${s(args.sor)}}}`;
  if (args.relatedPersonIds && args.relatedPersonIds.length > 0)
    j += `,"link":[${args.relatedPersonIds.map((id) => `{"other":${ref("RelatedPerson", id)},"type":"seealso"}`).join(",")}]`;
  return { type: "Patient", id: args.id, json: `${j}}` };
}

export function relatedParent(args: { id: string; childId: string; active?: boolean }): Res {
  let j = head("RelatedPerson", args.id, PROFILE.relatedParent);
  if (args.active === false) j += `,"active":false`;
  j += `,"patient":${ref("Patient", args.childId)},"relationship":[{"coding":[{"system":"${SYS.ROLE_CODE}","code":"PRN"}]}]}`;
  return { type: "RelatedPerson", id: args.id, json: j };
}

export function location(args: { id: string; schoolNumber: string }): Res {
  return {
    type: "Location",
    id: args.id,
    json: `${head("Location", args.id, PROFILE.location)},"identifier":[{"system":"${SYS.SCHOOL}","value":${s(args.schoolNumber)}}],"type":[{"coding":[{"system":"${SYS.ROLE_CODE}","code":"SCHOOL"}]}]}`,
  };
}

export function encounter(args: {
  id: string;
  kind: VisitKind;
  classKey: EncounterClassKey;
  subjectId: string;
  start: string;
  status?: "finished" | "entered-in-error";
  locationId?: string;
  interventionIds?: string[];
}): Res {
  let j = head("Encounter", args.id, PROFILE.encounter);
  if (args.interventionIds && args.interventionIds.length > 0)
    j += `,"extension":[${args.interventionIds.map((cid) => `{"url":"${EXT.basedOnIntervention}","valueReference":${ref("CarePlan", cid)}}`).join(",")}]`;
  const cls = ENCOUNTER_CLASS[args.classKey];
  j += `,"status":"${args.status ?? "finished"}","class":{"system":"${cls.system}","code":"${cls.code}"${cls.display ? `,"display":"${cls.display}"` : ""}}`;
  j += `,"type":[{"coding":[${fboeCoding(ENCOUNTER_TYPE[args.kind])}]}],"subject":${ref("Patient", args.subjectId)},"period":{"start":${s(args.start)}}`;
  if (args.locationId) j += `,"location":[{"location":${ref("Location", args.locationId)}}]`;
  return { type: "Encounter", id: args.id, json: `${j}}` };
}

const DATA_ABSENT_UNKNOWN = `"dataAbsentReason":{"coding":[{"system":"${SYS.DATA_ABSENT}","code":"unknown"}]}`;
const VITAL_SIGNS = `"category":[{"coding":[{"system":"${SYS.OBS_CATEGORY}","code":"vital-signs"}]}]`;

type ObsStatus = "final" | "entered-in-error";

function obsHead(id: string, profile: string, status: ObsStatus | undefined): string {
  return `${head("Observation", id, profile)},"status":"${status ?? "final"}"`;
}

function subjEnc(subjectId: string, encounterId?: string): string {
  return `,"subject":${ref("Patient", subjectId)}${encounterId ? `,"encounter":${ref("Encounter", encounterId)}` : ""}`;
}

const indicatorCode = new Map<IndicatorKey, string>();
function indicatorCodeJson(key: IndicatorKey): string {
  let c = indicatorCode.get(key);
  if (!c) {
    const def = INDICATORS[key];
    c = `"code":{"coding":[{"system":"${SYS.FBOE}","code":"${def.code}","display":"${def.display}"}]}`;
    indicatorCode.set(key, c);
  }
  return c;
}

/** One of the 14 indicator observations; `value` undefined → sent with dataAbsentReason `unknown`. */
export function indicatorObs(args: { id: string; key: IndicatorKey; subjectId: string; encounterId?: string; effective: string; value?: Code; status?: ObsStatus }): Res {
  const def = INDICATORS[args.key];
  let j = `${obsHead(args.id, profileUrl(def.profile), args.status)},${indicatorCodeJson(args.key)}${subjEnc(args.subjectId, args.encounterId)},"effectiveDateTime":${s(args.effective)}`;
  j += args.value ? `,"valueCodeableConcept":{"coding":[${fboeCoding(args.value)}]}` : `,${DATA_ABSENT_UNKNOWN}`;
  return { type: "Observation", id: args.id, json: `${j}}` };
}

const quantity = (value: number, unit: string) => `,"valueQuantity":{"value":${value},"unit":"${unit}","system":"${SYS.UCUM}","code":"${unit}"}`;

const WEIGHT_CODE_JSON = `"code":{"coding":[{"system":"${SYS.SNOMED}","code":"${WEIGHT_CODES.snomed.code}","display":"${WEIGHT_CODES.snomed.display}"},{"system":"${SYS.LOINC}","code":"${WEIGHT_CODES.loinc.code}"}]}`;
const HEAD_CODE_JSON = `"code":{"coding":[{"system":"${SYS.SNOMED}","code":"${HEAD_CODES.snomed.code}","display":"${HEAD_CODES.snomed.display}"},{"system":"${SYS.LOINC}","code":"${HEAD_CODES.loinc.code}","display":"${HEAD_CODES.loinc.display}"}]}`;
const heightCodeJson = (p: HeightPosition) =>
  `"code":{"coding":[{"system":"${SYS.SNOMED}","code":"${HEIGHT_CODES[p].code}","display":"${HEIGHT_CODES[p].display}"},{"system":"${SYS.LOINC}","code":"${HEIGHT_CODES.loinc.code}"}]}`;

export function weightObs(args: { id: string; subjectId: string; encounterId?: string; effective: string; value?: number; unit: "g" | "kg"; status?: ObsStatus }): Res {
  let j = `${obsHead(args.id, PROFILE.weight, args.status)},${VITAL_SIGNS},${WEIGHT_CODE_JSON}${subjEnc(args.subjectId, args.encounterId)},"effectiveDateTime":${s(args.effective)}`;
  j += args.value !== undefined ? quantity(args.value, args.unit) : `,${DATA_ABSENT_UNKNOWN}`;
  return { type: "Observation", id: args.id, json: `${j}}` };
}

export type HeightPosition = "recumbent" | "standing" | "any";

export function heightObs(args: { id: string; subjectId: string; encounterId?: string; effective: string; value?: number; position: HeightPosition; status?: ObsStatus }): Res {
  let j = `${obsHead(args.id, PROFILE.height, args.status)},${VITAL_SIGNS},${heightCodeJson(args.position)}${subjEnc(args.subjectId, args.encounterId)},"effectiveDateTime":${s(args.effective)}`;
  j += args.value !== undefined ? quantity(args.value, "cm") : `,${DATA_ABSENT_UNKNOWN}`;
  return { type: "Observation", id: args.id, json: `${j}}` };
}

export function headObs(args: { id: string; subjectId: string; encounterId?: string; effective: string; value?: number; status?: ObsStatus }): Res {
  let j = `${obsHead(args.id, PROFILE.head, args.status)},${VITAL_SIGNS},${HEAD_CODE_JSON}${subjEnc(args.subjectId, args.encounterId)},"effectiveDateTime":${s(args.effective)}`;
  j += args.value !== undefined ? quantity(args.value, "cm") : `,${DATA_ABSENT_UNKNOWN}`;
  return { type: "Observation", id: args.id, json: `${j}}` };
}

const FEEDING_CODE_JSON = `"code":{"coding":[{"system":"${SYS.FBOE}","code":"${FEEDING_CODE.code}","display":"${FEEDING_CODE.display}"},{"system":"${SYS.SNOMED}","code":"${FEEDING_SNOMED.code}","display":"${FEEDING_SNOMED.display}"}]}`;

/** Feeding: a status on a day (`effectiveDateTime`) or a period (`start`, optional `end`). */
export function feedingObs(args: {
  id: string;
  subjectId: string;
  encounterId?: string;
  effectiveDateTime?: string;
  period?: { start: string; end?: string };
  value?: FeedingKey;
  status?: ObsStatus;
}): Res {
  let j = `${obsHead(args.id, PROFILE.feeding, args.status)},${FEEDING_CODE_JSON}${subjEnc(args.subjectId, args.encounterId)}`;
  if (args.period) j += `,"effectivePeriod":{"start":${s(args.period.start)}${args.period.end ? `,"end":${s(args.period.end)}` : ""}}`;
  else j += `,"effectiveDateTime":${s(args.effectiveDateTime!)}`;
  j += args.value ? `,"valueCodeableConcept":{"coding":[${fboeCoding(FEEDING[args.value])}]}` : `,${DATA_ABSENT_UNKNOWN}`;
  return { type: "Observation", id: args.id, json: `${j}}` };
}

export function examResultObs(args: { id: string; subjectId: string; encounterId?: string; effective: string; finding: Code; status?: ObsStatus }): Res {
  const j = `${obsHead(args.id, PROFILE.examResult, args.status)},"code":{"coding":[{"system":"${SYS.SNOMED}","code":"${EXAM_RESULT_CODE.code}"}]}${subjEnc(args.subjectId, args.encounterId)},"effectiveDateTime":${s(args.effective)},"valueCodeableConcept":{"coding":[${fboeCoding(args.finding)}]}}`;
  return { type: "Observation", id: args.id, json: j };
}

export type CarePlanStatus = "active" | "completed" | "entered-in-error" | "revoked";

export function intervention(args: { id: string; subjectId: string; status: CarePlanStatus; start: string; end?: string; code: Code; reasons: Code[] }): Res {
  let detail = `"code":{"coding":[${fboeCoding(args.code)}]}`;
  if (args.reasons.length > 0) detail += `,"reasonCode":[${args.reasons.map((c) => `{"coding":[${fboeCoding(c)}]}`).join(",")}]`;
  detail += `,"status":"${args.status === "completed" ? "completed" : "unknown"}"`;
  const period = `{"start":${s(args.start)}${args.end ? `,"end":${s(args.end)}` : ""}}`;
  const j = `${head("CarePlan", args.id, PROFILE.intervention)},"status":"${args.status}","intent":"plan","subject":${ref("Patient", args.subjectId)},"period":${period},"activity":[{"detail":{${detail}}}]}`;
  return { type: "CarePlan", id: args.id, json: j };
}

const INFORMER_EXT = `"extension":[{"url":"${EXT.findingInformer}","valueCodeableConcept":{"coding":[{"system":"${FINDING_INFORMER_CITIZEN.system}","code":"${FINDING_INFORMER_CITIZEN.code}","display":"${FINDING_INFORMER_CITIZEN.display}"}]}}]`;

/** EPDS response: ten item scores 0–3 and the total `score` (= their sum). */
export function epdsResponse(args: { id: string; subjectId: string; authored: string; items: number[]; status?: "completed" | "entered-in-error" }): Res {
  const score = args.items.reduce((a, b) => a + b, 0);
  const items = EPDS_ITEMS.map((linkId, i) => `{"linkId":"${linkId}","answer":[{"valueInteger":${args.items[i] ?? 0}}]}`).join(",");
  const j = `${head("QuestionnaireResponse", args.id, PROFILE.questionnaireResponse)},${INFORMER_EXT},"questionnaire":"${QUESTIONNAIRE_EPDS}","status":"${args.status ?? "completed"}","subject":${ref("Patient", args.subjectId)},"authored":${s(args.authored)},"item":[${items},{"linkId":"score","answer":[{"valueInteger":${score}}]}]}`;
  return { type: "QuestionnaireResponse", id: args.id, json: j };
}

/** Compact JSON of a delivery report holding the given resources. */
export function deliveryReportJson(id: string, timestamp: string, resources: readonly Res[]): string {
  const entries = resources.map((r) => `{"fullUrl":"${FULL_URL_BASE}/${r.type}/${r.id}","resource":${r.json}}`).join(",");
  return `{"resourceType":"Bundle","id":"${id}",${metaJson(PROFILE.deliveryReport)},"type":"collection","timestamp":"${timestamp}","entry":[${entries}]}`;
}

export function parseReport(json: string): DeliveryReport {
  return JSON.parse(json) as DeliveryReport;
}

/** A copy of a serialised resource with its status set to `entered-in-error` (Encounter, Observation, QuestionnaireResponse). */
export function retracted(r: Res): Res {
  return { ...r, json: r.json.replace(/"status":"[a-z-]+"/, `"status":"entered-in-error"`) };
}

/**
 * Incremental-delivery wrapper around already-serialised delivery reports (UTF-8 JSON), built by
 * concatenation so the inner reports are byte-identical to their stand-alone form.
 */
export function incrementalDeliveryBuffer(id: string, timestamp: string, inner: { id: string; json: Uint8Array }[]): Buffer {
  const parts: Uint8Array[] = [Buffer.from(`{"resourceType":"Bundle","id":"${id}",${metaJson(PROFILE.incrementalDelivery)},"type":"collection","timestamp":"${timestamp}","entry":[`)];
  inner.forEach((r, i) => {
    parts.push(Buffer.from(`${i > 0 ? "," : ""}{"fullUrl":"${FULL_URL_BASE}/Bundle/${r.id}","resource":`), r.json, Buffer.from("}"));
  });
  parts.push(Buffer.from("]}"));
  return Buffer.concat(parts);
}
