/**
 * Test data: the guide's example reports, a generator of synthetic valid delivery reports, and
 * random/odd-shape mutators (seeded, deterministic) for the crafted tests, the differential test
 * and the benchmark. The CPR numbers used are synthetic.
 */
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  ENCOUNTER_TYPES,
  EXAM_RESULTS,
  FEEDING_FBOE,
  FEEDING_SCT,
  FEEDING_VALUES,
  INDICATORS,
  INTERVENTIONS,
  PROFILE_URL,
  SYSTEM,
} from "../terminology";

type J = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const EXAMPLES_DIR = fileURLToPath(new URL("./examples/", import.meta.url));

export interface ExpectedBundle {
  file: string;
  expected: "valid" | "invalid";
  violates: string[];
  label: string;
}

export function loadExpected(): ExpectedBundle[] {
  return JSON.parse(readFileSync(EXAMPLES_DIR + "expected-validity.json", "utf8")).bundles;
}

/** The example reports by file name (fresh copies each call). */
export function loadExamples(): Map<string, J> {
  const out = new Map<string, J>();
  for (const f of readdirSync(EXAMPLES_DIR).sort()) {
    if (!f.endsWith(".json") || f === "expected-validity.json") continue;
    out.set(f, JSON.parse(readFileSync(EXAMPLES_DIR + f, "utf8")));
  }
  return out;
}

export function example(file: string): J {
  return JSON.parse(readFileSync(EXAMPLES_DIR + file, "utf8"));
}

export function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v));
}

// ------------------------------------------------------------------ PRNG

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

// ------------------------------------------------------------------ codes

export const VISIT = {
  pregnancy: "d3c00541-f1d3-4c43-b5fc-16e8914ca1df",
  postnatal: "7d35a193-e808-4e77-b361-6c0d114d021f",
  establishment: "b4bf6058-502a-4d64-bb8e-369661f43b47",
  secondInFirstMonth: "563c4174-f451-4c87-8db8-8d5472ca7ff6",
  twoMonths: "51f30d1c-d60e-4e3e-ac22-ec9712ea962d",
  fourToSix: "58ff370b-a775-4bec-b24a-91604e0a5fe7",
  eightToEleven: "3f3e6489-31bd-44cf-9920-3c632868feb7",
  schoolEntry: "c06ed6f1-be9d-460e-a45e-34821bcbd533",
  midSchool: "d01bcb90-2b29-44f4-834c-191d6dd4a08a",
  schoolExit: "dd766967-4d02-4c17-8ed3-021852785fdf",
  needSmall: "4b039ba1-4005-42e6-b672-09b81ad7578a",
  regularSmall: "b30f139c-fac5-416e-b84a-a3429f0222c2",
} as const;

export const IND = Object.fromEntries(INDICATORS.map((p) => [p.id.replace("klgateway-children-", ""), p])) as Record<string, (typeof INDICATORS)[number]>;

const PARENT_INDICATORS = new Set(["parent-mental-status", "parent-social-status", "social-support-network"]);

// ------------------------------------------------------------------ builders

const BASE = "https://test.fhir.dk";
export const CHILD_CPR = "0505209996";
export const PARENT_CPR = "2911829996";

function ref(type: string, id: string): J {
  return { reference: `${BASE}/${type}/${id}` };
}

function entry(resource: J): J {
  return { fullUrl: `${BASE}/${resource.resourceType}/${resource.id}`, resource };
}

function meta(url: string): J {
  return { profile: [url] };
}

export function citizen(id: string, cpr: string, linkTo?: string): J {
  const p: J = {
    resourceType: "Patient",
    id,
    meta: meta(PROFILE_URL.citizen),
    identifier: [{ use: "official", system: SYSTEM.CPR, value: cpr }],
    managingOrganization: { identifier: { use: "official", system: SYSTEM.SOR, value: "451000016003" } },
  };
  if (linkTo) p.link = [{ other: ref("RelatedPerson", linkTo), type: "seealso" }];
  return p;
}

export function relatedParent(id: string, childId: string): J {
  return {
    resourceType: "RelatedPerson",
    id,
    meta: meta(PROFILE_URL.relatedParent),
    patient: ref("Patient", childId),
    relationship: [{ coding: [{ system: SYSTEM.V3_ROLE, code: "PRN" }] }],
  };
}

