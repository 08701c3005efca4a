/**
 * The guide's invariants: the published FHIRPath expressions as data, their compiled
 * fhirpath.js evaluation (the reference semantics), and a fast path that is equivalent to it.
 *
 * Reference semantics. Every expression below is the text published in KLChildren 2.1.0
 * (hl7dk/kl-children, input/fsh/deliveryReport.fsh, observation/questionnaire-response FSH) or
 * dk-core 3.2.0, compiled once at module load with fhirpath.js 5.2.2 and the R4 model. Calling
 * `evaluateMandatory(bundle, "reference")` / `evaluateNode(inv, node, "reference")` evaluates
 * exactly those expressions.
 *
 * Fast path. fhirpath.js needs ~0.3-0.5 ms per mandatory-observation invariant on a normal
 * report, so the validator evaluates them with hand-written code:
 *
 *  - The 17 mandatory-observation invariants all have one shape (checked at module load: each
 *    published text is re-generated from the codes extracted from it and must match
 *    character for character, after whitespace normalisation):
 *
 *      entry.select((resource as Encounter).where((type.coding.code = T1 or …)
 *        and (class.code = 'HH' or class.code = 'AMB'))).exists()
 *      implies entry.select((resource as Observation).code.coding.where(code = C)).exists()
 *      (height: `implies (… code = C1 … or … code = C2 … or … code = C3 …)`)
 *
 *    FHIRPath semantics that the fast path reproduces: `type.coding.code` is the collection of
 *    every code of every coding of every type; `=` between that collection and a string literal
 *    is true only when the collection has exactly one item equal to the literal (several items
 *    give false, none gives empty), so `where` keeps an Encounter iff it has exactly one type
 *    code, that code is a trigger, and it has exactly one class code that is HH or AMB.
 *    `resource as Encounter` keeps resources whose resourceType is "Encounter". The right-hand
 *    side is true iff some Observation entry has a coding whose (single) code equals C.
 *    Nothing else (code systems, status, subject, encounter link, value) is looked at.
 *    One pass over the entries collects the triggering encounters and the observation codes; each
 *    rule is then two set lookups.
 *
 *  - Node invariants (obs-1, obs-2, obs-6, dk-core-observation-mandatory-units, cpr,
 *    min-digits-sor, questionnaire-response-string-length) are re-implemented directly; the
 *    `matches()` ones use the very regex text of the expression with the flags fhirpath.js uses
 *    (`u` and `s`), and obs-1 uses JavaScript's number-to-string, which is what fhirpath.js's
 *    toString() produces for decimals.
 *
 *  Whenever the input has a shape the fast path does not model (a single object where FHIR
 *  has an array, `_code` primitive extensions, non-string codes, arrays where a single value
 *  belongs, …) the fast path returns `undefined` and the compiled published expression is
 *  evaluated instead. So the fast path only ever answers on shapes it models, and
 *  invariants.test.ts checks it against fhirpath.js on the examples and thousands of generated
 *  and mutated reports (including those odd shapes).
 *
 * `gateway-children-report-1` uses `conformsTo()`, which fhirpath.js does not implement; like the
 * reference check of the examples, it is evaluated structurally (profiles/observation.ts).
 */
import fhirpath from "fhirpath";
import r4 from "fhirpath/fhir-context/r4";
import terminologyJson from "./data/terminology.json";

/** Result of a FHIRPath boolean expression: true, false, or empty (null). */
export type Tri = boolean | null;
export type Engine = "fast" | "reference";

// ================================================================== mandatory observations

