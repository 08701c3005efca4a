/**
 * What data completeness is measured against: the standard visits of the FBU guide and the mandatory
 * observations of each (reference/fbu/mandatory-observations.json), as the receiver checks them
 * (lib/fhir/invariants.ts): the published `gateway-children-report-*` rules that work (errors), plus the
 * intended rules the published ones fail to enforce (warnings `ldbu-intended-motor-function` and
 * `ldbu-intended-parent-relationship`). The defective published motor-function rule (it tests the sleep
 * code) adds nothing beyond the sleep rule. `items.test.ts` proves this table equals the validator's rules.
 *
 * Pure data, no I/O: shared by the refresh (SQL parameters), the queries and the views; which observation is which
 * item is also defined in the database (completeness_item_bit, see ItemMatcher).
 */
import { UNIVERSAL_YEAR_ONE, VISIT } from "@/lib/indicators/codes";

export type Programme = "infant" | "school";

export interface VisitDef {
  /** FBOE encounter type code (what is stored in `encounter.type_code` and `completeness_result.visit_type`). */
  code: string;
  /** Short key for URLs and CSV files. */
  key: string;
  /** Danish name as in the guide. */
  label: string;
  /** Short Danish name for table headers. */
  short: string;
  programme: Programme;
  /** Offered to every child (coverage is measured against the register population); the others are offered by need. */
  expected: boolean;
}

/** The ten standard visits, in programme order. */
export const VISITS: readonly VisitDef[] = [
  { code: VISIT.graviditet, key: "graviditet", label: "Graviditetsbesøg", short: "Graviditet", programme: "infant", expected: false },
  { code: VISIT.barsel, key: "barsel", label: "Barselsbesøg", short: "Barsel", programme: "infant", expected: false },
  { code: VISIT.etablering, key: "etablering", label: "Etableringsbesøg", short: "Etablering", programme: "infant", expected: true },
  { code: VISIT.andetFoersteMaaned, key: "andet", label: "Andet besøg inden første måned", short: "Andet besøg", programme: "infant", expected: false },
  { code: VISIT.toMaaneder, key: "2mdr", label: "Besøg hos det ca. 2 måneder gamle barn", short: "2 mdr.", programme: "infant", expected: true },
  { code: VISIT.fireSeksMaaneder, key: "4-6mdr", label: "Besøg hos det 4-6 måneder gamle barn", short: "4–6 mdr.", programme: "infant", expected: true },
  { code: VISIT.otteElleveMaaneder, key: "8-11mdr", label: "Besøg hos det 8-11 måneder gamle barn", short: "8–11 mdr.", programme: "infant", expected: true },
  { code: VISIT.indskoling, key: "indskoling", label: "Indskolingsundersøgelse", short: "Indskoling", programme: "school", expected: true },
  { code: VISIT.mellemtrin, key: "mellemtrin", label: "Undersøgelse i mellemtrin, med måling", short: "Mellemtrin", programme: "school", expected: false },
  { code: VISIT.udskoling, key: "udskoling", label: "Udskolingsundersøgelse", short: "Udskoling", programme: "school", expected: true },
];

export const VISIT_BY_CODE: ReadonlyMap<string, VisitDef> = new Map(VISITS.map((v) => [v.code, v]));
export const VISIT_BY_KEY: ReadonlyMap<string, VisitDef> = new Map(VISITS.map((v) => [v.key, v]));
export const STANDARD_VISIT_CODES: readonly string[] = VISITS.map((v) => v.code);

/** The expected infant visits are exactly the four universal first-year visits of LDBU-09. */
export const EXPECTED_INFANT_VISITS: readonly string[] = UNIVERSAL_YEAR_ONE;
/** School visits whose cohort is in the register (LDBU-10 and LDBU-11's populations). */
export const EXPECTED_SCHOOL_VISITS: readonly string[] = [VISIT.indskoling, VISIT.udskoling];

/** Encounter classes that make a visit face to face: only these trigger the mandatory-observation rules. */
export const FACE_TO_FACE_CLASSES: readonly string[] = ["HH", "AMB"];