export function encounter(id: string, type: string, cls: string, subjectId: string, start = "2020-07-07T12:45:00.000Z"): J {
  const clsSystem = cls.length > 10 ? SYSTEM.CARE_SOCIAL : SYSTEM.V3_ACT;
  return {
    resourceType: "Encounter",
    id,
    meta: meta(PROFILE_URL.encounter),
    status: "finished",
    class: { system: clsSystem, code: cls },
    type: [{ coding: [{ system: SYSTEM.FBOE, code: type, display: ENCOUNTER_TYPES.get(type)?.display }] }],
    subject: ref("Patient", subjectId),
    period: { start },
  };
}

export function indicator(id: string, key: string, subjectId: string, encounterId?: string, valueIndex = 0): J {
  const p = IND[key];
  const o: J = {
    resourceType: "Observation",
    id,
    meta: meta(p.url),
    status: "final",
    code: { coding: [{ system: SYSTEM.FBOE, code: p.code, display: p.display }] },
    subject: ref("Patient", subjectId),
    effectiveDateTime: "2020-07-07",
    valueCodeableConcept: { coding: [{ system: SYSTEM.FBOE, code: [...p.values][valueIndex % p.values.size] }] },
  };
  if (encounterId) o.encounter = ref("Encounter", encounterId);
  return o;
}

const VITAL = [{ coding: [{ system: SYSTEM.OBS_CATEGORY, code: "vital-signs" }] }];

export function weight(id: string, subjectId: string, encounterId: string, value = 4150, unit = "g"): J {
  return {
    resourceType: "Observation",
    id,
    meta: meta(PROFILE_URL.weight),
    status: "final",
    category: VITAL,
    code: { coding: [{ system: SYSTEM.SNOMED, code: "27113001", display: "Body weight" }, { system: SYSTEM.LOINC, code: "29463-7" }] },
    subject: ref("Patient", subjectId),
    encounter: ref("Encounter", encounterId),
    effectiveDateTime: "2020-07-07",
    valueQuantity: { value, unit, system: SYSTEM.UCUM, code: unit },
  };
}

export function height(id: string, subjectId: string, encounterId: string, value = 53.5, sct = "1149101003"): J {
  return {
    resourceType: "Observation",
    id,
    meta: meta(PROFILE_URL.height),
    status: "final",
    category: VITAL,
    code: { coding: [{ system: SYSTEM.SNOMED, code: sct }, { system: SYSTEM.LOINC, code: "8302-2" }] },
    subject: ref("Patient", subjectId),
    encounter: ref("Encounter", encounterId),
    effectiveDateTime: "2020-07-07",
    valueQuantity: { value, unit: "cm", system: SYSTEM.UCUM, code: "cm" },
  };
}

export function headCircumference(id: string, subjectId: string, encounterId: string, value = 38.3): J {
  return {
    resourceType: "Observation",
    id,
    meta: meta(PROFILE_URL.headCircumference),
    status: "final",
    category: VITAL,
    code: { coding: [{ system: SYSTEM.SNOMED, code: "363812007" }, { system: SYSTEM.LOINC, code: "9843-4" }] },
    subject: ref("Patient", subjectId),
    encounter: ref("Encounter", encounterId),
    effectiveDateTime: "2020-07-07",
    valueQuantity: { value, unit: "cm", system: SYSTEM.UCUM, code: "cm" },
  };
}

export function feeding(id: string, subjectId: string, encounterId: string, period = false): J {
  const o: J = {
    resourceType: "Observation",
    id,
    meta: meta(PROFILE_URL.feeding),
    status: "final",
    code: { coding: [{ system: SYSTEM.FBOE, code: FEEDING_FBOE }, { system: SYSTEM.SNOMED, code: FEEDING_SCT }] },
    subject: ref("Patient", subjectId),
    encounter: ref("Encounter", encounterId),
    valueCodeableConcept: { coding: [{ system: SYSTEM.FBOE, code: [...FEEDING_VALUES][0] }] },
  };
  if (period) o.effectivePeriod = { start: "2020-05-05T00:00:00.000Z", end: "2020-06-28T00:00:00.000Z" };
  else o.effectiveDateTime = "2020-07-07T00:00:00.000Z";
  return o;
}

export function examResult(id: string, subjectId: string, encounterId: string): J {
  return {
    resourceType: "Observation",
    id,
    meta: meta(PROFILE_URL.examResult),
    status: "final",
    code: { coding: [{ system: SYSTEM.SNOMED, code: "363788007" }] },
    subject: ref("Patient", subjectId),
    encounter: ref("Encounter", encounterId),
    effectiveDateTime: "2020-07-07",
    valueCodeableConcept: { coding: [{ system: SYSTEM.FBOE, code: [...EXAM_RESULTS][0] }] },
  };
}