/** The 17 published mandatory-observation invariants of klgateway-children-delivery-report, verbatim. */
export const PUBLISHED_MANDATORY: Readonly<Record<string, string>> = {
  "gateway-children-report-parent-mental-state": `entry.select((resource as Encounter).where(
    (type.coding.code = 'd3c00541-f1d3-4c43-b5fc-16e8914ca1df'
    or type.coding.code = '51f30d1c-d60e-4e3e-ac22-ec9712ea962d')
    and
    (class.code = 'HH'
    or class.code = 'AMB'))).exists() implies 
    entry.select((resource as Observation).code.coding.where(code = '2c39af9f-8e45-4c88-962f-e7a9e2cd31b6')).exists()`,
  "gateway-children-report-parent-social-status": `entry.select((resource as Encounter).where(
    (type.coding.code = 'd3c00541-f1d3-4c43-b5fc-16e8914ca1df'
    or type.coding.code = 'b4bf6058-502a-4d64-bb8e-369661f43b47')
    and
    (class.code = 'HH'
    or class.code = 'AMB'))).exists() implies 
    entry.select((resource as Observation).code.coding.where(code = '58997614-ba43-4534-90bd-10c7e76802f4')).exists()`,
  "gateway-children-report-support-network": `entry.select((resource as Encounter).where(
    (type.coding.code = 'd3c00541-f1d3-4c43-b5fc-16e8914ca1df'
    or type.coding.code = 'b4bf6058-502a-4d64-bb8e-369661f43b47')
    and
    (class.code = 'HH'
    or class.code = 'AMB'))).exists() implies 
    entry.select((resource as Observation).code.coding.where(code = '7e7fab2f-278a-4b14-9bc9-efc36fffcba5')).exists()`,
  "gateway-children-report-social-interaction": `entry.select((resource as Encounter).where(
    (type.coding.code = '51f30d1c-d60e-4e3e-ac22-ec9712ea962d'
    or type.coding.code = '58ff370b-a775-4bec-b24a-91604e0a5fe7'
    or type.coding.code = '3f3e6489-31bd-44cf-9920-3c632868feb7'
    or type.coding.code = 'c06ed6f1-be9d-460e-a45e-34821bcbd533'
    or type.coding.code = 'dd766967-4d02-4c17-8ed3-021852785fdf')
    and
    (class.code = 'HH'
    or class.code = 'AMB'))).exists() implies 
    entry.select((resource as Observation).code.coding.where(code = '68605f88-49fb-44b9-b327-86947af6aa93')).exists()`,
  "gateway-children-report-parent-relationship": `entry.select((resource as Encounter).where(
    (type.coding.code = '7d35a193-e808-4e77-b361-6c0d114d021f'
    or type.coding.code = 'b4bf6058-502a-4d64-bb8e-369661f43b47'
    or type.coding.code = '563c4174-f451-4c87-8db8-8d5472ca7ff6'
    or type.coding.code = '51f30d1c-d60e-4e3e-ac22-ec9712ea962d'
    or type.coding.code = '58ff370b-a775-4bec-b24a-91604e0a5fe7')
    and
    (class.code = 'HH'
    or class.code = 'AMB'))).exists() implies 
    entry.select((resource as Observation).code.coding.where(code = '763c6f21-5467-4713-82fb-716c9d0a1fdf')).exists()`,
  "gateway-children-report-weight": `entry.select((resource as Encounter).where(
    (type.coding.code = '7d35a193-e808-4e77-b361-6c0d114d021f'
    or type.coding.code = 'b4bf6058-502a-4d64-bb8e-369661f43b47'
    or type.coding.code = '563c4174-f451-4c87-8db8-8d5472ca7ff6'
    or type.coding.code = '51f30d1c-d60e-4e3e-ac22-ec9712ea962d'
    or type.coding.code = '58ff370b-a775-4bec-b24a-91604e0a5fe7'
    or type.coding.code = '3f3e6489-31bd-44cf-9920-3c632868feb7'
    or type.coding.code = 'c06ed6f1-be9d-460e-a45e-34821bcbd533'
    or type.coding.code = 'd01bcb90-2b29-44f4-834c-191d6dd4a08a'
    or type.coding.code = 'dd766967-4d02-4c17-8ed3-021852785fdf')
    and
    (class.code = 'HH'
    or class.code = 'AMB'))).exists() implies 
    entry.select((resource as Observation).code.coding.where(code = '27113001')).exists()`,
  "gateway-children-report-height": `entry.select((resource as Encounter).where(
    (type.coding.code = 'b4bf6058-502a-4d64-bb8e-369661f43b47'
    or type.coding.code = '563c4174-f451-4c87-8db8-8d5472ca7ff6'
    or type.coding.code = '51f30d1c-d60e-4e3e-ac22-ec9712ea962d'
    or type.coding.code = '58ff370b-a775-4bec-b24a-91604e0a5fe7'
    or type.coding.code = '3f3e6489-31bd-44cf-9920-3c632868feb7'
    or type.coding.code = 'c06ed6f1-be9d-460e-a45e-34821bcbd533'
    or type.coding.code = 'd01bcb90-2b29-44f4-834c-191d6dd4a08a'
    or type.coding.code = 'dd766967-4d02-4c17-8ed3-021852785fdf')
    and
    (class.code = 'HH'
    or class.code = 'AMB'))).exists() implies (
    entry.select((resource as Observation).code.coding.where(code = '1153637007')).exists()
    or entry.select((resource as Observation).code.coding.where(code = '248333004')).exists()
    or entry.select((resource as Observation).code.coding.where(code = '1149101003')).exists())`,
  "gateway-children-report-head-circumference": `entry.select((resource as Encounter).where(
    (type.coding.code = 'b4bf6058-502a-4d64-bb8e-369661f43b47'
    or type.coding.code = '563c4174-f451-4c87-8db8-8d5472ca7ff6'
    or type.coding.code = '51f30d1c-d60e-4e3e-ac22-ec9712ea962d'
    or type.coding.code = '58ff370b-a775-4bec-b24a-91604e0a5fe7'
    or type.coding.code = '3f3e6489-31bd-44cf-9920-3c632868feb7')
    and
    (class.code = 'HH'
    or class.code = 'AMB'))).exists() implies 
    entry.select((resource as Observation).code.coding.where(code = '363812007')).exists()`,
  "gateway-children-report-passive-smoking": `entry.select((resource as Encounter).where(
    (type.coding.code = 'b4bf6058-502a-4d64-bb8e-369661f43b47')
    and
    (class.code = 'HH'
    or class.code = 'AMB'))).exists() implies 
    entry.select((resource as Observation).code.coding.where(code = '28972d4b-fea3-42ec-b2a5-e2a26f79b14d')).exists()`,
  "gateway-children-report-nicotine": `entry.select((resource as Encounter).where(
    (type.coding.code = 'dd766967-4d02-4c17-8ed3-021852785fdf')
    and
    (class.code = 'HH'
    or class.code = 'AMB'))).exists() implies 
    entry.select((resource as Observation).code.coding.where(code = '76891f7b-cf49-4cb2-88d6-728a509eb75d')).exists()`,
  "gateway-children-report-nutrition": `entry.select((resource as Encounter).where(
    (type.coding.code = '7d35a193-e808-4e77-b361-6c0d114d021f'
    or type.coding.code = 'b4bf6058-502a-4d64-bb8e-369661f43b47'
    or type.coding.code = '563c4174-f451-4c87-8db8-8d5472ca7ff6'
    or type.coding.code = '51f30d1c-d60e-4e3e-ac22-ec9712ea962d'
    or type.coding.code = '58ff370b-a775-4bec-b24a-91604e0a5fe7'
    or type.coding.code = '3f3e6489-31bd-44cf-9920-3c632868feb7'
    or type.coding.code = 'c06ed6f1-be9d-460e-a45e-34821bcbd533'
    or type.coding.code = 'dd766967-4d02-4c17-8ed3-021852785fdf')
    and
    (class.code = 'HH'
    or class.code = 'AMB'))).exists() implies 
    entry.select((resource as Observation).code.coding.where(code = 'e61e4dab-54bb-4bf4-9b76-8d991cf4de08')).exists()`,
  "gateway-children-report-communication": `entry.select((resource as Encounter).where(
    (type.coding.code = '563c4174-f451-4c87-8db8-8d5472ca7ff6'
    or type.coding.code = '51f30d1c-d60e-4e3e-ac22-ec9712ea962d'
    or type.coding.code = '58ff370b-a775-4bec-b24a-91604e0a5fe7'
    or type.coding.code = '3f3e6489-31bd-44cf-9920-3c632868feb7'
    or type.coding.code = 'c06ed6f1-be9d-460e-a45e-34821bcbd533'
    or type.coding.code = 'dd766967-4d02-4c17-8ed3-021852785fdf')
    and
    (class.code = 'HH'
    or class.code = 'AMB'))).exists() implies 
    entry.select((resource as Observation).code.coding.where(code = '653c2b0b-bb64-4906-888b-aea6fef3c3f8')).exists()`,
  "gateway-children-report-sleep": `entry.select((resource as Encounter).where(
    (type.coding.code = '51f30d1c-d60e-4e3e-ac22-ec9712ea962d'
    or type.coding.code = '58ff370b-a775-4bec-b24a-91604e0a5fe7'
    or type.coding.code = '3f3e6489-31bd-44cf-9920-3c632868feb7'
    or type.coding.code = 'c06ed6f1-be9d-460e-a45e-34821bcbd533'
    or type.coding.code = 'dd766967-4d02-4c17-8ed3-021852785fdf')
    and
    (class.code = 'HH'
    or class.code = 'AMB'))).exists() implies 
    entry.select((resource as Observation).code.coding.where(code = '73f981f8-455a-4158-b435-7c6d83ab84da')).exists()`,
  // Defective as published: tests the sleep code instead of motor function (e04f2ca1-…).
  "gateway-children-report-motor-function": `entry.select((resource as Encounter).where(
    (type.coding.code = '51f30d1c-d60e-4e3e-ac22-ec9712ea962d'
    or type.coding.code = '58ff370b-a775-4bec-b24a-91604e0a5fe7'
    or type.coding.code = '3f3e6489-31bd-44cf-9920-3c632868feb7'
    or type.coding.code = 'c06ed6f1-be9d-460e-a45e-34821bcbd533'
    or type.coding.code = 'dd766967-4d02-4c17-8ed3-021852785fdf')
    and
    (class.code = 'HH'
    or class.code = 'AMB'))).exists() implies 
    entry.select((resource as Observation).code.coding.where(code = '73f981f8-455a-4158-b435-7c6d83ab84da')).exists()`,
  "gateway-children-report-physical-activity": `entry.select((resource as Encounter).where(
    (type.coding.code = 'c06ed6f1-be9d-460e-a45e-34821bcbd533'
    or type.coding.code = 'dd766967-4d02-4c17-8ed3-021852785fdf')
    and
    (class.code = 'HH'
    or class.code = 'AMB'))).exists() implies 
    entry.select((resource as Observation).code.coding.where(code = 'b331fe02-a781-4abd-b6db-9331d6a69b15')).exists()`,
  "gateway-children-report-hearing": `entry.select((resource as Encounter).where(
    (type.coding.code = 'c06ed6f1-be9d-460e-a45e-34821bcbd533'
    or type.coding.code = 'dd766967-4d02-4c17-8ed3-021852785fdf')
    and
    (class.code = 'HH'
    or class.code = 'AMB'))).exists() implies 
    entry.select((resource as Observation).code.coding.where(code = 'a22c4b53-b622-4394-ba13-910a7b0d7b0d')).exists()`,
  "gateway-children-report-sight": `entry.select((resource as Encounter).where(
    (type.coding.code = 'c06ed6f1-be9d-460e-a45e-34821bcbd533'
    or type.coding.code = 'dd766967-4d02-4c17-8ed3-021852785fdf')
    and
    (class.code = 'HH'
    or class.code = 'AMB'))).exists() implies 
    entry.select((resource as Observation).code.coding.where(code = '01fddd46-ed7c-423d-b191-ffdd977dd61e')).exists()`,
};