/** How a stored observation (lib/ingest/extract.ts normalises kinds and codes) is recognised as an item. */
export interface ItemMatcher {
  kind: "indicator" | "weight" | "height" | "head_circumference" | "feeding";
  /**
   * null: any code of that kind (heights are stored under one LOINC code whatever SNOMED code was sent); only for
   * the measurement kinds weight, height and head_circumference. The database's copy of the matchers, the SQL function
   * completeness_item_bit (prisma/migrations/20261129100000_visit_observed), must follow every change:
   * tests/integration/visit-observed.test.ts compares the two.
   */
  code: string | null;
}

export interface ItemDef {
  key: string;
  label: string;
  /** The validator's rule id(s) for this observation. */
  rule: string;
  match: readonly ItemMatcher[];
}

const FBOE = (kind: "indicator", code: string): ItemMatcher => ({ kind, code });
const NUTRITION = "e61e4dab-54bb-4bf4-9b76-8d991cf4de08";

/** The mandatory observations (order: as the guide's tables list them). */
export const ITEMS: readonly ItemDef[] = [
  { key: "parentMental", label: "Forælders psykiske tilstand", rule: "gateway-children-report-parent-mental-state", match: [FBOE("indicator", "2c39af9f-8e45-4c88-962f-e7a9e2cd31b6")] },
  { key: "parentSocial", label: "Forælders sårbarhed", rule: "gateway-children-report-parent-social-status", match: [FBOE("indicator", "58997614-ba43-4534-90bd-10c7e76802f4")] },
  { key: "network", label: "Netværk", rule: "gateway-children-report-support-network", match: [FBOE("indicator", "7e7fab2f-278a-4b14-9bc9-efc36fffcba5")] },
  { key: "relationship", label: "Forældre-barn-relation", rule: "gateway-children-report-parent-relationship", match: [FBOE("indicator", "763c6f21-5467-4713-82fb-716c9d0a1fdf")] },
  { key: "socialInteraction", label: "Social kontakt", rule: "gateway-children-report-social-interaction", match: [FBOE("indicator", "68605f88-49fb-44b9-b327-86947af6aa93")] },
  { key: "weight", label: "Vægt", rule: "gateway-children-report-weight", match: [{ kind: "weight", code: null }] },
  { key: "height", label: "Længde/højde", rule: "gateway-children-report-height", match: [{ kind: "height", code: null }] },
  { key: "head", label: "Hovedomfang", rule: "gateway-children-report-head-circumference", match: [{ kind: "head_circumference", code: null }] },
  { key: "passiveSmoking", label: "Passiv rygning", rule: "gateway-children-report-passive-smoking", match: [FBOE("indicator", "28972d4b-fea3-42ec-b2a5-e2a26f79b14d")] },
  { key: "nutrition", label: "Ernæring", rule: "gateway-children-report-nutrition", match: [{ kind: "feeding", code: NUTRITION }, FBOE("indicator", NUTRITION)] },
  { key: "nicotine", label: "Brug af nikotin", rule: "gateway-children-report-nicotine", match: [FBOE("indicator", "76891f7b-cf49-4cb2-88d6-728a509eb75d")] },
  { key: "communication", label: "Kommunikation", rule: "gateway-children-report-communication", match: [FBOE("indicator", "653c2b0b-bb64-4906-888b-aea6fef3c3f8")] },
  { key: "sleep", label: "Søvn", rule: "gateway-children-report-sleep", match: [FBOE("indicator", "73f981f8-455a-4158-b435-7c6d83ab84da")] },
  { key: "motor", label: "Motorik", rule: "ldbu-intended-motor-function", match: [FBOE("indicator", "e04f2ca1-888a-4671-a97a-371b525cd2a3")] },
  { key: "physicalActivity", label: "Fysisk aktivitet", rule: "gateway-children-report-physical-activity", match: [FBOE("indicator", "b331fe02-a781-4abd-b6db-9331d6a69b15")] },
  { key: "hearing", label: "Hørelse", rule: "gateway-children-report-hearing", match: [FBOE("indicator", "a22c4b53-b622-4394-ba13-910a7b0d7b0d")] },
  { key: "sight", label: "Syn", rule: "gateway-children-report-sight", match: [FBOE("indicator", "01fddd46-ed7c-423d-b191-ffdd977dd61e")] },
];