export function intervention(id: string, subjectId: string): J {
  return {
    resourceType: "CarePlan",
    id,
    meta: meta(PROFILE_URL.intervention),
    status: "active",
    intent: "plan",
    subject: ref("Patient", subjectId),
    period: { start: "2020-07-07" },
    activity: [{ detail: { code: { coding: [{ system: SYSTEM.FBOE, code: [...INTERVENTIONS][0] }] }, status: "unknown" } }],
  };
}

export const EPDS_ITEMS = ["1humor", "2happiness", "3blame", "4worry", "5anxious", "6grow", "7sleep", "8sad", "9cry", "10harm"];

export function epds(id: string, subjectId: string, items = [0, 2, 1, 1, 2, 1, 3, 0, 0, 0], score?: number): J {
  const total = score ?? items.reduce((a, b) => a + b, 0);
  return {
    resourceType: "QuestionnaireResponse",
    id,
    meta: meta(PROFILE_URL.questionnaireResponse),
    extension: [
      {
        url: "http://fhir.kl.dk/children/StructureDefinition/FindingInformer",
        valueCodeableConcept: { coding: [{ system: SYSTEM.CARE_SOCIAL, code: "25b4e705-2e9a-47a2-b11a-c829316b9d3a" }] },
      },
    ],
    questionnaire: "http://fhir.kl.dk/children/Questionnaire/klgateway-children-epds",
    status: "completed",
    subject: ref("Patient", subjectId),
    authored: "2020-07-07",
    item: [...EPDS_ITEMS.map((l, i) => ({ linkId: l, answer: [{ valueInteger: items[i] }] })), { linkId: "score", answer: [{ valueInteger: total }] }],
  };
}

export function topi(id: string, subjectId: string, answer = "Grøn"): J {
  return {
    resourceType: "QuestionnaireResponse",
    id,
    questionnaire: "http://fhir.kl.dk/children/Questionnaire/klgateway-children-topi",
    status: "completed",
    subject: ref("Patient", subjectId),
    authored: "2020-07-07",
    item: [{ linkId: "1vurdering", answer: [{ valueString: answer }] }],
  };
}

export function school(id: string): J {
  return {
    resourceType: "Location",
    id,
    meta: meta(PROFILE_URL.location),
    identifier: [{ system: SYSTEM.SCHOOL, value: "280295" }],
    type: [{ coding: [{ system: SYSTEM.V3_ROLE, code: "SCHOOL" }] }],
  };
}

export function bundle(id: string, resources: J[], timestamp = "2020-07-08T23:45:00.000Z"): J {
  return {
    resourceType: "Bundle",
    id,
    meta: meta(PROFILE_URL.deliveryReport),
    type: "collection",
    timestamp,
    entry: resources.map(entry),
  };
}

export const ALL_INDICATOR_KEYS = Object.keys(IND);

export interface ReportSpec {
  visit: string;
  cls?: string;
  /** Indicator keys to include (default: all 14). */
  indicators?: readonly string[];
  measurements?: boolean;
  extras?: boolean;
  id?: string;
}

/**
 * A complete delivery report for one standard visit: child, parent (with RelatedParent link),
 * the Encounter, all 14 indicators (parent ones on the parent), weight, height, head
 * circumference, feeding; with `extras` also an exam result, an EPDS response and an intervention
 * (27 entries in all). Valid, with no warnings, whatever the visit type.
 */
export function completeReport(spec: ReportSpec): J {
  const child = "child-1";
  const parent = "parent-1";
  const enc = "enc-1";
  const res: J[] = [citizen(child, CHILD_CPR), citizen(parent, PARENT_CPR, "rel-1"), relatedParent("rel-1", child)];
  res.push(encounter(enc, spec.visit, spec.cls ?? "HH", child));
  for (const k of spec.indicators ?? ALL_INDICATOR_KEYS) {
    const subj = PARENT_INDICATORS.has(k) ? parent : child;
    res.push(indicator(`ind-${k}`, k, subj, subj === child ? enc : undefined));
  }
  if (spec.measurements !== false) {
    res.push(weight("weight-1", child, enc));
    res.push(height("height-1", child, enc));
    res.push(headCircumference("head-1", child, enc));
    res.push(feeding("feeding-1", child, enc));
  }
  if (spec.extras) {
    res.push(feeding("feeding-2", child, enc, true));
    res.push(examResult("exam-1", child, enc));
    res.push(epds("epds-1", parent));
    res.push(intervention("plan-1", child));
    res.push(topi("topi-1", child));
  }
  return bundle(spec.id ?? "report-1", res);
}

