/**
 * Table-driven crafted bad reports: each is a mutation of a valid report (the synthetic complete
 * 2-month report, or one of the guide's examples) and must give the expected issue (rule id,
 * location, severity) and validity. Plus one generated case per standard visit type and
 * mandatory-observation invariant (from mandatory-observations.json).
 */
import { describe, expect, it } from "vitest";
import mandatoryJson from "./data/mandatory-observations.json";
import type { IssueSeverity } from "./types";
import { validateDeliveryReport } from "./validate";
import { CHILD_CPR, PARENT_CPR, VISIT, clone, completeReport, example, indicator } from "./testdata/generate";

type J = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const BASE = () => completeReport({ visit: VISIT.twoMonths, extras: true });
const LARS1 = () => example("5f1d5816-a906-4314-a6f4-69b400682ec6.json");

function idx(b: J, id: string): number {
  const i = b.entry.findIndex((e: J) => e?.resource?.id === id);
  if (i < 0) throw new Error(`no entry ${id}`);
  return i;
}
function R(b: J, id: string): J {
  return b.entry[idx(b, id)].resource;
}
function P(b: J, id: string): string {
  return `Bundle.entry[${idx(b, id)}].resource`;
}

interface Case {
  name: string;
  base?: () => J;
  /** Mutate in place, or return a replacement input (any JSON value or a text). */
  mutate?: (b: J) => unknown;
  rule: string;
  /** Expected location: exact FHIRPath or a prefix of one of the issue's expressions. A function gets the original base. */
  at?: string | ((b: J) => string);
  severity?: IssueSeverity;
  /** Expected validity (default false). */
  valid?: boolean;
}

const ind = (k: string) => `ind-${k}`;