/** SQL for a stored observation `o`: the bit of the mandatory item it is (bit i = the (i+1)th of ITEMS), or null. */
export const ITEM_BIT_SQL = "completeness_item_bit(o.kind, o.code)";
/** SQL for a stored observation `o`: whether it was sent with a value (else with a data-absent reason). */
export const HAS_VALUE_SQL = "(o.value_code IS NOT NULL OR o.value_quantity IS NOT NULL)";

export const ITEM_BY_KEY: ReadonlyMap<string, ItemDef> = new Map(ITEMS.map((i) => [i.key, i]));

/** A mandatory observation of one visit: enforced (the report is rejected without it) or intended (a warning). */
export interface VisitItem {
  item: string;
  enforced: boolean;
  /** The rule id the receiver reports when the observation is absent from the report. */
  rule: string;
}

const E = (item: string): VisitItem => ({ item, enforced: true, rule: ITEM_BY_KEY.get(item)!.rule });
const W = (item: string, rule: string): VisitItem => ({ item, enforced: false, rule });
const MOTOR_WARNING = "ldbu-intended-motor-function";
const RELATIONSHIP_WARNING = "ldbu-intended-parent-relationship";

/** Mandatory observations per standard visit. */
export const VISIT_ITEMS: ReadonlyMap<string, readonly VisitItem[]> = new Map<string, VisitItem[]>([
  [VISIT.graviditet, [E("parentMental"), E("parentSocial"), E("network")]],
  [VISIT.barsel, [E("relationship"), E("weight"), E("nutrition")]],
  [VISIT.etablering, [E("parentSocial"), E("network"), E("relationship"), E("weight"), E("height"), E("head"), E("passiveSmoking"), E("nutrition")]],
  [VISIT.andetFoersteMaaned, [E("relationship"), E("weight"), E("height"), E("head"), E("nutrition"), E("communication")]],
  [VISIT.toMaaneder, [E("parentMental"), E("socialInteraction"), E("relationship"), E("weight"), E("height"), E("head"), E("nutrition"), E("communication"), E("sleep"), W("motor", MOTOR_WARNING)]],
  [VISIT.fireSeksMaaneder, [E("socialInteraction"), E("relationship"), E("weight"), E("height"), E("head"), E("nutrition"), E("communication"), E("sleep"), W("motor", MOTOR_WARNING)]],
  [VISIT.otteElleveMaaneder, [E("socialInteraction"), W("relationship", RELATIONSHIP_WARNING), E("weight"), E("height"), E("head"), E("nutrition"), E("communication"), E("sleep"), W("motor", MOTOR_WARNING)]],
  [VISIT.indskoling, [E("socialInteraction"), E("weight"), E("height"), E("nutrition"), E("communication"), E("sleep"), W("motor", MOTOR_WARNING), E("physicalActivity"), E("hearing"), E("sight")]],
  [VISIT.mellemtrin, [E("weight"), E("height")]],
  [VISIT.udskoling, [E("socialInteraction"), E("weight"), E("height"), E("nicotine"), E("nutrition"), E("communication"), E("sleep"), E("physicalActivity"), E("hearing"), E("sight")]],
]);

export function visitItems(visitCode: string): readonly VisitItem[] {
  return VISIT_ITEMS.get(visitCode) ?? [];
}

/** Danish names of the data-absent reasons (FHIR R4 data-absent-reason); unknown codes are shown as they are. */
export const ABSENT_REASON_LABELS: Readonly<Record<string, string>> = {
  unknown: "Ukendt",
  "asked-unknown": "Spurgt, men ukendt",
  "temp-unknown": "Midlertidigt ukendt",
  "not-asked": "Ikke spurgt",
  "asked-declined": "Spurgt, men afvist",
  masked: "Maskeret",
  "not-applicable": "Ikke relevant",
  unsupported: "Ikke understøttet",
  "as-text": "Som tekst",
  error: "Fejl",
  "not-a-number": "Ikke et tal",
  "negative-infinity": "Negativ uendelig",
  "positive-infinity": "Positiv uendelig",
  "not-performed": "Ikke udført",
  "not-permitted": "Ikke tilladt",
};

export function absentReasonLabel(code: string): string {
  return ABSENT_REASON_LABELS[code] ?? code;
}

/** The 2-day rule of the guide: a visit is reported in time when the report arrives at most 48 hours after the visit started. */
export const TIMELY_HOURS = 48;
