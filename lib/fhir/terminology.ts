/**
 * Terminology of KLChildren (FBU) 2.1.0 for the validator, built once at module
 * load from `data/terminology.json` (a copy of shared/reference/fbu/terminology.json).
 *
 * Everything the validator needs for required bindings, fixed codes and
 * questionnaire answers is exposed as plain Sets/Maps so lookups cost O(1).
 */
import terminologyJson from "./data/terminology.json";

interface CodeJson {
  system: string;
  code: string;
  display?: string;
  english?: string;
}

interface QuestionnaireItemJson {
  linkId: string;
  type: "integer" | "boolean" | "choice" | "string";
  min?: number;
  max?: number;
  answerOptions?: string[];
  is_total_score?: boolean;
}

interface TerminologyJson {
  systems: Record<string, { url: string }>;
  canonical_urls: {
    profiles: Record<string, string>;
    extensions: Record<string, string>;
    questionnaires: Record<string, string>;
  };
  encounter_types: { codes: (CodeJson & { kind: string; standard_visit: boolean })[] };
  encounter_classes: {
    from_hl7_valueset: { system: string; codes_r4_expansion: { code: string; display: string }[] };
    kl_codes: CodeJson[];
  };
  indicators: {
    profiles: {
      profile_id: string;
      profile_url: string;
      english: string;
      subject: string;
      observation_code: CodeJson;
      value_binding: { value_set: { id: string; url: string } };
      values: CodeJson[];
    }[];
  };
  measurements: {
    weight: { codes: CodeJson[]; units: { codes: CodeJson[] } };
    height: { codes: CodeJson[]; snomed_code_binding: { codes: CodeJson[] }; units: { fixed_code: string } };
    head_circumference: { codes: CodeJson[]; units: { fixed_code: string } };
  };
  feeding: { codes: CodeJson[]; value: { codes: CodeJson[] } };
  exam_results: { code: CodeJson; codes: CodeJson[] };
  interventions: {
    code: { groups: { codes: CodeJson[] }[] };
    reason: { excluded_codes: CodeJson[]; additional_codes: CodeJson[]; expanded_count: number };
  };
  finding_informer: { extension_url: string; codes: CodeJson[] };
  data_absent_reason: { system: string; r4_codes: string[] };
  questionnaires: {
    list: { id: string; canonical: string; abbreviation: string; items: QuestionnaireItemJson[] }[];
  };
}

const T = terminologyJson as unknown as TerminologyJson;

export const SYSTEM = {
  FBOE: T.systems.FBOE.url,
  CARE_SOCIAL: T.systems.CareSocialCodes.url,
  SNOMED: T.systems.SNOMED_CT.url,
  LOINC: T.systems.LOINC.url,
  UCUM: T.systems.UCUM.url,
  CPR: T.systems.CPR.url,
  SOR: T.systems.SOR.url,
  SCHOOL: T.systems.school_institution_register.url,
  V3_ACT: T.systems.v3_ActCode.url,
  V3_ROLE: T.systems.v3_RoleCode.url,
  OBS_CATEGORY: T.systems.observation_category.url,
  DATA_ABSENT: T.systems.data_absent_reason.url,
  LINK_TYPE: T.systems.link_type.url,
} as const;

export const PROFILE = T.canonical_urls.profiles;
export const PROFILE_URL = {
  deliveryReport: PROFILE["klgateway-children-delivery-report"],
  incrementalDelivery: PROFILE["klgateway-children-incremental-delivery"],
  citizen: PROFILE["klgateway-children-citizen"],
  relatedParent: PROFILE["klgateway-children-related-parent"],
  encounter: PROFILE["klgateway-children-encounter"],
  location: PROFILE["klgateway-children-location"],
  intervention: PROFILE["klgateway-children-intervention"],
  questionnaireResponse: PROFILE["klgateway-children-questionnaire-response"],
  weight: PROFILE["klgateway-children-bodyweight"],
  height: PROFILE["klgateway-children-bodyheight"],
  headCircumference: PROFILE["klgateway-children-headcircum"],
  feeding: PROFILE["klgateway-children-feeding-observation"],
  examResult: PROFILE["klgateway-children-exam-result"],
  indicator: PROFILE["klgateway-children-indicator"],
} as const;