const cases: Case[] = [
  // ---------------------------------------------------------------- input, root, bundle
  { name: "non-JSON text", mutate: () => "{ this is not json", rule: "ldbu-json", at: "Bundle", severity: "fatal" },
  { name: "empty text", mutate: () => "   ", rule: "ldbu-json", severity: "fatal" },
  { name: "truncated JSON", mutate: (b) => JSON.stringify(b).slice(0, 500), rule: "ldbu-json", severity: "fatal" },
  { name: "huge payload (> 50 MB)", mutate: () => " ".repeat(51 * 1024 * 1024), rule: "ldbu-too-large", severity: "fatal" },
  {
    name: "too many entries",
    mutate: (b) => {
      const e = b.entry[4];
      b.entry = Array.from({ length: 5001 }, () => e);
    },
    rule: "ldbu-too-large",
    at: "Bundle.entry",
    severity: "fatal",
  },
  { name: "root is a Patient", mutate: (b) => R(b, "child-1"), rule: "ldbu-structure", at: "Bundle.resourceType", severity: "fatal" },
  { name: "root is an array", mutate: (b) => [b], rule: "ldbu-structure", at: "Bundle", severity: "fatal" },
  { name: "root is null", mutate: () => null, rule: "ldbu-structure", severity: "fatal" },
  { name: "Bundle.type batch", mutate: (b) => void (b.type = "batch"), rule: "ldbu-fixed-value", at: "Bundle.type" },
  { name: "meta.profile wrong", mutate: (b) => void (b.meta.profile = ["http://example.org/x"]), rule: "ldbu-fixed-value", at: "Bundle.meta.profile[0]" },
  {
    name: "meta.profile twice",
    mutate: (b) => void b.meta.profile.push("http://fhir.kl.dk/children/StructureDefinition/klgateway-children-delivery-report"),
    rule: "ldbu-cardinality",
    at: "Bundle.meta.profile",
  },
  { name: "meta missing", mutate: (b) => void delete b.meta, rule: "ldbu-cardinality", at: "Bundle.meta" },
  { name: "timestamp missing", mutate: (b) => void delete b.timestamp, rule: "ldbu-cardinality", at: "Bundle.timestamp" },
  { name: "timestamp date only", mutate: (b) => void (b.timestamp = "2020-07-08"), rule: "ldbu-type", at: "Bundle.timestamp" },
  { name: "timestamp without zone", mutate: (b) => void (b.timestamp = "2020-07-08T23:45:00"), rule: "ldbu-type", at: "Bundle.timestamp" },
  { name: "Bundle.identifier", mutate: (b) => void (b.identifier = { system: "urn:x", value: "1" }), rule: "ldbu-forbidden-element", at: "Bundle.identifier" },
  { name: "Bundle.total", mutate: (b) => void (b.total = 3), rule: "ldbu-forbidden-element", at: "Bundle.total" },
  { name: "Bundle.link", mutate: (b) => void (b.link = [{ relation: "self", url: "http://x" }]), rule: "ldbu-forbidden-element", at: "Bundle.link" },
  { name: "Bundle.signature", mutate: (b) => void (b.signature = { type: [] }), rule: "ldbu-forbidden-element", at: "Bundle.signature" },
  { name: "entry.request", mutate: (b) => void (b.entry[3].request = { method: "PUT", url: "Encounter/enc-1" }), rule: "ldbu-forbidden-element", at: "Bundle.entry[3].request" },
  { name: "entry.search", mutate: (b) => void (b.entry[3].search = { mode: "match" }), rule: "ldbu-forbidden-element", at: "Bundle.entry[3].search" },
  { name: "entry.response", mutate: (b) => void (b.entry[3].response = { status: "200" }), rule: "ldbu-forbidden-element", at: "Bundle.entry[3].response" },
  { name: "entry.link", mutate: (b) => void (b.entry[3].link = [{ relation: "x", url: "http://x" }]), rule: "ldbu-forbidden-element", at: "Bundle.entry[3].link" },
  { name: "entry without resource", mutate: (b) => void delete b.entry[5].resource, rule: "ldbu-cardinality", at: "Bundle.entry[5].resource" },
  { name: "entry is an object", mutate: (b) => void (b.entry = b.entry[0]), rule: "ldbu-type", at: "Bundle.entry" },
  { name: "entry is empty", mutate: (b) => void (b.entry = []), rule: "ldbu-type", at: "Bundle.entry" },
  { name: "unknown Bundle element", mutate: (b) => void (b.status = "final"), rule: "ldbu-unknown-element", at: "Bundle.status" },
  { name: "duplicate fullUrl", mutate: (b) => void b.entry.push(clone(b.entry[4])), rule: "ldbu-duplicate-fullurl", at: "Bundle.entry[27].fullUrl" },
  {
    name: "duplicate resource id under another fullUrl",
    mutate: (b) => void b.entry.push({ fullUrl: "urn:uuid:3f1c7a52-4a5e-4e0a-9a2b-1c2d3e4f5a6b", resource: clone(b.entry[4].resource) }),
    rule: "ldbu-duplicate-resource-id",
    at: "Bundle.entry[27].resource.id",
  },
  { name: "fullUrl does not match id", mutate: (b) => void (b.entry[4].fullUrl = "https://test.fhir.dk/Observation/other"), rule: "ldbu-fullurl", at: "Bundle.entry[4].fullUrl" },
  { name: "fullUrl does not match type", mutate: (b) => void (b.entry[4].fullUrl = `https://test.fhir.dk/Encounter/${b.entry[4].resource.id}`), rule: "ldbu-fullurl", at: "Bundle.entry[4].fullUrl" },
  { name: "fullUrl missing", mutate: (b) => void delete b.entry[4].fullUrl, rule: "ldbu-fullurl", at: "Bundle.entry[4].fullUrl" },
  { name: "fullUrl relative", mutate: (b) => void (b.entry[0].fullUrl = "Patient/child-1"), rule: "ldbu-fullurl", at: "Bundle.entry[0].fullUrl" },
  { name: "resource id missing", mutate: (b) => void delete b.entry[4].resource.id, rule: "ldbu-resource-id", at: "Bundle.entry[4].resource.id" },
  {
    name: "wrong resource type (Organization)",
    mutate: (b) => void b.entry.push({ fullUrl: "https://test.fhir.dk/Organization/o1", resource: { resourceType: "Organization", id: "o1", name: "X" } }),
    rule: "ldbu-resource-type",
    at: "Bundle.entry[27].resource.resourceType",
  },
  {
    name: "wrong resource type (Practitioner)",
    mutate: (b) => void b.entry.push({ fullUrl: "https://test.fhir.dk/Practitioner/p1", resource: { resourceType: "Practitioner", id: "p1" } }),
    rule: "ldbu-resource-type",
  },
  {
    name: "nested Bundle in a delivery report",
    mutate: (b) => void b.entry.push({ fullUrl: "https://test.fhir.dk/Bundle/b1", resource: { ...clone(b), id: "b1" } }),
    rule: "ldbu-resource-type",
    at: "Bundle.entry[27].resource.resourceType",
  },
  { name: "entry.resource is a string", mutate: (b) => void (b.entry[4].resource = "Observation/x"), rule: "ldbu-type", at: "Bundle.entry[4].resource" },
  {
    name: "large malformed report: bundle rules not evaluated",
    mutate: (b) => {
      R(b, "enc-1").class = [R(b, "enc-1").class];
      for (let i = 0; i < 200; i++) b.entry.push({ fullUrl: `https://test.fhir.dk/Observation/w${i}`, resource: { ...clone(R(b, "weight-1")), id: `w${i}` } });
    },
    rule: "ldbu-invariant-error",
    at: "Bundle",
  },
  { name: "resourceType missing", mutate: (b) => void delete b.entry[4].resource.resourceType, rule: "ldbu-structure", at: "Bundle.entry[4].resource" },
  {
    name: "contained resource",
    mutate: (b) => void (R(b, "child-1").contained = [{ resourceType: "Organization", id: "x" }]),
    rule: "ldbu-contained",
    at: (b) => `${P(b, "child-1")}.contained`,
  },
  {
    name: "modifierExtension",
    mutate: (b) => void (R(b, "enc-1").modifierExtension = [{ url: "http://example.org/m", valueBoolean: true }]),
    rule: "ldbu-modifier-extension",
    at: (b) => `${P(b, "enc-1")}.modifierExtension`,
  },
  {
    name: "unknown extension is a warning only",
    mutate: (b) => void (R(b, "enc-1").extension = [{ url: "http://example.org/ext", valueString: "x" }]),
    rule: "ldbu-unknown-extension",
    severity: "warning",
    valid: true,
  },

  // ---------------------------------------------------------------- Citizen
  { name: "Patient.name", mutate: (b) => void (R(b, "child-1").name = [{ family: "X" }]), rule: "ldbu-forbidden-element", at: (b) => `${P(b, "child-1")}.name` },
  { name: "Patient.gender", mutate: (b) => void (R(b, "child-1").gender = "female"), rule: "ldbu-forbidden-element", at: (b) => `${P(b, "child-1")}.gender` },
  { name: "Patient.birthDate", mutate: (b) => void (R(b, "child-1").birthDate = "2020-05-05"), rule: "ldbu-forbidden-element", at: (b) => `${P(b, "child-1")}.birthDate` },
  { name: "Patient.telecom", mutate: (b) => void (R(b, "child-1").telecom = [{ system: "phone", value: "1" }]), rule: "ldbu-forbidden-element" },
  { name: "Patient.address", mutate: (b) => void (R(b, "child-1").address = [{ city: "X" }]), rule: "ldbu-forbidden-element" },
  { name: "Patient.deceasedBoolean", mutate: (b) => void (R(b, "child-1").deceasedBoolean = false), rule: "ldbu-forbidden-element", at: (b) => `${P(b, "child-1")}.deceasedBoolean` },
  { name: "Patient.generalPractitioner", mutate: (b) => void (R(b, "child-1").generalPractitioner = [{ display: "x" }]), rule: "ldbu-forbidden-element" },
  { name: "Patient unknown element", mutate: (b) => void (R(b, "child-1").nickname = "x"), rule: "ldbu-unknown-element", at: (b) => `${P(b, "child-1")}.nickname` },
  { name: "eCPR identifier", mutate: (b) => void (R(b, "child-1").identifier[0].system = "urn:oid:1.2.208.176.1.6.1.3.177"), rule: "ldbu-slice", at: (b) => `${P(b, "child-1")}.identifier[0].system` },
  {
    name: "two identifiers",
    mutate: (b) => void R(b, "child-1").identifier.push({ system: "urn:x", value: "1" }),
    rule: "ldbu-cardinality",
    at: (b) => `${P(b, "child-1")}.identifier`,
  },
  { name: "identifier not an array", mutate: (b) => void (R(b, "child-1").identifier = R(b, "child-1").identifier[0]), rule: "ldbu-type", at: (b) => `${P(b, "child-1")}.identifier` },
  { name: "identifier.use usual", mutate: (b) => void (R(b, "child-1").identifier[0].use = "usual"), rule: "ldbu-fixed-value", at: (b) => `${P(b, "child-1")}.identifier[0].use` },
  { name: "CPR 31 February", mutate: (b) => void (R(b, "child-1").identifier[0].value = "3102201234"), rule: "cpr", at: (b) => `${P(b, "child-1")}.identifier[0].value` },
  { name: "CPR month 13", mutate: (b) => void (R(b, "child-1").identifier[0].value = "0513201234"), rule: "cpr" },
  { name: "CPR with hyphen", mutate: (b) => void (R(b, "child-1").identifier[0].value = "050520-9996"), rule: "cpr" },
  { name: "CPR 9 digits", mutate: (b) => void (R(b, "child-1").identifier[0].value = "050520999"), rule: "cpr" },
  { name: "CPR 11 digits", mutate: (b) => void (R(b, "child-1").identifier[0].value = "05052099961"), rule: "cpr" },
  { name: "CPR 29 February in a non-leap year", mutate: (b) => void (R(b, "child-1").identifier[0].value = "2902214000"), rule: "ldbu-cpr-date", at: (b) => `${P(b, "child-1")}.identifier[0].value` },
  { name: "CPR value missing", mutate: (b) => void delete R(b, "child-1").identifier[0].value, rule: "ldbu-cardinality", at: (b) => `${P(b, "child-1")}.identifier[0].value` },
  { name: "CPR value is a number", mutate: (b) => void (R(b, "child-1").identifier[0].value = 505209996), rule: "ldbu-type", at: (b) => `${P(b, "child-1")}.identifier[0].value` },
  {
    name: "short SOR (10 digits)",
    mutate: (b) => void (R(b, "child-1").managingOrganization.identifier.value = "4510000160"),
    rule: "min-digits-sor",
    at: (b) => `${P(b, "child-1")}.managingOrganization.identifier.value`,
  },
  { name: "SOR with letters", mutate: (b) => void (R(b, "child-1").managingOrganization.identifier.value = "45100001600A"), rule: "min-digits-sor" },
  {
    name: "SOR system wrong",
    mutate: (b) => void (R(b, "child-1").managingOrganization.identifier.system = "urn:oid:1.2.208.176.1.2"),
    rule: "ldbu-fixed-value",
    at: (b) => `${P(b, "child-1")}.managingOrganization.identifier.system`,
  },
  {
    name: "managingOrganization.reference",
    mutate: (b) => void (R(b, "child-1").managingOrganization.reference = "Organization/x"),
    rule: "ldbu-forbidden-element",
    at: (b) => `${P(b, "child-1")}.managingOrganization.reference`,
  },
  { name: "managingOrganization missing", mutate: (b) => void delete R(b, "child-1").managingOrganization, rule: "ldbu-cardinality" },
  { name: "link.type refer", mutate: (b) => void (R(b, "parent-1").link[0].type = "refer"), rule: "ldbu-fixed-value", at: (b) => `${P(b, "parent-1")}.link[0].type` },
  {
    name: "link.other dangling",
    mutate: (b) => void (R(b, "parent-1").link[0].other.reference = "https://test.fhir.dk/RelatedPerson/nobody"),
    rule: "ldbu-reference",
    at: (b) => `${P(b, "parent-1")}.link[0].other.reference`,
  },
  {
    name: "link.other to a Patient",
    mutate: (b) => void (R(b, "parent-1").link[0].other.reference = "https://test.fhir.dk/Patient/child-1"),
    rule: "ldbu-reference-type",
  },
  { name: "active as a string", mutate: (b) => void (R(b, "child-1").active = "true"), rule: "ldbu-type", at: (b) => `${P(b, "child-1")}.active` },
  {
    name: "same CPR on two citizens (warning)",
    mutate: (b) => {
      const p = clone(R(b, "child-1"));
      p.id = "child-2";
      b.entry.push({ fullUrl: "https://test.fhir.dk/Patient/child-2", resource: p });
    },
    rule: "ldbu-duplicate-cpr",
    severity: "warning",
    valid: true,
  },

  // ---------------------------------------------------------------- RelatedParent
  { name: "relationship GUARD", mutate: (b) => void (R(b, "rel-1").relationship[0].coding[0].code = "GUARD"), rule: "ldbu-binding", at: (b) => `${P(b, "rel-1")}.relationship[0].coding[0]` },
  { name: "RelatedPerson.patient dangling", mutate: (b) => void (R(b, "rel-1").patient.reference = "Patient/nobody"), rule: "ldbu-reference" },
  { name: "RelatedPerson.name", mutate: (b) => void (R(b, "rel-1").name = [{ family: "X" }]), rule: "ldbu-forbidden-element" },
  { name: "RelatedPerson without relationship (warning)", mutate: (b) => void delete R(b, "rel-1").relationship, rule: "ldbu-relationship-count", severity: "warning", valid: true },

  // ---------------------------------------------------------------- Encounter
  { name: "class XYZ", mutate: (b) => void (R(b, "enc-1").class.code = "XYZ"), rule: "ldbu-binding", at: (b) => `${P(b, "enc-1")}.class` },
  { name: "class with wrong system", mutate: (b) => void (R(b, "enc-1").class.system = "http://example.org/classes"), rule: "ldbu-binding" },
  { name: "class.version", mutate: (b) => void (R(b, "enc-1").class.version = "1"), rule: "ldbu-forbidden-element", at: (b) => `${P(b, "enc-1")}.class.version` },
  { name: "class as an array", mutate: (b) => void (R(b, "enc-1").class = [R(b, "enc-1").class]), rule: "ldbu-cardinality", at: (b) => `${P(b, "enc-1")}.class` },
  { name: "unknown encounter type", mutate: (b) => void (R(b, "enc-1").type[0].coding[0].code = "00000000-0000-0000-0000-000000000000"), rule: "ldbu-binding" },
  {
    name: "encounter type outside the value set (1. klasses undersøgelse)",
    mutate: (b) => void (R(b, "enc-1").type[0].coding[0].code = "0ddb3661-51da-471f-94d7-2a50b81f5fc6"),
    rule: "ldbu-binding",
    at: (b) => `${P(b, "enc-1")}.type[0].coding[0].code`,
  },
  { name: "encounter type with wrong system", mutate: (b) => void (R(b, "enc-1").type[0].coding[0].system = "http://snomed.info/sct"), rule: "ldbu-binding" },
  { name: "two type codings", mutate: (b) => void R(b, "enc-1").type[0].coding.push({ system: "http://fhir.kl.dk/term/CodeSystem/FBOE", code: VISIT.fourToSix }), rule: "ldbu-cardinality" },
  { name: "type.text", mutate: (b) => void (R(b, "enc-1").type[0].text = "x"), rule: "ldbu-forbidden-element", at: (b) => `${P(b, "enc-1")}.type[0].text` },
  { name: "status done", mutate: (b) => void (R(b, "enc-1").status = "done"), rule: "ldbu-binding", at: (b) => `${P(b, "enc-1")}.status` },
  { name: "status as a number", mutate: (b) => void (R(b, "enc-1").status = 1), rule: "ldbu-type" },
  { name: "status missing", mutate: (b) => void delete R(b, "enc-1").status, rule: "ldbu-cardinality", at: (b) => `${P(b, "enc-1")}.status` },
  { name: "period missing", mutate: (b) => void delete R(b, "enc-1").period, rule: "ldbu-cardinality", at: (b) => `${P(b, "enc-1")}.period` },
  { name: "period.start missing", mutate: (b) => void (R(b, "enc-1").period = { end: "2020-07-07" }), rule: "ldbu-cardinality", at: (b) => `${P(b, "enc-1")}.period.start` },
  {
    name: "period end before start",
    mutate: (b) => void (R(b, "enc-1").period = { start: "2020-07-07T12:45:00Z", end: "2020-07-07T11:00:00Z" }),
    rule: "ldbu-period",
    at: (b) => `${P(b, "enc-1")}.period.end`,
  },
  { name: "period.start 30 February", mutate: (b) => void (R(b, "enc-1").period.start = "2020-02-30"), rule: "ldbu-type", at: (b) => `${P(b, "enc-1")}.period.start` },
  { name: "participant", mutate: (b) => void (R(b, "enc-1").participant = [{ type: [] }]), rule: "ldbu-forbidden-element" },
  { name: "reasonCode", mutate: (b) => void (R(b, "enc-1").reasonCode = [{ text: "x" }]), rule: "ldbu-forbidden-element" },
  { name: "serviceProvider", mutate: (b) => void (R(b, "enc-1").serviceProvider = { display: "x" }), rule: "ldbu-forbidden-element" },
  {
    name: "subject dangling (absolute)",
    mutate: (b) => void (R(b, "enc-1").subject.reference = "https://test.fhir.dk/Patient/nobody"),
    rule: "ldbu-reference",
    at: (b) => `${P(b, "enc-1")}.subject.reference`,
  },
  { name: "subject dangling (relative)", mutate: (b) => void (R(b, "enc-1").subject.reference = "Patient/nobody"), rule: "ldbu-reference" },
  { name: "subject on another server base", mutate: (b) => void (R(b, "enc-1").subject.reference = "https://other.example/Patient/child-1"), rule: "ldbu-reference" },
  { name: "subject with display only", mutate: (b) => void (R(b, "enc-1").subject = { display: "Rikke" }), rule: "ldbu-reference-type", at: (b) => `${P(b, "enc-1")}.subject` },
  { name: "subject contained", mutate: (b) => void (R(b, "enc-1").subject.reference = "#p1"), rule: "ldbu-reference-type" },
  { name: "subject malformed", mutate: (b) => void (R(b, "enc-1").subject.reference = "patient child-1"), rule: "ldbu-reference" },
  { name: "subject pointing to a RelatedPerson", mutate: (b) => void (R(b, "enc-1").subject.reference = "RelatedPerson/rel-1"), rule: "ldbu-reference-type" },
  {
    name: "location pointing to a Patient",
    mutate: (b) => void (R(b, "enc-1").location = [{ location: { reference: "Patient/child-1" } }]),
    rule: "ldbu-reference-type",
    at: (b) => `${P(b, "enc-1")}.location[0].location.reference`,
  },
  {
    name: "basedOnIntervention dangling",
    mutate: (b) =>
      void (R(b, "enc-1").extension = [
        { url: "http://fhir.kl.dk/children/StructureDefinition/BasedOnInterventionExtension", valueReference: { reference: "CarePlan/nope" } },
      ]),
    rule: "ldbu-reference",
    at: (b) => `${P(b, "enc-1")}.extension[0].valueReference.reference`,
  },
  {
    name: "basedOnIntervention with a string value",
    mutate: (b) => void (R(b, "enc-1").extension = [{ url: "http://fhir.kl.dk/children/StructureDefinition/BasedOnInterventionExtension", valueString: "x" }]),
    rule: "ldbu-choice-type",
  },

  // ---------------------------------------------------------------- Location (Lars-1)
  { name: "location type HOSP", base: LARS1, mutate: (b) => void (b.entry[1].resource.type[0].coding[0].code = "HOSP"), rule: "ldbu-fixed-value", at: "Bundle.entry[1].resource.type[0]" },
  {
    name: "school identifier system wrong",
    base: LARS1,
    mutate: (b) => void (b.entry[1].resource.identifier[0].system = "urn:x"),
    rule: "ldbu-fixed-value",
    at: "Bundle.entry[1].resource.identifier[0].system",
  },
  { name: "Location.name", base: LARS1, mutate: (b) => void (b.entry[1].resource.name = "Skole"), rule: "ldbu-forbidden-element", at: "Bundle.entry[1].resource.name" },
  { name: "Location.status closed", base: LARS1, mutate: (b) => void (b.entry[1].resource.status = "closed"), rule: "ldbu-binding" },
  { name: "Location.address", base: LARS1, mutate: (b) => void (b.entry[1].resource.address = { city: "X" }), rule: "ldbu-forbidden-element" },

  // ---------------------------------------------------------------- measurements
  { name: "weight unit lb", mutate: (b) => void Object.assign(R(b, "weight-1").valueQuantity, { unit: "lb", code: "[lb_av]" }), rule: "ldbu-unit", at: (b) => `${P(b, "weight-1")}.valueQuantity.code` },
  { name: "weight unit system missing", mutate: (b) => void delete R(b, "weight-1").valueQuantity.system, rule: "ldbu-unit", at: (b) => `${P(b, "weight-1")}.valueQuantity.system` },
  { name: "weight unit code missing", mutate: (b) => void delete R(b, "weight-1").valueQuantity.code, rule: "ldbu-unit" },
  {
    name: "weight without unit and code",
    mutate: (b) => void (R(b, "weight-1").valueQuantity = { value: 4150, system: "http://unitsofmeasure.org" }),
    rule: "dk-core-observation-mandatory-units",
    at: (b) => `${P(b, "weight-1")}.valueQuantity`,
  },
  { name: "weight with unit text contradicting code", mutate: (b) => void (R(b, "weight-1").valueQuantity.unit = "kg"), rule: "ldbu-unit", severity: "warning", valid: true },
  {
    name: "weight 54.45 kg (two decimals)",
    mutate: (b) => void Object.assign(R(b, "weight-1").valueQuantity, { value: 54.45, unit: "kg", code: "kg" }),
    rule: "obs-1",
    at: (b) => `${P(b, "weight-1")}.valueQuantity.value`,
  },
  { name: "weight negative", mutate: (b) => void (R(b, "weight-1").valueQuantity.value = -4150), rule: "ldbu-measurement-value" },
  { name: "weight as valueString", mutate: (b) => void ((R(b, "weight-1").valueString = "4150 g"), delete R(b, "weight-1").valueQuantity), rule: "ldbu-measurement-value" },
  { name: "weight value as a string", mutate: (b) => void (R(b, "weight-1").valueQuantity.value = "4150"), rule: "ldbu-type", at: (b) => `${P(b, "weight-1")}.valueQuantity.value` },
  { name: "weight LOINC missing", mutate: (b) => void R(b, "weight-1").code.coding.pop(), rule: "ldbu-slice", at: (b) => `${P(b, "weight-1")}.code.coding` },
  { name: "weight LOINC wrong code", mutate: (b) => void (R(b, "weight-1").code.coding[1].code = "3141-9"), rule: "ldbu-fixed-value" },
  { name: "weight category missing", mutate: (b) => void delete R(b, "weight-1").category, rule: "ldbu-cardinality", at: (b) => `${P(b, "weight-1")}.category` },
  { name: "weight category wrong", mutate: (b) => void (R(b, "weight-1").category = [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "exam" }] }]), rule: "ldbu-fixed-value" },
  { name: "weight effectivePeriod", mutate: (b) => void ((R(b, "weight-1").effectivePeriod = { start: "2020-07-07" }), delete R(b, "weight-1").effectiveDateTime), rule: "ldbu-choice-type" },
  { name: "height unit mm", mutate: (b) => void Object.assign(R(b, "height-1").valueQuantity, { value: 535, unit: "mm", code: "mm" }), rule: "ldbu-unit" },
  { name: "height SNOMED code outside the value set", mutate: (b) => void (R(b, "height-1").code.coding[0].code = "50373000"), rule: "ldbu-binding" },
  { name: "height 53.55 cm", mutate: (b) => void (R(b, "height-1").valueQuantity.value = 53.55), rule: "obs-1" },
  { name: "height as valueInteger", mutate: (b) => void ((R(b, "height-1").valueInteger = 53), delete R(b, "height-1").valueQuantity), rule: "ldbu-choice-type" },
  { name: "head circumference in inches", mutate: (b) => void Object.assign(R(b, "head-1").valueQuantity, { value: 15, unit: "in", code: "[in_i]" }), rule: "ldbu-unit" },
  { name: "head circumference 38.35 cm", mutate: (b) => void (R(b, "head-1").valueQuantity.value = 38.35), rule: "obs-1" },
  {
    name: "measurement with both value and dataAbsentReason",
    mutate: (b) => void (R(b, "head-1").dataAbsentReason = { coding: [{ system: "http://terminology.hl7.org/CodeSystem/data-absent-reason", code: "unknown" }] }),
    rule: "obs-6",
  },
  {
    name: "measurement without value: information only (obs-1 decision)",
    mutate: (b) => {
      delete R(b, "weight-1").valueQuantity;
      R(b, "weight-1").dataAbsentReason = { coding: [{ system: "http://terminology.hl7.org/CodeSystem/data-absent-reason", code: "unknown" }] };
    },
    rule: "ldbu-obs-1-no-value",
    severity: "information",
    valid: true,
  },

  // ---------------------------------------------------------------- indicators
  { name: "indicator without value or dataAbsentReason", mutate: (b) => void delete R(b, ind("sleep")).valueCodeableConcept, rule: "obs-2", at: (b) => P(b, ind("sleep")) },
  {
    name: "indicator with value and dataAbsentReason",
    mutate: (b) => void (R(b, ind("sleep")).dataAbsentReason = { coding: [{ system: "http://terminology.hl7.org/CodeSystem/data-absent-reason", code: "unknown" }] }),
    rule: "obs-6",
  },
  {
    name: "indicator value from another value set",
    mutate: (b) => void (R(b, ind("communication")).valueCodeableConcept.coding[0].code = R(b, ind("sleep")).valueCodeableConcept.coding[0].code),
    rule: "ldbu-binding",
    at: (b) => `${P(b, ind("communication"))}.valueCodeableConcept.coding[0].code`,
  },
  { name: "indicator value unknown", mutate: (b) => void (R(b, ind("sleep")).valueCodeableConcept.coding[0].code = "nope"), rule: "ldbu-binding" },
  { name: "indicator value with wrong system", mutate: (b) => void (R(b, ind("sleep")).valueCodeableConcept.coding[0].system = "http://snomed.info/sct"), rule: "ldbu-binding" },
  { name: "indicator value with two codings", mutate: (b) => void R(b, ind("sleep")).valueCodeableConcept.coding.push(clone(R(b, ind("sleep")).valueCodeableConcept.coding[0])), rule: "ldbu-cardinality" },
  { name: "indicator code with wrong system", mutate: (b) => void (R(b, ind("sleep")).code.coding[0].system = "http://snomed.info/sct"), rule: "ldbu-slice" },
  { name: "indicator code not the profile's (declared sleep, code motor)", mutate: (b) => void (R(b, ind("sleep")).code.coding[0].code = "e04f2ca1-888a-4671-a97a-371b525cd2a3"), rule: "ldbu-fixed-value" },
  { name: "indicator with two codings", mutate: (b) => void R(b, ind("sleep")).code.coding.push({ system: "http://snomed.info/sct", code: "248254009" }), rule: "ldbu-cardinality" },
  { name: "indicator valueQuantity", mutate: (b) => void ((R(b, ind("sleep")).valueQuantity = { value: 1 }), delete R(b, ind("sleep")).valueCodeableConcept), rule: "ldbu-choice-type" },
  { name: "indicator effectivePeriod", mutate: (b) => void ((R(b, ind("sleep")).effectivePeriod = { start: "2020-07-07" }), delete R(b, ind("sleep")).effectiveDateTime), rule: "ldbu-choice-type" },
  { name: "indicator two value types", mutate: (b) => void (R(b, ind("sleep")).valueString = "x"), rule: "ldbu-choice-type" },
  { name: "indicator category", mutate: (b) => void (R(b, ind("sleep")).category = [{ text: "x" }]), rule: "ldbu-forbidden-element", at: (b) => `${P(b, ind("sleep"))}.category` },
  { name: "indicator note", mutate: (b) => void (R(b, ind("sleep")).note = [{ text: "x" }]), rule: "ldbu-forbidden-element" },
  { name: "indicator performer", mutate: (b) => void (R(b, ind("sleep")).performer = [{ display: "x" }]), rule: "ldbu-forbidden-element" },
  { name: "indicator interpretation", mutate: (b) => void (R(b, ind("sleep")).interpretation = [{ text: "x" }]), rule: "ldbu-forbidden-element" },
  { name: "indicator status done", mutate: (b) => void (R(b, ind("sleep")).status = "done"), rule: "ldbu-binding" },
  { name: "indicator subject missing", mutate: (b) => void delete R(b, ind("sleep")).subject, rule: "ldbu-cardinality", at: (b) => `${P(b, ind("sleep"))}.subject` },
  { name: "indicator effective missing", mutate: (b) => void delete R(b, ind("sleep")).effectiveDateTime, rule: "ldbu-cardinality", at: (b) => `${P(b, ind("sleep"))}.effective` },
  { name: "indicator effective 2020-13-01", mutate: (b) => void (R(b, ind("sleep")).effectiveDateTime = "2020-13-01"), rule: "ldbu-type" },
  { name: "indicator encounter pointing to a Patient", mutate: (b) => void (R(b, ind("sleep")).encounter.reference = "Patient/child-1"), rule: "ldbu-reference-type" },
  {
    name: "dataAbsentReason with an unknown code",
    mutate: (b) => {
      delete R(b, ind("sleep")).valueCodeableConcept;
      R(b, ind("sleep")).dataAbsentReason = { coding: [{ system: "http://terminology.hl7.org/CodeSystem/data-absent-reason", code: "forgot" }] };
    },
    rule: "ldbu-binding",
  },
  {
    name: "observation with an unknown code",
    mutate: (b) => {
      const o = R(b, ind("sleep"));
      delete o.meta;
      o.code.coding[0] = { system: "http://snomed.info/sct", code: "443394008" };
    },
    rule: "gateway-children-report-1",
    at: (b) => `${P(b, ind("sleep"))}.code`,
  },
  {
    name: "declared profiles contradict each other",
    mutate: (b) => void R(b, "weight-1").meta.profile.push("http://fhir.kl.dk/children/StructureDefinition/klgateway-children-bodyheight"),
    rule: "ldbu-profile",
  },
  {
    name: "Patient declaring the encounter profile",
    mutate: (b) => void (R(b, "child-1").meta = { profile: ["http://fhir.kl.dk/children/StructureDefinition/klgateway-children-encounter"] }),
    rule: "ldbu-profile",
  },

  // ---------------------------------------------------------------- feeding, exam result
  { name: "feeding without the SNOMED coding", mutate: (b) => void R(b, "feeding-1").code.coding.pop(), rule: "ldbu-slice", at: (b) => `${P(b, "feeding-1")}.code.coding` },
  { name: "feeding value outside FeedingResultsChildren", mutate: (b) => void (R(b, "feeding-1").valueCodeableConcept.coding[0].code = "78dcf013-8ae9-4541-b175-100cde77a9f0"), rule: "ldbu-binding" },
  { name: "feeding period without start", mutate: (b) => void delete R(b, "feeding-2").effectivePeriod.start, rule: "ldbu-cardinality", at: (b) => `${P(b, "feeding-2")}.effectivePeriod.start` },
  { name: "feeding period end before start", mutate: (b) => void (R(b, "feeding-2").effectivePeriod.end = "2020-01-01T00:00:00.000Z"), rule: "ldbu-period" },
  { name: "feeding effectiveInstant", mutate: (b) => void ((R(b, "feeding-1").effectiveInstant = "2020-07-07T00:00:00Z"), delete R(b, "feeding-1").effectiveDateTime), rule: "ldbu-choice-type" },
  {
    name: "exam result with dataAbsentReason",
    mutate: (b) => void (R(b, "exam-1").dataAbsentReason = { coding: [{ system: "http://terminology.hl7.org/CodeSystem/data-absent-reason", code: "unknown" }] }),
    rule: "ldbu-forbidden-element",
    at: (b) => `${P(b, "exam-1")}.dataAbsentReason`,
  },
  { name: "exam result value unknown", mutate: (b) => void (R(b, "exam-1").valueCodeableConcept.coding[0].code = "nope"), rule: "ldbu-binding" },
  { name: "exam result code wrong", mutate: (b) => void (R(b, "exam-1").code.coding[0].code = "363787002"), rule: "ldbu-slice" },

  // ---------------------------------------------------------------- intervention
  { name: "intent order", mutate: (b) => void (R(b, "plan-1").intent = "order"), rule: "ldbu-fixed-value", at: (b) => `${P(b, "plan-1")}.intent` },
  { name: "intervention code unknown", mutate: (b) => void (R(b, "plan-1").activity[0].detail.code.coding[0].code = "nope"), rule: "ldbu-binding" },
  {
    name: "intervention reason unknown",
    mutate: (b) => void (R(b, "plan-1").activity[0].detail.reasonCode = [{ coding: [{ system: "http://fhir.kl.dk/term/CodeSystem/FBOE", code: "nope" }] }]),
    rule: "ldbu-binding",
    at: (b) => `${P(b, "plan-1")}.activity[0].detail.reasonCode[0].coding[0].code`,
  },
  { name: "intervention activity missing", mutate: (b) => void delete R(b, "plan-1").activity, rule: "ldbu-cardinality" },
  { name: "two activities", mutate: (b) => void R(b, "plan-1").activity.push(clone(R(b, "plan-1").activity[0])), rule: "ldbu-cardinality" },
  { name: "CarePlan.status ongoing", mutate: (b) => void (R(b, "plan-1").status = "ongoing"), rule: "ldbu-binding" },
  { name: "CarePlan.category", mutate: (b) => void (R(b, "plan-1").category = [{ text: "x" }]), rule: "ldbu-forbidden-element" },
  { name: "CarePlan.period missing", mutate: (b) => void delete R(b, "plan-1").period, rule: "ldbu-cardinality" },
  { name: "detail.description", mutate: (b) => void (R(b, "plan-1").activity[0].detail.description = "x"), rule: "ldbu-forbidden-element" },
  {
    name: "detail.status entered-in-error (warning)",
    mutate: (b) => void (R(b, "plan-1").activity[0].detail.status = "entered-in-error"),
    rule: "ldbu-intervention-detail-status",
    severity: "warning",
    valid: true,
  },

  // ---------------------------------------------------------------- questionnaire responses
  { name: "QuestionnaireResponse.encounter", mutate: (b) => void (R(b, "epds-1").encounter = { reference: "Encounter/enc-1" }), rule: "ldbu-forbidden-element" },
  { name: "EPDS item out of range", mutate: (b) => void (R(b, "epds-1").item[0].answer[0].valueInteger = 5), rule: "ldbu-questionnaire-answer", at: (b) => `${P(b, "epds-1")}.item[0].answer[0].valueInteger` },
  { name: "EPDS unknown linkId", mutate: (b) => void (R(b, "epds-1").item[0].linkId = "1humour"), rule: "ldbu-questionnaire-answer" },
  { name: "EPDS answer as text", mutate: (b) => void (R(b, "epds-1").item[0].answer[0] = { valueString: "0" }), rule: "ldbu-questionnaire-answer" },
  { name: "EPDS question answered twice", mutate: (b) => void R(b, "epds-1").item.splice(1, 0, clone(R(b, "epds-1").item[0])), rule: "ldbu-questionnaire-answer" },
  { name: "EPDS total differs from item sum (warning)", mutate: (b) => void (R(b, "epds-1").item[10].answer[0].valueInteger = 9), rule: "ldbu-questionnaire-score", severity: "warning", valid: true },
  { name: "TOPI answer not an option", mutate: (b) => void (R(b, "topi-1").item[0].answer[0].valueString = "Blå"), rule: "ldbu-questionnaire-answer" },
  { name: "answer string longer than 30", mutate: (b) => void (R(b, "topi-1").item[0].answer[0].valueString = "x".repeat(31)), rule: "questionnaire-response-string-length" },
  { name: "unknown questionnaire (warning)", mutate: (b) => void (R(b, "topi-1").questionnaire = "http://example.org/Questionnaire/q"), rule: "ldbu-questionnaire", severity: "warning", valid: true },
  { name: "item.text", mutate: (b) => void (R(b, "epds-1").item[0].text = "Humor"), rule: "ldbu-forbidden-element" },
  { name: "answer valueDecimal", mutate: (b) => void (R(b, "epds-1").item[0].answer[0] = { valueDecimal: 1.5 }), rule: "ldbu-choice-type" },
  { name: "two answers", mutate: (b) => void R(b, "epds-1").item[0].answer.push({ valueInteger: 1 }), rule: "ldbu-cardinality" },
  { name: "finding informer code unknown", mutate: (b) => void (R(b, "epds-1").extension[0].valueCodeableConcept.coding[0].code = "nope"), rule: "ldbu-binding" },
  { name: "more than 36 items", mutate: (b) => void (R(b, "epds-1").item = Array.from({ length: 37 }, (_, i) => ({ linkId: `x${i}`, answer: [{ valueInteger: 0 }] }))), rule: "ldbu-cardinality" },
  { name: "authored missing", mutate: (b) => void delete R(b, "epds-1").authored, rule: "ldbu-cardinality" },

  // ---------------------------------------------------------------- JSON representation
  { name: "empty string", mutate: (b) => void (R(b, "enc-1").status = ""), rule: "ldbu-type" },
  { name: "null value", mutate: (b) => void (R(b, "enc-1").subject = null), rule: "ldbu-type" },
  { name: "empty object", mutate: (b) => void (R(b, ind("sleep")).valueCodeableConcept = {}), rule: "ele-1" },
  { name: "primitive extension with junk", mutate: (b) => void (R(b, "enc-1")._status = { foo: 1 }), rule: "ldbu-type" },

  // ---------------------------------------------------------------- mandatory-observation semantics
  {
    name: "2-month visit without motor function: intended rule, warning only",
    mutate: (b) => void b.entry.splice(idx(b, ind("motor-function")), 1),
    rule: "ldbu-intended-motor-function",
    severity: "warning",
    valid: true,
  },
  {
    name: "8-11 month visit without parent relationship: intended rule, warning only",
    base: () => completeReport({ visit: VISIT.eightToEleven, extras: true }),
    mutate: (b) => void b.entry.splice(idx(b, ind("parent-relationship")), 1),
    rule: "ldbu-intended-parent-relationship",
    severity: "warning",
    valid: true,
  },
  {
    name: "an entered-in-error standard visit still triggers the published rules",
    mutate: (b) => {
      R(b, "enc-1").status = "entered-in-error";
      b.entry.splice(idx(b, ind("sleep")), 1);
    },
    rule: "gateway-children-report-sleep",
    at: "Bundle",
  },
  {
    name: "a school visit without nicotine use (Udskolingsundersøgelse)",
    base: () => completeReport({ visit: VISIT.schoolExit }),
    mutate: (b) => void b.entry.splice(idx(b, ind("nicotine")), 1),
    rule: "gateway-children-report-nicotine",
  },
  {
    name: "mandatory observation sent without value but with dataAbsentReason is accepted",
    mutate: (b) => {
      delete R(b, ind("sleep")).valueCodeableConcept;
      R(b, ind("sleep")).dataAbsentReason = { coding: [{ system: "http://terminology.hl7.org/CodeSystem/data-absent-reason", code: "unknown" }] };
      b.entry.push({ fullUrl: "https://test.fhir.dk/Observation/x", resource: indicator("x", "communication", "child-1", "enc-1") });
    },
    rule: "ldbu-ok",
    severity: "information",
    valid: true,
  },

  // ---------------------------------------------------------------- privacy: values that look like CPR numbers are never echoed
  { name: "CPR as an encounter type code", mutate: (b) => void (R(b, "enc-1").type[0].coding[0].code = CHILD_CPR), rule: "ldbu-binding" },
  {
    name: "CPR as a resource type",
    mutate: (b) => void b.entry.push({ fullUrl: "urn:uuid:3f1c7a52-4a5e-4e0a-9a2b-1c2d3e4f5a6c", resource: { resourceType: PARENT_CPR, id: "x" } }),
    rule: "ldbu-resource-type",
  },
];