/** What each mandatory rule asks for, in Danish and English (for messages). */
const MANDATORY_NAMES: Readonly<Record<string, [string, string]>> = {
  "gateway-children-report-parent-mental-state": ["forælders psykiske tilstand", "parent's mental state"],
  "gateway-children-report-parent-social-status": ["forælders sårbarhed", "parent's social status (vulnerability)"],
  "gateway-children-report-support-network": ["netværk", "social support network"],
  "gateway-children-report-social-interaction": ["social kontakt", "social interaction"],
  "gateway-children-report-parent-relationship": ["forældre-barn-relation", "parent-child relationship"],
  "gateway-children-report-weight": ["vægt (SNOMED CT 27113001)", "weight (SNOMED CT 27113001)"],
  "gateway-children-report-height": [
    "højde/længde (SNOMED CT 1153637007, 248333004 eller 1149101003)",
    "height/length (SNOMED CT 1153637007, 248333004 or 1149101003)",
  ],
  "gateway-children-report-head-circumference": ["hovedomfang (SNOMED CT 363812007)", "head circumference (SNOMED CT 363812007)"],
  "gateway-children-report-passive-smoking": ["passiv rygning", "passive smoking"],
  "gateway-children-report-nicotine": ["brug af nikotin", "nicotine use"],
  "gateway-children-report-nutrition": ["ernæring (amning/ernæring, FBOE e61e4dab-…)", "nutrition (feeding/nutrition, FBOE e61e4dab-…)"],
  "gateway-children-report-communication": ["kommunikation", "communication"],
  "gateway-children-report-sleep": ["søvn", "sleep"],
  "gateway-children-report-motor-function": ["søvn (reglen er defekt, se nedenfor)", "sleep (the rule is defective, see below)"],
  "gateway-children-report-physical-activity": ["fysisk aktivitet", "physical activity"],
  "gateway-children-report-hearing": ["hørelse", "hearing"],
  "gateway-children-report-sight": ["syn", "sight"],
};

