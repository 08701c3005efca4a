/**
 * OperationOutcome building and the validator's message catalogue.
 *
 * Format of every OperationOutcome.issue the validator produces
 * ---------------------------------------------------------------
 *   severity     fatal | error | warning | information. A report is valid when it has
 *                no fatal or error issue. Warnings (e.g. the intended-but-unenforced
 *                mandatory observations) do not reject a report; they feed data completeness.
 *   code         a FHIR IssueType: structure, required, value, invariant, code-invalid,
 *                not-found, too-long, processing, duplicate, business-rule, informational.
 *   details.coding[0]
 *                system `http://ldbu.dk/fhir/CodeSystem/validation-rule`, code = the rule id:
 *                the guide's invariant id where the problem is an invariant of the guide
 *                (`gateway-children-report-weight`, `gateway-children-report-1`, `obs-1`, `obs-2`,
 *                `cpr`, `min-digits-sor`, `questionnaire-response-string-length`,
 *                `dk-core-observation-mandatory-units`), a base FHIR invariant id (`obs-6`, `ele-1`),
 *                or an LDBU rule id `ldbu-…` for structural and LDBU-specific checks
 *                (list in RULES below).
 *   details.text Danish text, written for a health visitor or a vendor's developer.
 *   details._text.extension
 *                the standard FHIR `translation` extension (lang `en`) carrying the English text,
 *                so FHIR-aware clients can pick a language.
 *   diagnostics  the same English text, for log readers and simple clients.
 *   expression   FHIRPath location(s) of the problem, e.g.
 *                `Bundle.entry[3].resource.identifier[0].value`. Bundle-level invariants (the
 *                mandatory observations) give `Bundle` first and then the triggering Encounter.
 *
 * Issues are ordered deterministically: report-level structure first, then entry by entry in
 * entry order (each entry's issues in document order, followed by the bundle-level invariants
 * anchored on that entry), then the remaining bundle-level issues.
 *
 * Privacy: message texts never contain received values that could be personal data. A CPR
 * number is never echoed; other received values (codes, URLs) are echoed only through
 * `safeEcho`, which withholds anything containing a run of six or more digits, whitespace or
 * more than 80 characters.
 */
import type { Issue, IssueSeverity, IssueType, OperationOutcome, OperationOutcomeIssue } from "./types";

export const RULE_SYSTEM = "http://ldbu.dk/fhir/CodeSystem/validation-rule";
export const TRANSLATION_EXTENSION = "http://hl7.org/fhir/StructureDefinition/translation";

/** LDBU rule ids (the guide's own invariant ids are used as they are). */
export const RULES = {
  json: "ldbu-json",
  tooLarge: "ldbu-too-large",
  structure: "ldbu-structure",
  type: "ldbu-type",
  unknownElement: "ldbu-unknown-element",
  forbidden: "ldbu-forbidden-element",
  cardinality: "ldbu-cardinality",
  choiceType: "ldbu-choice-type",
  fixedValue: "ldbu-fixed-value",
  slice: "ldbu-slice",
  binding: "ldbu-binding",
  reference: "ldbu-reference",
  referenceType: "ldbu-reference-type",
  fullUrl: "ldbu-fullurl",
  duplicateFullUrl: "ldbu-duplicate-fullurl",
  duplicateResourceId: "ldbu-duplicate-resource-id",
  resourceId: "ldbu-resource-id",
  resourceType: "ldbu-resource-type",
  profile: "ldbu-profile",
  unknownProfile: "ldbu-unknown-profile",
  cprDate: "ldbu-cpr-date",
  duplicateCpr: "ldbu-duplicate-cpr",
  unit: "ldbu-unit",
  measurementValue: "ldbu-measurement-value",
  period: "ldbu-period",
  questionnaire: "ldbu-questionnaire",
  questionnaireAnswer: "ldbu-questionnaire-answer",
  questionnaireScore: "ldbu-questionnaire-score",
  intendedMotorFunction: "ldbu-intended-motor-function",
  intendedParentRelationship: "ldbu-intended-parent-relationship",
  obs1NoValue: "ldbu-obs-1-no-value",
  unknownExtension: "ldbu-unknown-extension",
  modifierExtension: "ldbu-modifier-extension",
  contained: "ldbu-contained",
  emptyReport: "ldbu-empty-report",
  interventionDetailStatus: "ldbu-intervention-detail-status",
  relationshipCount: "ldbu-relationship-count",
  invariantError: "ldbu-invariant-error",
  ok: "ldbu-ok",
} as const;

/** A message: rule id, issue type and the two texts. */
export interface Msg {
  rule: string;
  code: IssueType;
  da: string;
  en: string;
}

const DIGIT_RUN = /[0-9]{6}/;
const UNSAFE = /[\s\u0000-\u001f\u007f]/;