// ------------------------------------------------------------------ random reports and mutations

const CLASSES = ["HH", "AMB", "VR", "FLD", "1b55a4b0-1156-4f58-b2df-b5c6014d9048", "124be95d-6924-4609-9d2a-e7c73ae3ab3d"];
const ALL_VISITS = [...ENCOUNTER_TYPES.keys(), "0ddb3661-51da-471f-94d7-2a50b81f5fc6"];
const OBS_CODES = [
  ...INDICATORS.map((p) => p.code),
  "27113001",
  "1153637007",
  "248333004",
  "1149101003",
  "363812007",
  "363788007",
  "e04f2ca1-888a-4671-a97a-371b525cd2a3",
  "unknown-code",
];

/** A random, mostly well-formed report: 0-3 encounters of random type/class and a random subset of observations. */
export function randomReport(r: () => number, n: number): J {
  const child = "c";
  const res: J[] = [citizen(child, CHILD_CPR)];
  const encCount = Math.floor(r() * 4);
  for (let i = 0; i < encCount; i++) {
    const e = encounter(`e${i}`, pick(r, ALL_VISITS), pick(r, CLASSES), child);
    if (r() < 0.15) e.status = "entered-in-error";
    if (r() < 0.1) e.class.system = "http://example.org/other";
    res.push(e);
  }
  const obsCount = Math.floor(r() * 14);
  for (let i = 0; i < obsCount; i++) {
    const kind = r();
    const encId = encCount > 0 ? `e${Math.floor(r() * encCount)}` : undefined;
    let o: J;
    if (kind < 0.55) o = indicator(`o${i}`, pick(r, ALL_INDICATOR_KEYS), child, encId, Math.floor(r() * 3));
    else if (kind < 0.65) o = weight(`o${i}`, child, encId ?? "e0", pick(r, [3100, 26, 54.4, 54.45, 0.5, 26.25]), pick(r, ["g", "kg"]));
    else if (kind < 0.75) o = height(`o${i}`, child, encId ?? "e0", pick(r, [53.5, 51, 125, 53.55]), pick(r, ["1153637007", "248333004", "1149101003"]));
    else if (kind < 0.82) o = headCircumference(`o${i}`, child, encId ?? "e0");
    else if (kind < 0.9) o = feeding(`o${i}`, child, encId ?? "e0", r() < 0.5);
    else {
      o = indicator(`o${i}`, pick(r, ALL_INDICATOR_KEYS), child, encId);
      o.code.coding[0].code = pick(r, OBS_CODES);
    }
    if (r() < 0.1) {
      delete o.valueCodeableConcept;
      delete o.valueQuantity;
      if (r() < 0.7) o.dataAbsentReason = { coding: [{ system: SYSTEM.DATA_ABSENT, code: "unknown" }] };
    }
    if (r() < 0.1) o.code.coding[0].system = "http://example.org/wrong";
    res.push(o);
  }
  return bundle(`rnd-${n}`, res);
}

/** Every [container, key] in a JSON tree (for random mutation). */
function slots(root: J): [J, string | number][] {
  const out: [J, string | number][] = [];
  const walk = (v: unknown, depth: number) => {
    if (depth > 12 || typeof v !== "object" || v === null) return;
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        out.push([v as unknown as J, i]);
        walk(x, depth + 1);
      });
    } else {
      for (const k of Object.keys(v)) {
        out.push([v as J, k]);
        walk((v as J)[k], depth + 1);
      }
    }
  };
  walk(root, 0);
  return out;
}

