/**
 * Deliberate imperfections: invalid first attempts of realistic kinds (each with the rule that must
 * reject it), and the vocabulary of the manifest. The decision *which* report is defective, and the
 * parameters of the defect, are drawn during the simulation (life.ts); applying a defect to a built
 * Bundle is pure and happens here.
 *
 * Rule ids follow the validator (lib/fhir/outcome.ts): the guide's invariant ids where the guide
 * has one, otherwise LDBU's `ldbu-…` ids.
 */
import { INDICATORS, INVARIANT_CODES, INVARIANT_FOR, type IndicatorKey, type ObsKey } from "./codes";
import { fullUrl, type DeliveryReport, type Resource } from "./fhir";
import type { Rng } from "./random";

export type DefectKind =
  | "missing-mandatory"
  | "obs-1"
  | "obs-2"
  | "obs-6"
  | "cpr"
  | "min-digits-sor"
  | "reference"
  | "binding"
  | "unit"
  | "forbidden-element";

export interface Defect {
  kind: DefectKind;
  /** The rule (OperationOutcome details.coding code) that must reject the report. */
  ruleId: string;
  /** Human-readable reason, for the manifest. */
  reason: string;
  /** missing-mandatory: which mandatory observation the first attempt lacks. */
  obsKey?: ObsKey;
  /** reference: the id of the (absent) encounter an observation points at. */
  danglingId?: string;
  /** binding: the wrong indicator whose value set the value is taken from. */
  wrongValueFrom?: IndicatorKey;
}

/** What a report contains, so that only applicable defects are chosen. */
export interface ReportFeatures {
  /** Enforced mandatory observations present (face-to-face standard visit), by key. */
  enforcedPresent: ObsKey[];
  hasMeasurementValue: boolean;
  hasWeightValue: boolean;
  hasIndicatorValue: boolean;
  hasChildCitizen: boolean;
  hasEncounterLinkedObs: boolean;
}

const WEIGHTS: Record<DefectKind, number> = {
  "missing-mandatory": 36,
  "obs-1": 10,
  "obs-2": 8,
  "obs-6": 5,
  cpr: 7,
  "min-digits-sor": 5,
  reference: 9,
  binding: 8,
  unit: 5,
  "forbidden-element": 7,
};

function applicable(kind: DefectKind, f: ReportFeatures): boolean {
  switch (kind) {
    case "missing-mandatory":
      return f.enforcedPresent.length > 0;
    case "obs-1":
      return f.hasMeasurementValue;
    case "obs-2":
    case "obs-6":
    case "binding":
      return f.hasIndicatorValue;
    case "cpr":
    case "forbidden-element":
      return f.hasChildCitizen;
    case "min-digits-sor":
      return true;
    case "reference":
      return f.hasEncounterLinkedObs;
    case "unit":
      return f.hasWeightValue;
  }
}

const REASONS: Record<Exclude<DefectKind, "missing-mandatory">, { ruleId: string; reason: string }> = {
  "obs-1": { ruleId: "obs-1", reason: "measurement sent with more than one decimal (weight converted to kg with three decimals, or a length with two)" },
  "obs-2": { ruleId: "obs-2", reason: "indicator observation without value and without dataAbsentReason" },
  "obs-6": { ruleId: "obs-6", reason: "indicator observation with both a value and a dataAbsentReason" },
  cpr: { ruleId: "cpr", reason: "child's CPR number sent formatted with a hyphen (DDMMYY-SSSS)" },
  "min-digits-sor": { ruleId: "min-digits-sor", reason: "custodian SOR code truncated to 9 digits" },
  reference: { ruleId: "ldbu-reference", reason: "observation refers to an Encounter (an earlier visit) that is not in the Bundle" },
  binding: { ruleId: "ldbu-binding", reason: "indicator value taken from another indicator's value set (vendor mapping error)" },
  unit: { ruleId: "ldbu-unit", reason: "weight sent with the non-UCUM unit 'gram'" },
  "forbidden-element": { ruleId: "ldbu-forbidden-element", reason: "child's Citizen sent with gender and birthDate, which the citizen profile forbids" },
};

const INDICATOR_KEYS = Object.keys(INDICATORS) as IndicatorKey[];

/** Draw a defect applicable to a report with the given features (null if none applies). */
export function drawDefect(r: Rng, f: ReportFeatures): Defect | null {
  const kinds = (Object.keys(WEIGHTS) as DefectKind[]).filter((k) => applicable(k, f));
  if (kinds.length === 0) return null;
  const kind = r.weighted(kinds, kinds.map((k) => WEIGHTS[k]));
  if (kind === "missing-mandatory") {
    const obsKey = r.pick(f.enforcedPresent);
    const ruleId = INVARIANT_FOR[obsKey];
    return { kind, obsKey, ruleId, reason: `mandatory observation '${obsKey}' missing from a face-to-face standard visit (first attempt; resent later)` };
  }
  const d: Defect = { kind, ...REASONS[kind] };
  if (kind === "reference") d.danglingId = r.uuid();
  if (kind === "binding") d.wrongValueFrom = r.pick(INDICATOR_KEYS);
  return d;
}

function observations(b: DeliveryReport): Resource[] {
  return b.entry.map((e) => e.resource).filter((r) => r.resourceType === "Observation");
}

function codesOf(r: Resource): string[] {
  const code = r.code as { coding?: { code?: string }[] } | undefined;
  return (code?.coding ?? []).map((c) => c.code ?? "");
}