// ---------------------------------------------------------------- generated: missing mandatory observation per visit

interface VisitJson {
  encounter_type: { code: string; display: string };
  required_by_invariants: { invariant: string; satisfied_by_any_observation_with_code: { code: string }[] }[];
}

const STANDARD_VISITS = (mandatoryJson as unknown as { standard_visits: VisitJson[] }).standard_visits;

for (const v of STANDARD_VISITS) {
  for (const req of v.required_by_invariants) {
    const codes = new Set(req.satisfied_by_any_observation_with_code.map((c) => c.code));
    for (const cls of ["HH", "AMB"]) {
      if (cls === "AMB" && v.encounter_type.code !== VISIT.twoMonths && v.encounter_type.code !== VISIT.schoolEntry) continue;
      cases.push({
        name: `missing mandatory observation: ${v.encounter_type.display} (${cls}) without ${req.invariant}`,
        base: () => completeReport({ visit: v.encounter_type.code, cls }),
        mutate: (b) => {
          b.entry = b.entry.filter(
            (e: J) => !(e.resource.resourceType === "Observation" && e.resource.code.coding.some((c: J) => codes.has(c.code))),
          );
        },
        rule: req.invariant,
        at: "Bundle",
      });
    }
  }
}

// ---------------------------------------------------------------- run