export const EXTENSION_URL = {
  basedOnIntervention: T.canonical_urls.extensions.BasedOnInterventionExtension,
  findingInformer: T.canonical_urls.extensions.FindingInformer,
} as const;

/** Every profile URL the guide defines, mapped to its id. */
export const KNOWN_PROFILE_IDS: ReadonlyMap<string, string> = new Map(
  Object.entries(PROFILE).map(([id, url]) => [url, id]),
);

export interface CodeInfo {
  code: string;
  display: string;
  english: string;
}

function codeKey(system: string, code: string): string {
  return system + "|" + code;
}

// ---------------------------------------------------------------- encounter

export const ENCOUNTER_TYPES: ReadonlyMap<string, CodeInfo & { kind: string }> = new Map(
  T.encounter_types.codes.map((c) => [
    c.code,
    { code: c.code, display: c.display ?? c.code, english: c.english ?? c.display ?? c.code, kind: c.kind },
  ]),
);

/** EncounterClassCodes: all of v3 ActEncounterCode plus the two KL codes, as `system|code`. */
export const ENCOUNTER_CLASSES: ReadonlySet<string> = new Set([
  ...T.encounter_classes.from_hl7_valueset.codes_r4_expansion.map((c) =>
    codeKey(T.encounter_classes.from_hl7_valueset.system, c.code),
  ),
  ...T.encounter_classes.kl_codes.map((c) => codeKey(c.system, c.code)),
]);

export function isEncounterClass(system: unknown, code: unknown): boolean {
  return typeof system === "string" && typeof code === "string" && ENCOUNTER_CLASSES.has(codeKey(system, code));
}

// ---------------------------------------------------------------- indicators

export interface IndicatorProfile {
  id: string;
  url: string;
  /** FBOE observation code fixed by the profile. */
  code: string;
  display: string;
  english: string;
  valueSetId: string;
  /** Allowed FBOE value codes. */
  values: ReadonlySet<string>;
}

export const INDICATORS: readonly IndicatorProfile[] = T.indicators.profiles.map((p) => ({
  id: p.profile_id,
  url: p.profile_url,
  code: p.observation_code.code,
  display: p.observation_code.display ?? p.observation_code.code,
  english: p.english,
  valueSetId: p.value_binding.value_set.id,
  values: new Set(p.values.map((v) => v.code)),
}));

export const INDICATOR_BY_CODE: ReadonlyMap<string, IndicatorProfile> = new Map(INDICATORS.map((p) => [p.code, p]));
export const INDICATOR_BY_URL: ReadonlyMap<string, IndicatorProfile> = new Map(INDICATORS.map((p) => [p.url, p]));

// ---------------------------------------------------------------- measurements

export const LOINC_WEIGHT = T.measurements.weight.codes.find((c) => c.system === SYSTEM.LOINC)!.code; // 29463-7
export const SCT_WEIGHT = T.measurements.weight.codes.find((c) => c.system === SYSTEM.SNOMED)!.code; // 27113001
export const WEIGHT_UNITS: ReadonlySet<string> = new Set(T.measurements.weight.units.codes.map((c) => c.code));
export const LOINC_HEIGHT = T.measurements.height.codes.find((c) => c.system === SYSTEM.LOINC)!.code; // 8302-2
export const SCT_HEIGHT: ReadonlySet<string> = new Set(T.measurements.height.snomed_code_binding.codes.map((c) => c.code));
export const HEIGHT_UNIT = T.measurements.height.units.fixed_code; // cm
export const LOINC_HEAD = T.measurements.head_circumference.codes.find((c) => c.system === SYSTEM.LOINC)!.code; // 9843-4
export const SCT_HEAD = T.measurements.head_circumference.codes.find((c) => c.system === SYSTEM.SNOMED)!.code; // 363812007
export const HEAD_UNIT = T.measurements.head_circumference.units.fixed_code; // cm

// ---------------------------------------------------------------- feeding, exam results

export const FEEDING_FBOE = T.feeding.codes.find((c) => c.system === SYSTEM.FBOE)!.code; // e61e4dab-…
export const FEEDING_SCT = T.feeding.codes.find((c) => c.system === SYSTEM.SNOMED)!.code; // 169740003
export const FEEDING_VALUES: ReadonlySet<string> = new Set(T.feeding.value.codes.map((c) => c.code));