export interface MandatoryRule {
  id: string;
  /** The FHIRPath expression: published text, or (for intended rules) the same template with corrected codes. */
  expression: string;
  /** Encounter type codes that trigger the rule (with class HH or AMB). */
  triggers: ReadonlySet<string>;
  /** Observation codes that satisfy it (any one). */
  codes: readonly string[];
  /** Class codes that make an encounter face-to-face. */
  classes: ReadonlySet<string>;
  severity: "error" | "warning";
  /** Observation name (Danish, English). */
  names: [string, string];
  /** Published but defective (tests the wrong code). */
  defective?: boolean;
  /** For intended rules: why it is only a warning (Danish, English). */
  why?: [string, string];
}

function normalise(expr: string): string {
  return expr.replace(/\s+/g, " ").replace(/\( /g, "(").replace(/ \)/g, ")").trim();
}

/** Re-generate the canonical text of the mandatory-observation template. */
export function mandatoryExpression(triggers: readonly string[], classes: readonly string[], codes: readonly string[]): string {
  const t = triggers.map((c) => `type.coding.code = '${c}'`).join(" or ");
  const k = classes.map((c) => `class.code = '${c}'`).join(" or ");
  const sel = (c: string) => `entry.select((resource as Observation).code.coding.where(code = '${c}')).exists()`;
  const rhs = codes.length === 1 ? sel(codes[0]) : `(${codes.map(sel).join(" or ")})`;
  return `entry.select((resource as Encounter).where((${t}) and (${k}))).exists() implies ${rhs}`;
}

