/**
 * What LDBU keeps of a *valid* delivery report: flat, typed rows per resource, with CPR
 * numbers already replaced by pseudonyms (birth date and sex derived first). Structure
 * and codes were checked by lib/fhir before this runs.
 */
import { cprFacts, type Sex } from "@/lib/cpr";
import { pseudonymise } from "./pseudonym";

/* eslint-disable @typescript-eslint/no-explicit-any -- walks already-validated FHIR JSON */
type Json = any;

const SNOMED_WEIGHT = "27113001";
const SNOMED_HEAD = "363812007";
const SNOMED_EXAM = "363788007";
const LOINC_HEIGHT = "8302-2";
const HEIGHT_CODES = new Set(["1153637007", "248333004", "1149101003", LOINC_HEIGHT]);
const FEEDING_SNOMED = "169740003";
const FBOE = "http://fhir.kl.dk/term/CodeSystem/FBOE";
const FINDING_INFORMER = "http://fhir.kl.dk/children/StructureDefinition/FindingInformer";
const BASED_ON_INTERVENTION = "http://fhir.kl.dk/children/StructureDefinition/BasedOnInterventionExtension";

export interface CitizenRow {
  resourceId: string;
  pseudonym: string;
  birthDate: string;
  sex: Sex;
  sorCode: string;
  active: boolean;
  /** A parent's Patient links to RelatedParent resources; a child's does not. */
  relatedParentIds: string[];
}
export interface ParentLinkRow { resourceId: string; childResourceId: string; parentResourceId: string | null; active: boolean }
export interface LocationRow { resourceId: string; schoolNumber: string; active: boolean }
export interface EncounterRow {
  resourceId: string; subjectResourceId: string; typeCode: string; classCode: string; status: string;
  start: string; end: string | null; locationId: string | null; basedOnInterventions: string[];
}
export type ObservationKind = "indicator" | "weight" | "height" | "head_circumference" | "feeding" | "exam_result";
export interface ObservationRow {
  resourceId: string; subjectResourceId: string; encounterId: string | null; kind: ObservationKind; code: string; status: string;
  valueCode: string | null; valueQuantity: number | null; unit: string | null; dataAbsentReason: string | null;
  effectiveStart: string; effectiveEnd: string | null; effectiveIsPeriod: boolean;
}
export interface QuestionnaireRow {
  resourceId: string; subjectResourceId: string; questionnaire: string; instrument: string | null; status: string; authored: string;
  totalScore: number | null; itemSum: number | null; informerCode: string | null; answers: Record<string, unknown>;
}
export interface InterventionRow {
  resourceId: string; subjectResourceId: string; code: string; status: string; detailStatus: string;
  periodStart: string; periodEnd: string | null; reasonCodes: string[];
}

export interface ExtractedReport {
  bundleId: string | null;
  timestamp: string;
  citizens: CitizenRow[];
  parentLinks: ParentLinkRow[];
  locations: LocationRow[];
  encounters: EncounterRow[];
  observations: ObservationRow[];
  questionnaires: QuestionnaireRow[];
  interventions: InterventionRow[];
}

/** Resolves bundled references (absolute fullUrl or relative Type/id) to the target's logical id. */
function referenceResolver(bundle: Json) {
  const byRef = new Map<string, string>();
  for (const e of bundle.entry ?? []) {
    const r = e.resource;
    const id = logicalId(e);
    if (e.fullUrl) byRef.set(e.fullUrl, id);
    byRef.set(`${r.resourceType}/${id}`, id);
  }
  return (ref: Json): string | null => (ref?.reference ? (byRef.get(ref.reference) ?? null) : null);
}

function logicalId(entry: Json): string {
  return entry.resource.id ?? String(entry.fullUrl).split("/").pop();
}

const codeOf = (cc: Json, system?: string): string | null =>
  (cc?.coding ?? []).find((c: Json) => !system || c.system === system)?.code ?? null;

/** Weights normalised to grams; lengths stay in cm. */
function quantity(vq: Json): { value: number | null; unit: string | null } {
  if (vq?.value === undefined) return { value: null, unit: vq?.code ?? null };
  const unit = vq.code ?? vq.unit ?? null;
  return { value: unit === "kg" ? Math.round(vq.value * 1000 * 100) / 100 : vq.value, unit };
}

function observationKind(o: Json): { kind: ObservationKind; code: string } {
  const codes = (o.code?.coding ?? []).map((c: Json) => c.code as string);
  if (codes.includes(SNOMED_WEIGHT)) return { kind: "weight", code: SNOMED_WEIGHT };
  if (codes.includes(SNOMED_HEAD)) return { kind: "head_circumference", code: SNOMED_HEAD };
  if (codes.includes(SNOMED_EXAM)) return { kind: "exam_result", code: SNOMED_EXAM };
  if (codes.some((c: string) => HEIGHT_CODES.has(c))) return { kind: "height", code: LOINC_HEIGHT };
  if (codes.includes(FEEDING_SNOMED)) return { kind: "feeding", code: codeOf(o.code, FBOE)! };
  return { kind: "indicator", code: codeOf(o.code, FBOE)! };
}