export const EXAM_RESULT_CODE = T.exam_results.code.code; // 363788007
export const EXAM_RESULTS: ReadonlySet<string> = new Set(T.exam_results.codes.map((c) => c.code));

// ---------------------------------------------------------------- interventions

export const INTERVENTIONS: ReadonlySet<string> = new Set(
  T.interventions.code.groups.flatMap((g) => g.codes.map((c) => c.code)),
);

/** KLHealthNurseConditions: ExamResults minus the excluded codes plus the additional codes. */
export const CONDITIONS: ReadonlySet<string> = (() => {
  const s = new Set(EXAM_RESULTS);
  for (const c of T.interventions.reason.excluded_codes) s.delete(c.code);
  for (const c of T.interventions.reason.additional_codes) s.add(c.code);
  return s;
})();
export const CONDITIONS_EXPECTED_COUNT = T.interventions.reason.expanded_count;

// ---------------------------------------------------------------- misc bindings

export const FINDING_INFORMERS: ReadonlySet<string> = new Set(
  T.finding_informer.codes.map((c) => codeKey(c.system, c.code)),
);
export function isFindingInformer(system: unknown, code: unknown): boolean {
  return typeof system === "string" && typeof code === "string" && FINDING_INFORMERS.has(codeKey(system, code));
}

export const DATA_ABSENT_REASONS: ReadonlySet<string> = new Set(T.data_absent_reason.r4_codes);

/** Base FHIR R4 required bindings used by the profiles. */
export const STATUS = {
  observation: new Set(["registered", "preliminary", "final", "amended", "corrected", "cancelled", "entered-in-error", "unknown"]),
  encounter: new Set(["planned", "arrived", "triaged", "in-progress", "onleave", "finished", "cancelled", "entered-in-error", "unknown"]),
  carePlan: new Set(["draft", "active", "on-hold", "revoked", "completed", "entered-in-error", "unknown"]),
  carePlanActivity: new Set(["not-started", "scheduled", "in-progress", "on-hold", "completed", "cancelled", "stopped", "unknown", "entered-in-error"]),
  questionnaireResponse: new Set(["in-progress", "completed", "amended", "entered-in-error", "stopped"]),
  location: new Set(["active", "suspended", "inactive"]),
  identifierUse: new Set(["usual", "official", "temp", "secondary", "old"]),
  linkType: new Set(["replaced-by", "replaces", "refer", "seealso"]),
  quantityComparator: new Set(["<", "<=", ">=", ">"]),
  narrative: new Set(["generated", "extensions", "additional", "empty"]),
} as const;

// ---------------------------------------------------------------- questionnaires

export interface QuestionnaireItem {
  linkId: string;
  type: "integer" | "boolean" | "choice" | "string";
  min?: number;
  max?: number;
  options?: ReadonlySet<string>;
  isTotal: boolean;
}

export interface QuestionnaireDef {
  id: string;
  canonical: string;
  abbreviation: string;
  items: ReadonlyMap<string, QuestionnaireItem>;
  /**
   * linkIds whose integer answers add up to the `score` item, for the
   * questionnaires where the total is by construction the sum of the items
   * (EPDS, ADBB, AIMS). Empty when no such rule exists (PUF, SDQ, TOPI).
   */
  summedItems: readonly string[];
}

const SUMMED = new Set(["klgateway-children-epds", "klgateway-children-adbb", "klgateway-children-aims"]);

export const QUESTIONNAIRES: ReadonlyMap<string, QuestionnaireDef> = new Map(
  T.questionnaires.list.map((q) => {
    const items = new Map<string, QuestionnaireItem>(
      q.items.map((i) => [
        i.linkId,
        {
          linkId: i.linkId,
          type: i.type,
          min: i.min,
          max: i.max,
          options: i.answerOptions ? new Set(i.answerOptions) : undefined,
          isTotal: i.is_total_score === true,
        },
      ]),
    );
    const summedItems = SUMMED.has(q.id)
      ? q.items.filter((i) => i.is_total_score !== true && i.type === "integer").map((i) => i.linkId)
      : [];
    return [q.canonical, { id: q.id, canonical: q.canonical, abbreviation: q.abbreviation, items, summedItems }];
  }),
);