/** Extract trigger codes, class codes and observation codes from a published expression, and prove the shape. */
export function analyseMandatory(id: string, expr: string): { triggers: string[]; classes: string[]; codes: string[] } {
  const n = normalise(expr);
  const [lhs, rhs] = n.split(" implies ");
  const triggers = [...lhs.matchAll(/type\.coding\.code = '([^']+)'/g)].map((m) => m[1]);
  const classes = [...lhs.matchAll(/class\.code = '([^']+)'/g)].map((m) => m[1]);
  const codes = [...(rhs ?? "").matchAll(/where\(code = '([^']+)'\)/g)].map((m) => m[1]);
  const regenerated = mandatoryExpression(triggers, classes, codes);
  if (regenerated !== n) {
    throw new Error(`invariant ${id}: published expression does not have the mandatory-observation shape`);
  }
  return { triggers, classes, codes };
}

function makeRule(id: string, expression: string, severity: "error" | "warning", names: [string, string], extra: Partial<MandatoryRule> = {}): MandatoryRule {
  const a = analyseMandatory(id, expression);
  return {
    id,
    expression,
    triggers: new Set(a.triggers),
    codes: a.codes,
    classes: new Set(a.classes),
    severity,
    names,
    ...extra,
  };
}

export const MANDATORY_RULES: readonly MandatoryRule[] = Object.entries(PUBLISHED_MANDATORY).map(([id, expr]) =>
  makeRule(id, expr, "error", MANDATORY_NAMES[id], { defective: id === "gateway-children-report-motor-function" }),
);

const MOTOR = "e04f2ca1-888a-4671-a97a-371b525cd2a3";
const PARENT_RELATIONSHIP = "763c6f21-5467-4713-82fb-716c9d0a1fdf";

/**
 * The intended rules the published invariants fail to enforce (mandatory-observations.json,
 * invariant_defects and the index table): motor function at the 2, 4-6 and 8-11 month visits
 * and at Indskolingsundersøgelse, and parent relationship at the 8-11 month visit. Same
 * template and semantics as the published rules; reported as warnings.
 */
export const INTENDED_RULES: readonly MandatoryRule[] = [
  makeRule(
    "ldbu-intended-motor-function",
    mandatoryExpression(
      [
        "51f30d1c-d60e-4e3e-ac22-ec9712ea962d",
        "58ff370b-a775-4bec-b24a-91604e0a5fe7",
        "3f3e6489-31bd-44cf-9920-3c632868feb7",
        "c06ed6f1-be9d-460e-a45e-34821bcbd533",
      ],
      ["HH", "AMB"],
      [MOTOR],
    ),
    "warning",
    ["motorik (FBOE e04f2ca1-…)", "motor function (FBOE e04f2ca1-…)"],
    {
      why: [
        "Den offentliggjorte regel gateway-children-report-motor-function tester ved en fejl søvn-koden, så motorik håndhæves ikke.",
        "The published rule gateway-children-report-motor-function tests the sleep code by mistake, so motor function is not enforced.",
      ],
    },
  ),
  makeRule(
    "ldbu-intended-parent-relationship",
    mandatoryExpression(["3f3e6489-31bd-44cf-9920-3c632868feb7"], ["HH", "AMB"], [PARENT_RELATIONSHIP]),
    "warning",
    ["forældre-barn-relation (FBOE 763c6f21-…)", "parent-child relationship (FBOE 763c6f21-…)"],
    {
      why: [
        "Den offentliggjorte regel gateway-children-report-parent-relationship udelader ved en fejl 8-11-måneders-besøget.",
        "The published rule gateway-children-report-parent-relationship omits the 8-11 month visit by mistake.",
      ],
    },
  ),
];

export const ALL_BUNDLE_RULES: readonly MandatoryRule[] = [...MANDATORY_RULES, ...INTENDED_RULES];

// ---------------------------------------------------------------- compiled reference

type CompiledFn = (resource: unknown) => unknown[];

function compile(expression: string, base?: string): CompiledFn {
  const fn = base ? fhirpath.compile({ base, expression }, r4) : fhirpath.compile(expression, r4);
  return fn as unknown as CompiledFn;
}

const COMPILED_BUNDLE: ReadonlyMap<string, CompiledFn> = new Map(ALL_BUNDLE_RULES.map((r) => [r.id, compile(r.expression)]));

/** Interpret a fhirpath.js result as a FHIRPath boolean: true, false or empty (null). Throws on anything else. */
export function toTri(result: unknown[]): Tri {
  if (result.length === 0) return null;
  if (result.length === 1 && typeof result[0] === "boolean") return result[0];
  throw new Error("expression did not yield a single boolean");
}

/** Evaluate a bundle rule with fhirpath.js (the reference). */
export function referenceBundleRule(rule: MandatoryRule, bundle: unknown): Tri {
  return toTri(COMPILED_BUNDLE.get(rule.id)!(bundle));
}

// ---------------------------------------------------------------- fast path (bundle rules)

export interface BundleScan {
  /** Per encounter entry that is face-to-face with exactly one type code: [entry index, type code]. */
  encounters: [number, string][];
  /** Every single code of every coding of every Observation entry. */
  observationCodes: Set<string>;
}

const BAIL = undefined;

/**
 * A code element that exists (it has a `_code` primitive extension) but has no value: FHIRPath
 * counts it as an item of `type.coding.code`, and it equals no string.
 */
const VALUELESS = "\u0000valueless";

/**
 * The value of the code element `node[key]`, FHIRPath style: its string, VALUELESS for an
 * extension-only element, null when absent, or BAIL when the shape is outside the fast path's
 * model (non-string value, array, odd `_key`).
 */
function singleCode(node: Record<string, unknown>, key: string): string | null | undefined {
  const v = node[key];
  const ext = node["_" + key];
  if (ext !== undefined && (typeof ext !== "object" || ext === null || Array.isArray(ext))) return BAIL;
  if (v === undefined || v === null) return ext === undefined ? null : VALUELESS;
  if (typeof v === "string") return v;
  return BAIL;
}

function plainArray(v: unknown): readonly Record<string, unknown>[] | null | undefined {
  if (v === undefined || v === null) return null;
  if (!Array.isArray(v)) return BAIL;
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (typeof x !== "object" || x === null || Array.isArray(x)) return BAIL;
  }
  return v as Record<string, unknown>[];
}