function instrumentOf(url: string): string | null {
  const m = /klgateway-children-([a-z0-9-]+)$/.exec(url);
  return m ? m[1] : null;
}

function questionnaireRow(q: Json, subject: string): QuestionnaireRow {
  const answers: Record<string, unknown> = {};
  for (const item of q.item ?? []) {
    const a = item.answer?.[0] ?? {};
    answers[item.linkId] = a.valueInteger ?? a.valueBoolean ?? a.valueString ?? null;
  }
  const instrument = instrumentOf(q.questionnaire);
  let totalScore: number | null = null;
  let itemSum: number | null = null;
  if (instrument === "epds") {
    totalScore = typeof answers.score === "number" ? answers.score : null;
    const items = Object.entries(answers).filter(([k, v]) => k !== "score" && typeof v === "number");
    itemSum = items.length ? items.reduce((s, [, v]) => s + (v as number), 0) : null;
  }
  const informerCode = codeOf((q.extension ?? []).find((x: Json) => x.url === FINDING_INFORMER)?.valueCodeableConcept);
  return {
    resourceId: q.id, subjectResourceId: subject, questionnaire: q.questionnaire, instrument, status: q.status,
    authored: q.authored, totalScore, itemSum, informerCode, answers,
  };
}

export function extractReport(bundle: Json): ExtractedReport {
  const resolve = referenceResolver(bundle);
  const out: ExtractedReport = {
    bundleId: bundle.id ?? null, timestamp: bundle.timestamp,
    citizens: [], parentLinks: [], locations: [], encounters: [], observations: [], questionnaires: [], interventions: [],
  };
  const parentOfRelated = new Map<string, string>();
  for (const e of bundle.entry ?? []) {
    const r = e.resource;
    const id = logicalId(e);
    switch (r.resourceType) {
      case "Patient": {
        const cpr = r.identifier[0].value as string;
        const facts = cprFacts(cpr)!;
        const relatedParentIds = (r.link ?? []).map((l: Json) => resolve(l.other)).filter(Boolean) as string[];
        relatedParentIds.forEach((rp) => parentOfRelated.set(rp, id));
        out.citizens.push({
          resourceId: id, pseudonym: pseudonymise(cpr), birthDate: facts.birthDate, sex: facts.sex,
          sorCode: r.managingOrganization.identifier.value, active: r.active !== false, relatedParentIds,
        });
        break;
      }
      case "RelatedPerson":
        out.parentLinks.push({ resourceId: id, childResourceId: resolve(r.patient)!, parentResourceId: null, active: r.active !== false });
        break;
      case "Location":
        out.locations.push({ resourceId: id, schoolNumber: r.identifier[0].value, active: r.status !== "inactive" });
        break;
      case "Encounter":
        out.encounters.push({
          resourceId: id, subjectResourceId: resolve(r.subject)!, typeCode: codeOf(r.type?.[0])!, classCode: r.class.code,
          status: r.status, start: r.period.start, end: r.period.end ?? null,
          locationId: resolve(r.location?.[0]?.location),
          basedOnInterventions: (r.extension ?? []).filter((x: Json) => x.url === BASED_ON_INTERVENTION).map((x: Json) => resolve(x.valueReference)).filter(Boolean),
        });
        break;
      case "Observation": {
        const { kind, code } = observationKind(r);
        const q = quantity(r.valueQuantity);
        const period = r.effectivePeriod;
        out.observations.push({
          resourceId: id, subjectResourceId: resolve(r.subject)!, encounterId: resolve(r.encounter), kind, code, status: r.status,
          valueCode: codeOf(r.valueCodeableConcept), valueQuantity: q.value, unit: q.unit,
          dataAbsentReason: codeOf(r.dataAbsentReason),
          effectiveStart: period ? period.start : r.effectiveDateTime ?? r.effectiveInstant,
          effectiveEnd: period?.end ?? null, effectiveIsPeriod: Boolean(period),
        });
        break;
      }
      case "QuestionnaireResponse":
        out.questionnaires.push(questionnaireRow({ ...r, id }, resolve(r.subject)!));
        break;
      case "CarePlan": {
        const d = r.activity[0].detail;
        out.interventions.push({
          resourceId: id, subjectResourceId: resolve(r.subject)!, code: codeOf(d.code)!, status: r.status,
          detailStatus: d.status, periodStart: r.period.start, periodEnd: r.period.end ?? null,
          reasonCodes: (d.reasonCode ?? []).map((c: Json) => codeOf(c)).filter(Boolean),
        });
        break;
      }
    }
  }
  for (const link of out.parentLinks) link.parentResourceId = parentOfRelated.get(link.resourceId) ?? null;
  return out;
}