/** Odd shapes: the kinds of damage real senders produce, and those the fast path must defer on. */
const MUTATIONS: ((r: () => number, c: J, k: string | number) => void)[] = [
  (_r, c, k) => {
    if (Array.isArray(c)) c.splice(k as number, 1);
    else delete c[k];
  },
  (_r, c, k) => {
    c[k] = null;
  },
  (_r, c, k) => {
    c[k] = [c[k]];
  },
  (_r, c, k) => {
    const v = c[k];
    if (Array.isArray(v) && v.length > 0) c[k] = v[0];
  },
  (_r, c, k) => {
    const v = c[k];
    if (Array.isArray(v) && v.length > 0) v.push(clone(v[0]));
  },
  (r, c, k) => {
    c[k] = pick(r, [42, 0, -1, 1.25, true, false, "", "x", "HH", "AMB", "27113001", {}, [], "0505209996"]);
  },
  (_r, c, k) => {
    if (typeof k === "string" && typeof c[k] !== "object") {
      c["_" + k] = { extension: [{ url: "http://example.org/x", valueString: "y" }] };
    }
  },
  (_r, c, k) => {
    if (typeof k === "string" && typeof c[k] !== "object") {
      c["_" + k] = { extension: [{ url: "http://example.org/x", valueString: "y" }] };
      delete c[k];
    }
  },
  (r, c, k) => {
    const v = c[k];
    if (typeof v === "string") c[k] = pick(r, [v.toUpperCase(), ` ${v}`, v + "x", v.slice(0, -1)]);
  },
  (r, c) => {
    if (!Array.isArray(c)) c[pick(r, ["foo", "valueString", "dataAbsentReason", "valueQuantity", "_code"])] = pick(r, ["x", { text: "y" }, 5]);
  },
];

/** Apply 1-3 random odd-shape mutations to a copy of `report`. */
export function mutate(r: () => number, report: J): J {
  const b = clone(report);
  const times = 1 + Math.floor(r() * 3);
  for (let t = 0; t < times; t++) {
    const s = slots(b);
    if (s.length === 0) break;
    const [c, k] = pick(r, s);
    pick(r, MUTATIONS)(r, c, k);
  }
  return b;
}

/** Targeted odd shapes on the paths the mandatory invariants read. */
export function oddShapes(report: J): J[] {
  const out: J[] = [];
  const enc = () => report.entry.findIndex((e: J) => e.resource?.resourceType === "Encounter");
  const obs = () => report.entry.findIndex((e: J) => e.resource?.resourceType === "Observation");
  const variants: ((b: J) => void)[] = [
    (b) => (b.entry = b.entry[0]),
    (b) => (b.entry[enc()].resource = [b.entry[enc()].resource]),
    (b) => (b.entry[enc()].resource.type = b.entry[enc()].resource.type[0]),
    (b) => (b.entry[enc()].resource.type[0].coding = b.entry[enc()].resource.type[0].coding[0]),
    (b) => b.entry[enc()].resource.type[0].coding.push({ system: SYSTEM.FBOE, code: VISIT.twoMonths }),
    (b) => b.entry[enc()].resource.type.push({ coding: [{ code: VISIT.twoMonths }] }),
    (b) => (b.entry[enc()].resource.class = [b.entry[enc()].resource.class]),
    (b) => (b.entry[enc()].resource.class.code = 7),
    (b) => (b.entry[enc()].resource.class._code = { extension: [{ url: "http://x", valueString: "y" }] }),
    (b) => (b.entry[enc()].resource.type[0].coding[0]._code = { extension: [{ url: "http://x", valueString: "y" }] }),
    (b) => delete b.entry[enc()].resource.resourceType,
    (b) => (b.entry[enc()].resource.resourceType = 5),
    (b) => (b.entry[obs()].resource.code = [b.entry[obs()].resource.code]),
    (b) => (b.entry[obs()].resource.code.coding[0].code = [b.entry[obs()].resource.code.coding[0].code]),
    (b) => (b.entry[obs()].resource.code.coding[0].code = 27113001),
    (b) => b.entry.push(null),
    (b) => b.entry.push("x"),
    (b) => (b.entry[enc()].resource.class = null),
    (b) => (b.entry[enc()].resource.type[0].coding[0].code = null),
    (b) => {
      const c = b.entry[enc()].resource.type[0].coding[0];
      c._code = { extension: [{ url: "http://x", valueString: "y" }] };
      delete c.code;
    },
    (b) => {
      const c = b.entry[enc()].resource.class;
      c._code = { extension: [{ url: "http://x", valueString: "y" }] };
      delete c.code;
    },
    (b) => b.entry[enc()].resource.type[0].coding.unshift({ _code: { extension: [{ url: "http://x", valueString: "y" }] } }),
    (b) => {
      const c = b.entry[obs()].resource.code.coding[0];
      c._code = { extension: [{ url: "http://x", valueString: "y" }] };
      delete c.code;
    },
    (b) => (b.entry[obs()].resource.code.coding[0]._code = { extension: [{ url: "http://x", valueString: "y" }] }),
    (b) => (b.entry[enc()].resource.class._code = [{ extension: [] }]),
  ];
  for (const v of variants) {
    const b = clone(report);
    try {
      if (enc() >= 0 && obs() >= 0) v(b);
      out.push(b);
    } catch {
      /* variant not applicable */
    }
  }
  return out;
}