/**
 * A received value rendered for a message, or a placeholder when it might be personal data
 * (six or more consecutive digits: CPR numbers in any formatting, phone numbers, SOR codes),
 * contains whitespace/control characters, or is long.
 */
export function safeEcho(value: unknown): string {
  if (typeof value === "number" || typeof value === "boolean") {
    const s = String(value);
    return DIGIT_RUN.test(s) ? "(værdi udeladt / value withheld)" : s;
  }
  if (typeof value !== "string") return "(værdi udeladt / value withheld)";
  if (value.length === 0) return "''";
  if (value.length > 80 || DIGIT_RUN.test(value) || UNSAFE.test(value)) return "(værdi udeladt / value withheld)";
  return `'${value}'`;
}

function m(rule: string, code: IssueType, da: string, en: string): Msg {
  return { rule, code, da, en };
}

/** Human names of JSON/FHIR types for type messages. */
const TYPE_NAMES: Record<string, [string, string]> = {
  object: ["et JSON-objekt", "a JSON object"],
  array: ["en JSON-liste", "a JSON array"],
  string: ["en tekststreng", "a string"],
  boolean: ["true eller false", "true or false"],
  integer: ["et heltal", "an integer"],
  decimal: ["et tal", "a number"],
  positiveInt: ["et positivt heltal", "a positive integer"],
  unsignedInt: ["et ikke-negativt heltal", "a non-negative integer"],
  code: ["en kode (tekst uden indledende/afsluttende mellemrum)", "a code (text without leading/trailing whitespace)"],
  id: ["et id (1-64 tegn: A-Z, a-z, 0-9, '-' og '.')", "an id (1-64 characters: A-Z, a-z, 0-9, '-' and '.')"],
  uri: ["en URI uden mellemrum", "a URI without whitespace"],
  url: ["en URL uden mellemrum", "a URL without whitespace"],
  canonical: ["en kanonisk URL uden mellemrum", "a canonical URL without whitespace"],
  date: ["en dato (ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD)", "a date (YYYY, YYYY-MM or YYYY-MM-DD)"],
  dateTime: [
    "et tidspunkt (ÅÅÅÅ-MM-DD eller ÅÅÅÅ-MM-DDTtt:mm:ss med tidszone)",
    "a dateTime (YYYY-MM-DD or YYYY-MM-DDThh:mm:ss with time zone)",
  ],
  instant: ["et tidsstempel (ÅÅÅÅ-MM-DDTtt:mm:ss med tidszone)", "an instant (YYYY-MM-DDThh:mm:ss with time zone)"],
  time: ["et klokkeslæt (tt:mm:ss)", "a time (hh:mm:ss)"],
  markdown: ["en tekststreng", "a string"],
  xhtml: ["XHTML-tekst", "XHTML text"],
};

export function typeName(t: string): [string, string] {
  return TYPE_NAMES[t] ?? [t, t];
}