function plainObject(v: unknown): Record<string, unknown> | null | undefined {
  if (v === undefined || v === null) return null;
  if (typeof v !== "object" || Array.isArray(v)) return BAIL;
  return v as Record<string, unknown>;
}

/**
 * One pass over the entries, or BAIL when the bundle has a shape the fast path does not model.
 * `encounters` lists the Encounter entries whose `where()` criteria reduce to "exactly one type
 * code, exactly one class code in `classes`"; the rule-specific trigger test is a set lookup.
 */
export function scanBundle(bundle: unknown, classes: ReadonlySet<string>): BundleScan | undefined {
  const b = plainObject(bundle);
  if (!b) return BAIL;
  const entries = plainArray(b.entry);
  if (entries === BAIL) return BAIL;
  const encounters: [number, string][] = [];
  const observationCodes = new Set<string>();
  if (entries === null) return { encounters, observationCodes };
  for (let i = 0; i < entries.length; i++) {
    const r = plainObject(entries[i].resource);
    if (r === BAIL) return BAIL;
    if (r === null) continue;
    const rt = r.resourceType;
    if (typeof rt !== "string") {
      if (rt === undefined || rt === null) continue; // untyped: `as` keeps nothing
      return BAIL;
    }
    if (rt === "Encounter") {
      const types = plainArray(r.type);
      if (types === BAIL) return BAIL;
      let count = 0;
      let typeCode = "";
      if (types !== null) {
        for (const t of types) {
          const codings = plainArray(t.coding);
          if (codings === BAIL) return BAIL;
          if (codings === null) continue;
          for (const c of codings) {
            const code = singleCode(c, "code");
            if (code === BAIL) return BAIL;
            if (code !== null) {
              count++;
              typeCode = code;
            }
          }
        }
      }
      const cls = plainObject(r.class);
      if (cls === BAIL) return BAIL;
      const classCode = cls === null ? null : singleCode(cls, "code");
      if (classCode === BAIL) return BAIL;
      if (count === 1 && classCode !== null && classes.has(classCode)) encounters.push([i, typeCode]);
    } else if (rt === "Observation") {
      const code = plainObject(r.code);
      if (code === BAIL) return BAIL;
      if (code === null) continue;
      const codings = plainArray(code.coding);
      if (codings === BAIL) return BAIL;
      if (codings === null) continue;
      for (const c of codings) {
        const v = singleCode(c, "code");
        if (v === BAIL) return BAIL;
        if (v !== null && v !== VALUELESS) observationCodes.add(v);
      }
    }
  }
  return { encounters, observationCodes };
}

/** Fast evaluation of one bundle rule on a scan: the rule's truth value and the first triggering entry. */
export function fastBundleRule(rule: MandatoryRule, scan: BundleScan): { value: boolean; anchor: number | undefined } {
  let anchor: number | undefined;
  for (const [i, code] of scan.encounters) {
    if (rule.triggers.has(code)) {
      anchor = i;
      break;
    }
  }
  if (anchor === undefined) return { value: true, anchor };
  for (const c of rule.codes) if (scan.observationCodes.has(c)) return { value: true, anchor };
  return { value: false, anchor };
}

const FACE_TO_FACE = new Set(["HH", "AMB"]);
for (const r of ALL_BUNDLE_RULES) {
  if (r.classes.size !== 2 || !r.classes.has("HH") || !r.classes.has("AMB")) throw new Error(`${r.id}: unexpected classes`);
}

/**
 * Location of the first Encounter that triggers `rule`, used only to place the issue. It is
 * tolerant of odd shapes and used by both engines, so both place issues alike: the first
 * face-to-face Encounter with exactly one type code that is a trigger, else the first Encounter
 * with any trigger type code.
 */
export function anchorOf(rule: MandatoryRule, bundle: unknown): number | undefined {
  const b = plainObject(bundle);
  if (!b || !Array.isArray(b.entry)) return undefined;
  let loose: number | undefined;
  for (let i = 0; i < b.entry.length; i++) {
    const e = b.entry[i];
    const r = typeof e === "object" && e !== null ? (e as Record<string, unknown>).resource : undefined;
    if (typeof r !== "object" || r === null || (r as Record<string, unknown>).resourceType !== "Encounter") continue;
    const enc = r as Record<string, unknown>;
    const codes: unknown[] = [];
    for (const t of Array.isArray(enc.type) ? enc.type : []) {
      const codings = t && typeof t === "object" ? (t as Record<string, unknown>).coding : undefined;
      for (const c of Array.isArray(codings) ? codings : []) {
        const code = c && typeof c === "object" ? (c as Record<string, unknown>).code : undefined;
        if (code !== undefined && code !== null) codes.push(code);
      }
    }
    const cls = enc.class as Record<string, unknown> | undefined;
    const f2f = typeof cls === "object" && cls !== null && !Array.isArray(cls) && FACE_TO_FACE.has(cls.code as string);
    if (f2f && codes.length === 1 && rule.triggers.has(codes[0] as string)) return i;
    if (loose === undefined && codes.some((c) => rule.triggers.has(c as string))) loose = i;
  }
  return loose;
}