function profileOf(r: Resource): string {
  return ((r.meta as { profile?: string[] } | undefined)?.profile ?? [])[0] ?? "";
}

function isIndicator(r: Resource): boolean {
  const p = profileOf(r);
  return INDICATOR_KEYS.some((k) => p.endsWith(`/${INDICATORS[k].profile}`));
}

function indicatorKeyOf(r: Resource): IndicatorKey | undefined {
  const p = profileOf(r);
  return INDICATOR_KEYS.find((k) => p.endsWith(`/${INDICATORS[k].profile}`));
}

const isMeasurement = (r: Resource) => /klgateway-children-(bodyweight|bodyheight|headcircum)$/.test(profileOf(r));
const isWeight = (r: Resource) => profileOf(r).endsWith("klgateway-children-bodyweight");

function firstPatient(b: DeliveryReport, child: boolean): Resource | undefined {
  return b.entry.map((e) => e.resource).find((r) => r.resourceType === "Patient" && (child ? r.active === true : true));
}

/** Apply a defect to a freshly built report (mutates it). */
export function applyDefect(b: DeliveryReport, d: Defect): void {
  const obs = observations(b);
  switch (d.kind) {
    case "missing-mandatory": {
      const codes = new Set(INVARIANT_CODES[d.obsKey!]);
      b.entry = b.entry.filter((e) => !(e.resource.resourceType === "Observation" && codesOf(e.resource).some((c) => codes.has(c))));
      return;
    }
    case "obs-1": {
      const m = obs.find((o) => isMeasurement(o) && o.valueQuantity !== undefined)!;
      const q = m.valueQuantity as { value: number; unit: string; code: string };
      if (q.unit === "g") {
        // grams converted to kilograms with three decimals; make sure at least two are significant
        let v = q.value;
        if (v % 100 === 0) v += 35;
        else if (v % 10 === 0) v += 5;
        q.value = v / 1000;
        q.unit = "kg";
        q.code = "kg";
      } else {
        q.value = Math.round((Math.floor(q.value * 10) / 10 + 0.05) * 100) / 100;
        if (!/\.\d\d$/.test(String(q.value))) q.value = Math.floor(q.value) + 0.25;
      }
      return;
    }
    case "obs-2": {
      const o = obs.find((x) => isIndicator(x) && x.valueCodeableConcept !== undefined)!;
      delete o.valueCodeableConcept;
      return;
    }
    case "obs-6": {
      const o = obs.find((x) => isIndicator(x) && x.valueCodeableConcept !== undefined)!;
      o.dataAbsentReason = { coding: [{ system: "http://terminology.hl7.org/CodeSystem/data-absent-reason", code: "unknown" }] };
      return;
    }
    case "cpr": {
      const p = firstPatient(b, true)!;
      const id = (p.identifier as { value: string }[])[0]!;
      id.value = `${id.value.slice(0, 6)}-${id.value.slice(6)}`;
      return;
    }
    case "min-digits-sor": {
      for (const e of b.entry) {
        if (e.resource.resourceType !== "Patient") continue;
        const mo = e.resource.managingOrganization as { identifier: { value: string } };
        mo.identifier.value = mo.identifier.value.slice(0, 9);
      }
      return;
    }
    case "reference": {
      const o = obs.find((x) => x.encounter !== undefined)!;
      o.encounter = { reference: fullUrl("Encounter", d.danglingId!) };
      return;
    }
    case "binding": {
      const o = obs.find((x) => isIndicator(x) && x.valueCodeableConcept !== undefined)!;
      const own = indicatorKeyOf(o)!;
      let from = d.wrongValueFrom!;
      if (from === own || INDICATORS[from].values[0]!.code === INDICATORS[own].values[0]!.code) from = own === "motor" ? "sleep" : "motor";
      const v = INDICATORS[from].values[0]!;
      o.valueCodeableConcept = { coding: [{ system: "http://fhir.kl.dk/term/CodeSystem/FBOE", code: v.code, display: v.display }] };
      return;
    }
    case "unit": {
      const o = obs.find((x) => isWeight(x) && x.valueQuantity !== undefined)!;
      const q = o.valueQuantity as { unit: string; code: string };
      q.unit = "gram";
      q.code = "gram";
      return;
    }
    case "forbidden-element": {
      const p = firstPatient(b, true)!;
      // insert after identifier, as a journal exporting demographics would
      const copy: Resource = { resourceType: p.resourceType, id: p.id };
      for (const [k, v] of Object.entries(p)) {
        copy[k] = v;
        if (k === "identifier") {
          copy.gender = "unknown";
          copy.birthDate = "2000-01-01";
        }
      }
      const entry = b.entry.find((e) => e.resource === p)!;
      entry.resource = copy;
      return;
    }
  }
}

/** Features of a report as built (used to choose an applicable defect). */
export function reportFeatures(b: DeliveryReport, enforcedPresent: ObsKey[]): ReportFeatures {
  const obs = observations(b);
  return {
    enforcedPresent,
    hasMeasurementValue: obs.some((o) => isMeasurement(o) && o.valueQuantity !== undefined),
    hasWeightValue: obs.some((o) => isWeight(o) && o.valueQuantity !== undefined),
    hasIndicatorValue: obs.some((o) => isIndicator(o) && o.valueCodeableConcept !== undefined),
    hasChildCitizen: b.entry.some((e) => e.resource.resourceType === "Patient" && e.resource.active === true),
    hasEncounterLinkedObs: obs.some((o) => o.encounter !== undefined),
  };
}