/** The message catalogue. `el` is always a FHIRPath-like element name, never a received value. */
export const MSG = {
  jsonInvalid: (line: number, col: number) =>
    m(
      RULES.json,
      "structure",
      `Indholdet er ikke gyldig JSON (fejl ved linje ${line}, kolonne ${col}). En indberetning skal være en FHIR Bundle i JSON.`,
      `The content is not valid JSON (error at line ${line}, column ${col}). A report must be a FHIR Bundle in JSON.`,
    ),
  jsonEmpty: () =>
    m(RULES.json, "structure", "Indholdet er tomt. En indberetning skal være en FHIR Bundle i JSON.", "The content is empty. A report must be a FHIR Bundle in JSON."),
  tooLarge: (size: number, max: number) =>
    m(
      RULES.tooLarge,
      "too-long",
      `Indberetningen er for stor (${size} bytes; grænsen er ${max} bytes). Del den op i flere indberetninger.`,
      `The report is too large (${size} bytes; the limit is ${max} bytes). Split it into several reports.`,
    ),
  tooDeep: (max: number) =>
    m(
      RULES.tooLarge,
      "too-long",
      `JSON-strukturen er indlejret dybere end ${max} niveauer; det forekommer ikke i en gyldig indberetning.`,
      `The JSON structure is nested deeper than ${max} levels, which no valid report does.`,
    ),
  tooManyEntries: (count: number, max: number) =>
    m(
      RULES.tooLarge,
      "too-long",
      `Indberetningen har ${count} elementer i entry; højst ${max} er tilladt. Del den op i flere indberetninger.`,
      `The report has ${count} entries; at most ${max} are allowed. Split it into several reports.`,
    ),
  stringTooLong: (el: string, max: number) =>
    m(
      RULES.tooLarge,
      "too-long",
      `Teksten i ${el} er længere end ${max} tegn.`,
      `The text in ${el} is longer than ${max} characters.`,
    ),
  rootNotObject: () =>
    m(
      RULES.structure,
      "structure",
      "Indberetningen skal være et JSON-objekt (en FHIR-ressource af typen Bundle).",
      "The report must be a JSON object (a FHIR resource of type Bundle).",
    ),
  rootNotBundle: (actual: unknown) =>
    m(
      RULES.structure,
      "structure",
      `resourceType skal være 'Bundle' (fandt ${safeEcho(actual)}).`,
      `resourceType must be 'Bundle' (found ${safeEcho(actual)}).`,
    ),
  resourceTypeMissing: (el: string) =>
    m(RULES.structure, "structure", `Ressourcen i ${el} mangler resourceType.`, `The resource in ${el} has no resourceType.`),
  typeMismatch: (el: string, expected: string) => {
    const [da, en] = typeName(expected);
    return m(RULES.type, "structure", `${el} skal være ${da}.`, `${el} must be ${en}.`);
  },
  typeFormat: (el: string, expected: string) => {
    const [da, en] = typeName(expected);
    return m(RULES.type, "value", `Værdien i ${el} er ikke gyldig: den skal være ${da}.`, `The value in ${el} is not valid: it must be ${en}.`);
  },
  invalidDate: (el: string) =>
    m(RULES.type, "value", `Datoen i ${el} findes ikke i kalenderen.`, `The date in ${el} does not exist in the calendar.`),
  emptyString: (el: string) =>
    m(RULES.type, "value", `${el} er en tom tekst; tomme værdier må ikke sendes i FHIR (udelad elementet).`, `${el} is an empty string; empty values are not allowed in FHIR (omit the element).`),
  emptyArray: (el: string) =>
    m(RULES.type, "structure", `${el} er en tom liste; tomme lister må ikke sendes i FHIR JSON (udelad elementet).`, `${el} is an empty array; empty arrays are not allowed in FHIR JSON (omit the element).`),
  emptyObject: (el: string) =>
    m("ele-1", "invariant", `${el} er tomt; alle FHIR-elementer skal have en værdi eller underelementer (ele-1).`, `${el} is empty; every FHIR element must have a value or children (ele-1).`),
  nullValue: (el: string) =>
    m(RULES.type, "structure", `${el} er null; null må ikke sendes i FHIR JSON (udelad elementet).`, `${el} is null; null is not allowed in FHIR JSON (omit the element).`),
  mustBeArray: (el: string) =>
    m(RULES.type, "structure", `${el} kan gentages og skal derfor sendes som en JSON-liste.`, `${el} repeats and must therefore be sent as a JSON array.`),
  mustNotBeArray: (el: string) =>
    m(RULES.cardinality, "structure", `${el} må højst forekomme én gang og skal sendes som en enkelt værdi, ikke som en liste.`, `${el} may occur at most once and must be a single value, not an array.`),
  unknownElement: (el: string, where: string) =>
    m(
      RULES.unknownElement,
      "structure",
      `Elementet ${el} findes ikke i FHIR R4 ${where} (tjek stavemåden).`,
      `The element ${el} does not exist in FHIR R4 ${where} (check the spelling).`,
    ),
  forbidden: (el: string, profile: string) =>
    m(
      RULES.forbidden,
      "structure",
      `Elementet ${el} må ikke sendes (0..0 i profilen ${profile}).`,
      `The element ${el} must not be sent (0..0 in profile ${profile}).`,
    ),
  missing: (el: string, card: string, profile: string) =>
    m(
      RULES.cardinality,
      "required",
      `Elementet ${el} mangler; det er påkrævet (${card}) i profilen ${profile}.`,
      `The element ${el} is missing; it is required (${card}) in profile ${profile}.`,
    ),
  tooMany: (el: string, max: number, count: number, profile: string) =>
    m(
      RULES.cardinality,
      "structure",
      `${el} må højst forekomme ${max} gang(e) i profilen ${profile}, men forekommer ${count} gange.`,
      `${el} may occur at most ${max} time(s) in profile ${profile}, but occurs ${count} times.`,
    ),
  tooFew: (el: string, min: number, count: number, profile: string) =>
    m(
      RULES.cardinality,
      "required",
      `${el} skal forekomme mindst ${min} gang(e) i profilen ${profile}, men forekommer ${count} gange.`,
      `${el} must occur at least ${min} time(s) in profile ${profile}, but occurs ${count} times.`,
    ),
  choiceMultiple: (el: string) =>
    m(
      RULES.choiceType,
      "structure",
      `${el}[x] er angivet med flere datatyper på én gang; der må kun være én.`,
      `${el}[x] is given with several data types at once; only one is allowed.`,
    ),
  choiceNotAllowed: (el: string, allowed: string, profile: string) =>
    m(
      RULES.choiceType,
      "structure",
      `I profilen ${profile} må ${el}[x] kun sendes som ${allowed}.`,
      `In profile ${profile}, ${el}[x] may only be sent as ${allowed}.`,
    ),
  primitiveExtension: (el: string) =>
    m(
      RULES.type,
      "structure",
      `${el} må kun indeholde id og extension.`,
      `${el} may only contain id and extension.`,
    ),
  fixedValue: (el: string, expected: string) =>
    m(RULES.fixedValue, "value", `${el} skal have den faste værdi ${expected}.`, `${el} must have the fixed value ${expected}.`),
  slice: (da: string, en: string) => m(RULES.slice, "structure", da, en),
  binding: (el: string, valueSet: string, actual: unknown) =>
    m(
      RULES.binding,
      "code-invalid",
      `Koden ${safeEcho(actual)} i ${el} findes ikke i værdisættet ${valueSet} (påkrævet binding).`,
      `The code ${safeEcho(actual)} in ${el} is not in value set ${valueSet} (required binding).`,
    ),
  bindingSystem: (el: string, valueSet: string, expectedSystem: string) =>
    m(
      RULES.binding,
      "code-invalid",
      `Kodningen i ${el} skal have system ${expectedSystem} (værdisæt ${valueSet}, påkrævet binding).`,
      `The coding in ${el} must have system ${expectedSystem} (value set ${valueSet}, required binding).`,
    ),
  bindingMissingCode: (el: string, valueSet: string) =>
    m(
      RULES.binding,
      "code-invalid",
      `${el} skal indeholde en kode fra værdisættet ${valueSet} (påkrævet binding).`,
      `${el} must contain a code from value set ${valueSet} (required binding).`,
    ),
  referenceNotFound: (el: string) =>
    m(
      RULES.reference,
      "not-found",
      `Referencen i ${el} peger ikke på en ressource i samme indberetning. Alle referencer skal være 'bundled': målet skal sendes som entry med en matchende fullUrl.`,
      `The reference in ${el} does not point to a resource in the same report. All references must be bundled: the target must be an entry with a matching fullUrl.`,
    ),
  referenceContained: (el: string) =>
    m(
      RULES.referenceType,
      "structure",
      `Referencen i ${el} peger på en indlejret (contained) ressource; i en indberetning skal målet i stedet sendes som en selvstændig entry.`,
      `The reference in ${el} points to a contained resource; in a report the target must be sent as an entry of its own.`,
    ),
  referenceMissing: (el: string) =>
    m(
      RULES.referenceType,
      "required",
      `${el} skal have et reference-felt (Type/id eller fullUrl); en reference med kun identifier eller display kan ikke slås op i indberetningen.`,
      `${el} must have a reference (Type/id or fullUrl); a reference with only an identifier or display cannot be resolved in the report.`,
    ),
  referenceFormat: (el: string) =>
    m(
      RULES.reference,
      "value",
      `Referencen i ${el} har et ugyldigt format; brug en absolut URL (lig med målets fullUrl) eller den relative form Type/id.`,
      `The reference in ${el} has an invalid format; use an absolute URL (equal to the target's fullUrl) or the relative form Type/id.`,
    ),
  referenceWrongTarget: (el: string, expected: string, actual: string) =>
    m(
      RULES.referenceType,
      "structure",
      `Referencen i ${el} skal pege på ${expected}, men peger på en ${actual}.`,
      `The reference in ${el} must point to ${expected}, but points to a ${actual}.`,
    ),
  fullUrlMissing: (el: string) =>
    m(
      RULES.fullUrl,
      "required",
      `${el} mangler fullUrl. fullUrl er nødvendig, for at referencer kan slås op, og er sammen med id ressourcens nøgle på tværs af indberetninger.`,
      `${el} has no fullUrl. The fullUrl is needed to resolve references and, with the id, is the resource's key across reports.`,
    ),
  fullUrlNotAbsolute: (el: string) =>
    m(
      RULES.fullUrl,
      "value",
      `fullUrl i ${el} skal være en absolut URL (fx https://…/Patient/<id>) eller urn:uuid:<uuid>.`,
      `The fullUrl in ${el} must be an absolute URL (e.g. https://…/Patient/<id>) or urn:uuid:<uuid>.`,
    ),
  fullUrlMismatch: (el: string) =>
    m(
      RULES.fullUrl,
      "value",
      `fullUrl i ${el} slutter på Type/id, men stemmer ikke med ressourcens resourceType og id.`,
      `The fullUrl in ${el} ends in Type/id but does not match the resource's resourceType and id.`,
    ),
  duplicateFullUrl: (el: string, other: number) =>
    m(
      RULES.duplicateFullUrl,
      "duplicate",
      `fullUrl i ${el} er den samme som i Bundle.entry[${other}]; hver ressource må kun forekomme én gang i en indberetning.`,
      `The fullUrl in ${el} is the same as in Bundle.entry[${other}]; each resource may occur only once in a report.`,
    ),
  duplicateResourceId: (el: string, other: number) =>
    m(
      RULES.duplicateResourceId,
      "duplicate",
      `Ressourcen i ${el} har samme type og id som ressourcen i Bundle.entry[${other}]; id er nøglen på tværs af indberetninger og skal være entydig.`,
      `The resource in ${el} has the same type and id as the resource in Bundle.entry[${other}]; the id is the key across reports and must be unique.`,
    ),
  resourceIdMissing: (el: string) =>
    m(
      RULES.resourceId,
      "required",
      `Ressourcen i ${el} mangler id. id er (sammen med fullUrl) den eneste nøgle, som senere rettelser kan henvise til.`,
      `The resource in ${el} has no id. The id (with the fullUrl) is the only key later corrections can refer to.`,
    ),
  resourceTypeNotAllowed: (el: string, actual: unknown) =>
    m(
      RULES.resourceType,
      "structure",
      `Ressourcetypen ${safeEcho(actual)} i ${el} må ikke indgå i en indberetning; kun Patient, RelatedPerson, Encounter, Observation, CarePlan, QuestionnaireResponse og Location er tilladt.`,
      `Resource type ${safeEcho(actual)} in ${el} is not allowed in a report; only Patient, RelatedPerson, Encounter, Observation, CarePlan, QuestionnaireResponse and Location are.`,
    ),
  wrapperEntryNotReport: (el: string, actual: unknown) =>
    m(
      RULES.resourceType,
      "structure",
      `${el} skal være en indberetning (Bundle med profilen klgateway-children-delivery-report); fandt ${safeEcho(actual)}.`,
      `${el} must be a delivery report (Bundle with profile klgateway-children-delivery-report); found ${safeEcho(actual)}.`,
    ),
  profileMismatch: (el: string, declared: string, expected: string) =>
    m(
      RULES.profile,
      "structure",
      `${el} angiver profilen ${declared}, men ressourcen hører efter sin type og kode til profilen ${expected}.`,
      `${el} declares profile ${declared}, but by its type and code the resource belongs to profile ${expected}.`,
    ),
  profileUnknown: (el: string) =>
    m(
      RULES.unknownProfile,
      "informational",
      `${el} angiver en profil, som LDBU ikke kender; den ignoreres, og ressourcen valideres mod KLChildren-profilen.`,
      `${el} declares a profile unknown to LDBU; it is ignored and the resource is validated against the KLChildren profile.`,
    ),
  report1: (el: string) =>
    m(
      "gateway-children-report-1",
      "invariant",
      `Observationen i ${el} opfylder ingen af vejledningens 19 observationsprofiler (gateway-children-report-1): code.coding indeholder ingen kendt kode for indikator, vægt, højde, hovedomfang, ernæring eller undersøgelsesresultat.`,
      `The Observation in ${el} conforms to none of the guide's 19 observation profiles (gateway-children-report-1): code.coding has no known indicator, weight, height, head-circumference, feeding or exam-result code.`,
    ),
  cpr: (el: string) =>
    m(
      "cpr",
      "invariant",
      `CPR-nummeret i ${el} opfylder ikke reglen 'cpr': det skal være 10 cifre uden bindestreg, og de første fire (DDMM) skal være en mulig dag og måned.`,
      `The CPR number in ${el} fails rule 'cpr': it must be 10 digits without hyphen, and the first four (DDMM) must be a possible day and month.`,
    ),
  cprDate: (el: string) =>
    m(
      RULES.cprDate,
      "value",
      `CPR-nummeret i ${el} angiver en fødselsdato, der ikke findes (fx 29. februar i et år, der ikke er skudår), så fødselsdato og køn kan ikke udledes.`,
      `The CPR number in ${el} gives a birth date that does not exist (e.g. 29 February in a non-leap year), so birth date and sex cannot be derived.`,
    ),
  duplicateCpr: (el: string, other: number) =>
    m(
      RULES.duplicateCpr,
      "duplicate",
      `Borgeren i ${el} har samme CPR-nummer som borgeren i Bundle.entry[${other}], men et andet id. Samme person bør kun sendes én gang med ét id.`,
      `The citizen in ${el} has the same CPR number as the citizen in Bundle.entry[${other}] but another id. A person should be sent once, with one id.`,
    ),
  sor: (el: string) =>
    m(
      "min-digits-sor",
      "invariant",
      `SOR-koden i ${el} skal bestå af mindst 11 cifre og intet andet (min-digits-sor).`,
      `The SOR code in ${el} must consist of at least 11 digits and nothing else (min-digits-sor).`,
    ),
  obs1: (el: string) =>
    m(
      "obs-1",
      "invariant",
      `Måleværdien i ${el} må højst have én decimal (obs-1), fx 54.5 eller 3150.`,
      `The measured value in ${el} may have at most one decimal (obs-1), e.g. 54.5 or 3150.`,
    ),
  obs1NoValue: (el: string) =>
    m(
      RULES.obs1NoValue,
      "informational",
      `Målingen i ${el} er sendt uden værdi (med dataAbsentReason). LDBU godtager det; bemærk, at reglen obs-1 giver et tomt resultat, når værdien mangler, og at den nationale gateway derfor kan afvise målingen.`,
      `The measurement in ${el} is sent without a value (with dataAbsentReason). LDBU accepts this; note that rule obs-1 yields an empty result when the value is absent, so the national gateway may reject it.`,
    ),
  obs2: (el: string) =>
    m(
      "obs-2",
      "invariant",
      `Observationen i ${el} har hverken en værdi eller en dataAbsentReason (obs-2). Send værdien, eller angiv dataAbsentReason (fx 'unknown'), hvis den ikke blev målt eller vurderet.`,
      `The Observation in ${el} has neither a value nor a dataAbsentReason (obs-2). Send the value, or give a dataAbsentReason (e.g. 'unknown') if it was not measured or assessed.`,
    ),
  obs6: (el: string) =>
    m(
      "obs-6",
      "invariant",
      `Observationen i ${el} har både en værdi og en dataAbsentReason (obs-6); dataAbsentReason må kun sendes, når værdien mangler.`,
      `The Observation in ${el} has both a value and a dataAbsentReason (obs-6); dataAbsentReason may only be sent when the value is absent.`,
    ),
  mandatoryUnits: (el: string) =>
    m(
      "dk-core-observation-mandatory-units",
      "invariant",
      `Måleværdien i ${el} mangler enhed: angiv valueQuantity.unit eller valueQuantity.code (dk-core-observation-mandatory-units).`,
      `The measured value in ${el} has no unit: give valueQuantity.unit or valueQuantity.code (dk-core-observation-mandatory-units).`,
    ),
  stringLength: (el: string) =>
    m(
      "questionnaire-response-string-length",
      "invariant",
      `Tekstsvaret i ${el} skal være 1-30 tegn langt (questionnaire-response-string-length).`,
      `The text answer in ${el} must be 1-30 characters long (questionnaire-response-string-length).`,
    ),
  mandatory: (rule: string, visitDa: string, visitEn: string, entry: string, obsDa: string, obsEn: string) =>
    m(
      rule,
      "invariant",
      `Indberetningen har en kontakt af typen '${visitDa}' med fremmøde (klasse HH eller AMB) i ${entry}, men ingen observation af ${obsDa} (regel ${rule}). Send observationen; er den ikke udført, så send den uden værdi med dataAbsentReason 'unknown'.`,
      `The report has a face-to-face (class HH or AMB) '${visitEn}' encounter in ${entry}, but no ${obsEn} observation (rule ${rule}). Send the observation; if it was not done, send it without a value and with dataAbsentReason 'unknown'.`,
    ),
  mandatoryDefectiveMotor: (rule: string, visitDa: string, visitEn: string, entry: string) =>
    m(
      rule,
      "invariant",
      `Indberetningen har en kontakt af typen '${visitDa}' med fremmøde (klasse HH eller AMB) i ${entry}, men ingen observation med søvn-koden 73f981f8-455a-4158-b435-7c6d83ab84da. Den offentliggjorte regel ${rule} kontrollerer (ved en fejl i vejledningen) søvn i stedet for motorik, og LDBU afviser det samme som reglen.`,
      `The report has a face-to-face (class HH or AMB) '${visitEn}' encounter in ${entry}, but no observation with the sleep code 73f981f8-455a-4158-b435-7c6d83ab84da. The published rule ${rule} checks (by a defect in the guide) sleep instead of motor function, and LDBU rejects what the rule rejects.`,
    ),
  intended: (rule: string, visitDa: string, visitEn: string, entry: string, obsDa: string, obsEn: string, why: [string, string]) =>
    m(
      rule,
      "business-rule",
      `Kontakten af typen '${visitDa}' i ${entry} burde ifølge vejledningens tabel over obligatoriske observationer have en observation af ${obsDa}, men den mangler. ${why[0]} Indberetningen afvises ikke, men det tæller som manglende data.`,
      `According to the guide's table of mandatory observations, the '${visitEn}' encounter in ${entry} should have a ${obsEn} observation, but it is missing. ${why[1]} The report is not rejected, but this counts as missing data.`,
    ),
  unit: (el: string, expectedDa: string, expectedEn: string) =>
    m(
      RULES.unit,
      "value",
      `Enheden i ${el} skal være ${expectedDa} (UCUM-kode).`,
      `The unit in ${el} must be ${expectedEn} (UCUM code).`,
    ),
  unitSystem: (el: string) =>
    m(
      RULES.unit,
      "value",
      `${el} skal være http://unitsofmeasure.org (UCUM).`,
      `${el} must be http://unitsofmeasure.org (UCUM).`,
    ),
  unitTextMismatch: (el: string) =>
    m(
      RULES.unit,
      "value",
      `Enhedsteksten i ${el}.unit stemmer ikke med enhedskoden ${el}.code; LDBU bruger koden.`,
      `The unit text ${el}.unit does not match the unit code ${el}.code; LDBU uses the code.`,
    ),
  measurementNotQuantity: (el: string) =>
    m(
      RULES.measurementValue,
      "structure",
      `Målingen i ${el} skal sendes som valueQuantity (tal med UCUM-enhed).`,
      `The measurement in ${el} must be sent as valueQuantity (a number with a UCUM unit).`,
    ),
  measurementNoNumber: (el: string) =>
    m(
      RULES.measurementValue,
      "required",
      `${el} har ingen talværdi (value); send tallet, eller udelad valueQuantity og angiv dataAbsentReason.`,
      `${el} has no numeric value; send the number, or omit valueQuantity and give a dataAbsentReason.`,
    ),
  measurementNegative: (el: string) =>
    m(
      RULES.measurementValue,
      "value",
      `Måleværdien i ${el} skal være et positivt tal.`,
      `The measured value in ${el} must be a positive number.`,
    ),
  periodOrder: (el: string) =>
    m(
      RULES.period,
      "value",
      `Periodens slutning (${el}.end) ligger før dens start (${el}.start).`,
      `The period end (${el}.end) is before its start (${el}.start).`,
    ),
  questionnaireUnknown: (el: string) =>
    m(
      RULES.questionnaire,
      "business-rule",
      `${el} peger ikke på et af vejledningens syv spørgeskemaer (EPDS, ADBB, AIMS, PUF, SDQ 4-10, SDQ 11-17, TOPI); svarene kan ikke kontrolleres eller bruges.`,
      `${el} does not point to one of the guide's seven questionnaires (EPDS, ADBB, AIMS, PUF, SDQ 4-10, SDQ 11-17, TOPI); the answers cannot be checked or used.`,
    ),
  answerUnknownItem: (el: string, q: string) =>
    m(
      RULES.questionnaireAnswer,
      "value",
      `linkId i ${el} findes ikke i spørgeskemaet ${q}.`,
      `The linkId in ${el} does not exist in questionnaire ${q}.`,
    ),
  answerDuplicateItem: (el: string, q: string) =>
    m(
      RULES.questionnaireAnswer,
      "duplicate",
      `Spørgsmålet i ${el} er besvaret mere end én gang i ${q}-besvarelsen.`,
      `The question in ${el} is answered more than once in the ${q} response.`,
    ),
  answerWrongType: (el: string, q: string, expected: string) =>
    m(
      RULES.questionnaireAnswer,
      "value",
      `Svaret i ${el} skal være ${expected} (spørgeskema ${q}).`,
      `The answer in ${el} must be ${expected} (questionnaire ${q}).`,
    ),
  answerOutOfRange: (el: string, q: string, min: number | undefined, max: number | undefined) =>
    m(
      RULES.questionnaireAnswer,
      "value",
      `Svaret i ${el} ligger uden for det tilladte interval ${min ?? "…"}-${max ?? "…"} (spørgeskema ${q}).`,
      `The answer in ${el} is outside the allowed range ${min ?? "…"}-${max ?? "…"} (questionnaire ${q}).`,
    ),
  answerNotOption: (el: string, q: string, options: string) =>
    m(
      RULES.questionnaireAnswer,
      "code-invalid",
      `Svaret i ${el} skal være præcis en af svarmulighederne ${options} (spørgeskema ${q}).`,
      `The answer in ${el} must be exactly one of the options ${options} (questionnaire ${q}).`,
    ),
  scoreMismatch: (el: string, q: string, score: number, sum: number, partial: boolean) =>
    m(
      RULES.questionnaireScore,
      "business-rule",
      partial
        ? `Den samlede score (${score}) i ${el} er mindre end summen af de besvarede delspørgsmål (${sum}) i ${q}.`
        : `Den samlede score (${score}) i ${el} er ikke lig summen af delspørgsmålene (${sum}) i ${q}.`,
      partial
        ? `The total score (${score}) in ${el} is less than the sum of the answered items (${sum}) in ${q}.`
        : `The total score (${score}) in ${el} is not the sum of the items (${sum}) in ${q}.`,
    ),
  unknownExtension: (el: string, url: unknown) =>
    m(
      RULES.unknownExtension,
      "informational",
      `Extension ${safeEcho(url)} i ${el} er ikke defineret i vejledningen og ignoreres.`,
      `Extension ${safeEcho(url)} in ${el} is not defined by the guide and is ignored.`,
    ),
  modifierExtension: (el: string) =>
    m(
      RULES.modifierExtension,
      "structure",
      `${el} indeholder modifierExtension, som vejledningen ikke definerer; ressourcen kan derfor ikke fortolkes sikkert.`,
      `${el} contains a modifierExtension the guide does not define, so the resource cannot be interpreted safely.`,
    ),
  extensionValue: (el: string, expected: string) =>
    m(
      RULES.choiceType,
      "structure",
      `${el} skal have præcis én værdi af typen ${expected}.`,
      `${el} must have exactly one value of type ${expected}.`,
    ),
  contained: (el: string) =>
    m(
      RULES.contained,
      "structure",
      `${el} indeholder contained-ressourcer; i en indberetning skal alle ressourcer sendes som selvstændige entries (referencer er 'bundled').`,
      `${el} has contained resources; in a report every resource must be an entry of its own (references are bundled).`,
    ),
  emptyReport: () =>
    m(RULES.emptyReport, "informational", "Indberetningen indeholder ingen ressourcer (entry mangler).", "The report contains no resources (no entry)."),
  detailStatusEnteredInError: (el: string) =>
    m(
      RULES.interventionDetailStatus,
      "business-rule",
      `${el} er 'entered-in-error'; vejledningen siger, at en fejlregistreret indsats trækkes tilbage med CarePlan.status, ikke med activity.detail.status.`,
      `${el} is 'entered-in-error'; the guide says an erroneous intervention is retracted with CarePlan.status, not activity.detail.status.`,
    ),
  relationshipCount: (el: string, count: number) =>
    m(
      RULES.relationshipCount,
      "business-rule",
      `${el} har ${count} relationer; vejledningen siger, at der skal være præcis én (PRN, forælder).`,
      `${el} has ${count} relationships; the guide says there must be exactly one (PRN, parent).`,
    ),
  invariantError: (rule: string, el: string) =>
    m(
      RULES.invariantError,
      "processing",
      `Reglen ${rule} kunne ikke evalueres på ${el}, fordi datastrukturen er ugyldig.`,
      `Rule ${rule} could not be evaluated on ${el} because the data structure is invalid.`,
    ),
  bundleRulesSkipped: () =>
    m(
      RULES.invariantError,
      "processing",
      "Reglerne om obligatoriske observationer (gateway-children-report-*) er ikke evalueret, fordi indberetningens struktur er ugyldig; ret strukturfejlene og send igen.",
      "The mandatory-observation rules (gateway-children-report-*) were not evaluated because the report's structure is invalid; fix the structural errors and send again.",
    ),
  ok: () => m(RULES.ok, "informational", "Ingen fejl fundet.", "No issues found."),
} as const;