export interface BundleRuleResult {
  rule: MandatoryRule;
  /**
   * true = satisfied, false = violated, "error" = could not be evaluated, "skipped" = not
   * evaluated (malformed report too large for the fhirpath.js fallback).
   */
  value: boolean | "error" | "skipped";
  /** Entry index of the first triggering encounter, when known. */
  anchor: number | undefined;
}

/**
 * The fast path defers to fhirpath.js only for shapes that are structural errors in FHIR JSON
 * (so the report is rejected anyway). To bound the cost of such reports, the fallback is used
 * only up to this many entries; larger malformed reports get "skipped".
 */
export const MAX_FALLBACK_ENTRIES = 200;

/** Evaluate all bundle rules (published mandatory + intended) with the chosen engine. */
export function evaluateBundleRules(bundle: unknown, engine: Engine, rules: readonly MandatoryRule[] = ALL_BUNDLE_RULES): BundleRuleResult[] {
  const scan = engine === "fast" ? scanBundle(bundle, FACE_TO_FACE) : undefined;
  const out: BundleRuleResult[] = [];
  if (engine === "fast" && !scan) {
    const entries = typeof bundle === "object" && bundle !== null ? (bundle as Record<string, unknown>).entry : undefined;
    if (Array.isArray(entries) && entries.length > MAX_FALLBACK_ENTRIES) {
      return rules.map((rule) => ({ rule, value: "skipped", anchor: undefined }));
    }
  }
  for (const rule of rules) {
    if (scan) {
      const r = fastBundleRule(rule, scan);
      out.push({ rule, value: r.value, anchor: r.value ? undefined : anchorOf(rule, bundle) });
      continue;
    }
    let value: boolean | "error";
    try {
      const t = referenceBundleRule(rule, bundle);
      value = t === null ? true : t; // `implies` between two exists() never yields empty; treat empty as satisfied
    } catch {
      value = "error";
    }
    out.push({ rule, value, anchor: value === true ? undefined : anchorOf(rule, bundle) });
  }
  return out;
}

// ================================================================== node invariants

export type NodeInvariantId =
  | "obs-1"
  | "obs-2"
  | "obs-6"
  | "dk-core-observation-mandatory-units"
  | "cpr"
  | "min-digits-sor"
  | "questionnaire-response-string-length";

export interface NodeInvariant {
  id: NodeInvariantId;
  /** Where the invariant sits (FHIRPath of its context element). */
  context: string;
  /** Published FHIRPath expression. */
  expression: string;
  /** Source of the expression. */
  source: string;
  fast: (node: unknown) => Tri | undefined;
}

const OBS_VALUE_KEYS = (r4 as unknown as { choiceTypePaths: Record<string, string[]> }).choiceTypePaths["Observation.value"].map(
  (t) => "value" + t,
);

const OBS_VALUE_UNDERSCORE_KEYS = OBS_VALUE_KEYS.map((k) => "_" + k);

/** FHIRPath `value.exists()` on an Observation, or BAIL. */
function obsValueExists(o: Record<string, unknown>): boolean | undefined {
  let exists = false;
  for (let i = 0; i < OBS_VALUE_KEYS.length; i++) {
    if (o[OBS_VALUE_UNDERSCORE_KEYS[i]] !== undefined) return BAIL;
    const v = o[OBS_VALUE_KEYS[i]];
    if (v === undefined || v === null) continue;
    if (Array.isArray(v)) return BAIL;
    if (typeof v === "string" && v.length === 0) return BAIL;
    exists = true;
  }
  return exists;
}

function elementExists(o: Record<string, unknown>, k: string): boolean | undefined {
  if (o["_" + k] !== undefined) return BAIL;
  const v = o[k];
  if (v === undefined || v === null) return false;
  if (Array.isArray(v)) return BAIL;
  if (typeof v === "string" && v.length === 0) return BAIL;
  return true;
}

/** Unescape a FHIRPath string literal body (\' \" \` \\ \/ \f \n \r \t \uXXXX). */
export function unescapeFhirPathString(s: string): string {
  return s.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, e: string) => {
    if (e.length === 5) return String.fromCharCode(parseInt(e.slice(1), 16));
    switch (e) {
      case "f":
        return "\f";
      case "n":
        return "\n";
      case "r":
        return "\r";
      case "t":
        return "\t";
      default:
        return e;
    }
  });
}

/** The regex of a `…matches('<regex>')` expression, built with the flags fhirpath.js uses. */
export function matchesRegex(expression: string): RegExp {
  const m = /matches\('((?:[^'\\]|\\.)*)'\)$/.exec(expression);
  if (!m) throw new Error(`not a matches() expression: ${expression}`);
  return new RegExp(unescapeFhirPathString(m[1]), "us");
}

function fastMatches(expression: string): (node: unknown) => Tri | undefined {
  const re = matchesRegex(expression);
  return (node) => (typeof node === "string" ? re.test(node) : BAIL);
}