const CPRS = [CHILD_CPR, PARENT_CPR, "3102201234", "0513201234", "2902214000", "05052099961", "050520999", "0505159995", "2911829996", "1502829995"];

describe("crafted bad reports", () => {
  it("has at least 100 crafted cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(100);
  });

  it("starts from valid bases", () => {
    for (const base of [BASE(), LARS1(), completeReport({ visit: VISIT.eightToEleven, extras: true })]) {
      const r = validateDeliveryReport(base);
      expect(r.issues.filter((i) => i.rule !== "ldbu-ok")).toEqual([]);
      expect(r.valid).toBe(true);
    }
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const original = (c.base ?? BASE)();
    const b = clone(original);
    const replaced = c.mutate ? c.mutate(b) : undefined;
    const input = replaced === undefined ? b : replaced;
    const r = validateDeliveryReport(input);
    const at = typeof c.at === "function" ? c.at(original) : c.at;
    const match = r.issues.filter(
      (i) =>
        i.rule === c.rule &&
        (c.severity === undefined || i.severity === c.severity) &&
        (at === undefined || i.expression.some((e) => e === at || e.startsWith(at + ".") || e.startsWith(at + "["))),
    );
    if (c.rule === "ldbu-ok") {
      expect(r.issues).toEqual([]);
      expect(r.outcome.issue[0].details.coding[0].code).toBe("ldbu-ok");
    } else {
      expect(match, JSON.stringify(r.issues.map((i) => [i.severity, i.rule, i.expression.join(" ")]), null, 1)).not.toHaveLength(0);
    }
    expect(r.valid).toBe(c.valid ?? false);
    if (!(c.valid ?? false)) expect(r.errorCount).toBeGreaterThan(0);
    // The outcome names the rule in details.coding, and never contains a CPR number.
    const text = JSON.stringify(r.outcome);
    if (c.rule !== "ldbu-ok") expect(r.outcome.issue.some((i) => i.details.coding[0].code === c.rule)).toBe(true);
    for (const cpr of CPRS) expect(text).not.toContain(cpr);
  });
});