/** Make an Issue from a message. */
export function issue(severity: IssueSeverity, msg: Msg, expression: string | string[]): Issue {
  return {
    severity,
    code: msg.code,
    rule: msg.rule,
    expression: typeof expression === "string" ? [expression] : expression,
    da: msg.da,
    en: msg.en,
  };
}

export function toOutcomeIssue(i: Issue): OperationOutcomeIssue {
  return {
    severity: i.severity,
    code: i.code,
    details: {
      coding: [{ system: RULE_SYSTEM, code: i.rule }],
      text: i.da,
      _text: {
        extension: [
          {
            url: TRANSLATION_EXTENSION,
            extension: [
              { url: "lang", valueCode: "en" },
              { url: "content", valueString: i.en },
            ],
          },
        ],
      },
    },
    diagnostics: i.en,
    expression: i.expression,
  };
}

/** Build an OperationOutcome; FHIR requires at least one issue, so an empty list yields an informational "no issues". */
export function buildOutcome(issues: readonly Issue[]): OperationOutcome {
  const list = issues.length > 0 ? issues : [issue("information", MSG.ok(), "Bundle")];
  return { resourceType: "OperationOutcome", language: "da", issue: list.map(toOutcomeIssue) };
}

export interface Counts {
  errorCount: number;
  warningCount: number;
  informationCount: number;
}

/** Whether an issue of this severity rejects the report. */
export const rejects = (severity: IssueSeverity): boolean => severity === "error" || severity === "fatal";

/** The validation rule an OperationOutcome issue reports (details.coding[0].code), "?" when it names none. */
export const issueRule = (i: OperationOutcomeIssue): string => i.details.coding[0]?.code ?? "?";

export function countIssues(issues: readonly Issue[]): Counts {
  let errorCount = 0;
  let warningCount = 0;
  let informationCount = 0;
  for (const i of issues) {
    if (rejects(i.severity)) errorCount++;
    else if (i.severity === "warning") warningCount++;
    else informationCount++;
  }
  return { errorCount, warningCount, informationCount };
}