const OBS1_EXPR = "value.ofType(Quantity).value.toString().matches('^[0-9]*\\u002e?[0-9]$')";
const OBS1_RE = matchesRegex(OBS1_EXPR);

const CPR_REGEX = (terminologyJson as unknown as { systems: { CPR: { validation_regex_dk_core: string } } }).systems.CPR
  .validation_regex_dk_core;

export const NODE_INVARIANTS: Readonly<Record<NodeInvariantId, NodeInvariant>> = {
  "obs-1": {
    id: "obs-1",
    context: "Observation",
    source: "KLChildren 2.1.0 (klgateway-children-bodyweight, -bodyheight, -headcircum)",
    expression: OBS1_EXPR,
    fast: (node) => {
      const o = plainObject(node);
      if (!o) return BAIL;
      if (o._valueQuantity !== undefined) return BAIL;
      const q = plainObject(o.valueQuantity);
      if (q === BAIL) return BAIL;
      if (q === null) return null;
      if (q._value !== undefined) return BAIL;
      const v = q.value;
      if (v === undefined || v === null) return null;
      if (typeof v === "number") return OBS1_RE.test(String(v));
      if (typeof v === "string") return v.length === 0 ? BAIL : OBS1_RE.test(v);
      return BAIL;
    },
  },
  "obs-2": {
    id: "obs-2",
    context: "Observation",
    source: "KLChildren 2.1.0 (indicators, weight, height, head circumference, feeding)",
    expression: "value.empty() implies dataAbsentReason.exists()",
    fast: (node) => {
      const o = plainObject(node);
      if (!o) return BAIL;
      const v = obsValueExists(o);
      if (v === BAIL) return BAIL;
      if (v) return true;
      return elementExists(o, "dataAbsentReason");
    },
  },
  "obs-6": {
    id: "obs-6",
    context: "Observation",
    source: "FHIR R4 Observation",
    expression: "dataAbsentReason.empty() or value.empty()",
    fast: (node) => {
      const o = plainObject(node);
      if (!o) return BAIL;
      const d = elementExists(o, "dataAbsentReason");
      const v = obsValueExists(o);
      if (d === BAIL || v === BAIL) return BAIL;
      return !d || !v;
    },
  },
  "dk-core-observation-mandatory-units": {
    id: "dk-core-observation-mandatory-units",
    context: "Observation",
    source: "dk-core 3.2.0 (dk-core-observation)",
    expression:
      "value.ofType(Quantity).value.exists() implies value.ofType(Quantity).unit.exists() or value.ofType(Quantity).code.exists()",
    fast: (node) => {
      const o = plainObject(node);
      if (!o) return BAIL;
      const q = plainObject(o.valueQuantity);
      if (q === BAIL) return BAIL;
      if (q === null) return true;
      const hasValue = elementExists(q, "value");
      const hasUnit = elementExists(q, "unit");
      const hasCode = elementExists(q, "code");
      if (hasValue === BAIL || hasUnit === BAIL || hasCode === BAIL) return BAIL;
      return !hasValue || hasUnit || hasCode;
    },
  },
  cpr: {
    id: "cpr",
    context: "Patient.identifier.value",
    source: "dk-core 3.2.0 (dk-core-cpr-identifier)",
    expression: `matches('${CPR_REGEX}')`,
    fast: fastMatches(`matches('${CPR_REGEX}')`),
  },
  "min-digits-sor": {
    id: "min-digits-sor",
    context: "Patient.managingOrganization.identifier.value",
    source: "dk-core 3.2.0 (dk-core-sor-identifier)",
    expression: "matches('^([0-9]){11,}$')",
    fast: fastMatches("matches('^([0-9]){11,}$')"),
  },
  "questionnaire-response-string-length": {
    id: "questionnaire-response-string-length",
    context: "QuestionnaireResponse.item.answer.valueString",
    source: "KLChildren 2.1.0 (klgateway-children-questionnaire-response)",
    expression: "matches('^.{1,30}$')",
    fast: fastMatches("matches('^.{1,30}$')"),
  },
};

const COMPILED_NODE: ReadonlyMap<NodeInvariantId, CompiledFn> = new Map(
  Object.values(NODE_INVARIANTS).map((inv) => [
    inv.id,
    compile(inv.expression, inv.context.includes(".") ? inv.context : undefined),
  ]),
);

/** Evaluate a node invariant with fhirpath.js (the reference). */
export function referenceNode(id: NodeInvariantId, node: unknown): Tri {
  return toTri(COMPILED_NODE.get(id)!(node));
}

/** Evaluate a node invariant: true, false, empty (null), or "error" when it cannot be evaluated. */
export function evaluateNode(id: NodeInvariantId, node: unknown, engine: Engine): Tri | "error" {
  if (engine === "fast") {
    const r = NODE_INVARIANTS[id].fast(node);
    if (r !== BAIL) return r;
  }
  try {
    return referenceNode(id, node);
  } catch {
    return "error";
  }
}

/** For tests: the fast path alone (undefined when it defers to the reference). */
export function fastNode(id: NodeInvariantId, node: unknown): Tri | undefined {
  return NODE_INVARIANTS[id].fast(node);
}

