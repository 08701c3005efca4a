/**
 * Small, readable builders of valid KLChildren delivery reports for hand-worked indicator
 * tests. Visits use class VR (virtual) unless told otherwise, so the mandatory-observation
 * invariants (which trigger on HH/AMB only) do not force unrelated observations into a fixture.
 */
import { VALUE, VISIT } from "@/lib/indicators/codes";

const SD = "http://fhir.kl.dk/children/StructureDefinition/";
const FBOE = "http://fhir.kl.dk/term/CodeSystem/FBOE";
const url = (type: string, id: string) => `https://test.fhir.dk/${type}/${id}`;
const ref = (type: string, id: string) => ({ reference: url(type, id) });
type R = Record<string, unknown> & { resourceType: string; id: string };

export const SOR_AARHUS = "123456789012345";
export const SOR_LAESOE = "123456789012346";

export interface Person {
  id: string;
  cpr: string;
}

export function citizen(p: Person, sor: string, opts: { relatedParentId?: string; active?: boolean } = {}): R {
  return {
    resourceType: "Patient", id: p.id, meta: { profile: [`${SD}klgateway-children-citizen`] },
    identifier: [{ use: "official", system: "urn:oid:1.2.208.176.1.2", value: p.cpr }],
    ...(opts.active === false ? { active: false } : {}),
    managingOrganization: { identifier: { use: "official", system: "urn:oid:1.2.208.176.1.1", value: sor } },
    ...(opts.relatedParentId ? { link: [{ other: ref("RelatedPerson", opts.relatedParentId), type: "seealso" }] } : {}),
  };
}

export function relatedParent(id: string, childId: string): R {
  return {
    resourceType: "RelatedPerson", id, meta: { profile: [`${SD}klgateway-children-related-parent`] },
    patient: ref("Patient", childId), relationship: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-RoleCode", code: "PRN" }] }],
  };
}

export function encounter(id: string, subjectId: string, type: string, start: string, status = "finished", classCode = "VR"): R {
  return {
    resourceType: "Encounter", id, meta: { profile: [`${SD}klgateway-children-encounter`] }, status,
    class: { system: "http://terminology.hl7.org/CodeSystem/v3-ActCode", code: classCode },
    type: [{ coding: [{ system: FBOE, code: type }] }], subject: ref("Patient", subjectId), period: { start },
  };
}

const ABSENT = { dataAbsentReason: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/data-absent-reason", code: "unknown" }] } };

export function weight(id: string, subjectId: string, on: string, value: number | null, unit: "g" | "kg" = "g", status = "final"): R {
  return {
    resourceType: "Observation", id, meta: { profile: [`${SD}klgateway-children-bodyweight`] }, status,
    category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "vital-signs" }] }],
    code: { coding: [{ system: "http://snomed.info/sct", code: "27113001" }, { system: "http://loinc.org", code: "29463-7" }] },
    subject: ref("Patient", subjectId), effectiveDateTime: on,
    ...(value === null ? ABSENT : { valueQuantity: { value, unit, system: "http://unitsofmeasure.org", code: unit } }),
  };
}

export function feeding(id: string, subjectId: string, effective: { start: string; end?: string } | string, value: string | null): R {
  return {
    resourceType: "Observation", id, meta: { profile: [`${SD}klgateway-children-feeding-observation`] }, status: "final",
    code: { coding: [{ system: FBOE, code: "e61e4dab-54bb-4bf4-9b76-8d991cf4de08" }, { system: "http://snomed.info/sct", code: "169740003" }] },
    subject: ref("Patient", subjectId),
    ...(typeof effective === "string" ? { effectiveDateTime: effective } : { effectivePeriod: effective }),
    ...(value === null ? ABSENT : { valueCodeableConcept: { coding: [{ system: FBOE, code: value }] } }),
  };
}

/** An FBOE indicator observation (profile id, code), with a value code or sent without value. */
export function indicatorObs(id: string, profile: string, code: string, subjectId: string, on: string, value: string | null, encounterId?: string, status = "final"): R {
  return {
    resourceType: "Observation", id, meta: { profile: [`${SD}${profile}`] }, status,
    code: { coding: [{ system: FBOE, code }] }, subject: ref("Patient", subjectId),
    ...(encounterId ? { encounter: ref("Encounter", encounterId) } : {}), effectiveDateTime: on,
    ...(value === null ? ABSENT : { valueCodeableConcept: { coding: [{ system: FBOE, code: value }] } }),
  };
}

export const motor = (id: string, child: string, on: string, value: string | null, encounterId?: string) =>
  indicatorObs(id, "klgateway-children-motor-function", "e04f2ca1-888a-4671-a97a-371b525cd2a3", child, on, value, encounterId);
export const parentMental = (id: string, parent: string, on: string, value: string) =>
  indicatorObs(id, "klgateway-children-parent-mental-status", "2c39af9f-8e45-4c88-962f-e7a9e2cd31b6", parent, on, value);

const EPDS_ITEMS = ["1humor", "2happiness", "3blame", "4worry", "5anxious", "6grow", "7sleep", "8sad", "9cry", "10harm"];

/** EPDS with ten item scores; the total is their sum unless given. */
export function epds(id: string, parentId: string, authored: string, items: number[], total = items.reduce((a, b) => a + b, 0)): R {
  return {
    resourceType: "QuestionnaireResponse", id, meta: { profile: [`${SD}klgateway-children-questionnaire-response`] },
    questionnaire: "http://fhir.kl.dk/children/Questionnaire/klgateway-children-epds", status: "completed",
    subject: ref("Patient", parentId), authored,
    item: [...EPDS_ITEMS.map((linkId, i) => ({ linkId, answer: [{ valueInteger: items[i] }] })), { linkId: "score", answer: [{ valueInteger: total }] }],
  };
}

/** "Støtte ved psykisk reaktion eller sårbarhed" for a parent. */
export function parentSupport(id: string, parentId: string, start: string, status = "active"): R {
  return {
    resourceType: "CarePlan", id, meta: { profile: [`${SD}klgateway-children-intervention`] }, status, intent: "plan",
    subject: ref("Patient", parentId), period: { start },
    activity: [{ detail: { code: { coding: [{ system: FBOE, code: "8af7f611-2bae-4ba5-923a-d748501d1ad3" }] }, status: "unknown" } }],
  };
}

export function report(id: string, timestamp: string, resources: R[]) {
  return {
    resourceType: "Bundle", id, meta: { profile: [`${SD}klgateway-children-delivery-report`] }, type: "collection", timestamp,
    entry: resources.map((r) => ({ fullUrl: url(r.resourceType, r.id), resource: r })),
  };
}

export { VALUE, VISIT };
