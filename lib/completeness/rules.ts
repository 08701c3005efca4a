/**
 * Short Danish names of the receiver's rule ids (lib/fhir/outcome.ts, lib/fhir/README.md) for the lists of the most
 * frequent rejection causes. The full Danish explanation of each problem is in the receipt's OperationOutcome and is
 * shown in the Fejlliste.
 */
import { ITEMS } from "./items";

const LABELS: Readonly<Record<string, string>> = {
  "gateway-children-report-1": "Observation passer ikke til nogen af vejledningens profiler",
  "obs-1": "Måleværdi med mere end én decimal",
  "obs-2": "Observation uden værdi og uden årsag (dataAbsentReason)",
  "obs-6": "Observation med både værdi og årsag til manglende værdi",
  cpr: "Ugyldigt CPR-nummer",
  "min-digits-sor": "SOR-kode med for få cifre",
  "questionnaire-response-string-length": "Tekstsvar for kort eller for langt",
  "dk-core-observation-mandatory-units": "Måleværdi uden enhed",
  "ele-1": "Tomt element",
  "ldbu-json": "Ikke gyldig JSON",
  "ldbu-too-large": "Indberetningen er for stor",
  "ldbu-structure": "Ikke en FHIR-indberetning",
  "ldbu-type": "Forkert datatype eller format",
  "ldbu-unknown-element": "Ukendt element",
  "ldbu-forbidden-element": "Element, der ikke må sendes",
  "ldbu-cardinality": "Påkrævet element mangler eller gentages for mange gange",
  "ldbu-choice-type": "Forkert valg af datatype",
  "ldbu-fixed-value": "Forkert fast værdi",
  "ldbu-slice": "Kodning passer ikke til profilen",
  "ldbu-binding": "Kode uden for den tilladte værdimængde",
  "ldbu-reference": "Reference til en ressource, der ikke er med i indberetningen",
  "ldbu-reference-type": "Reference til en forkert ressourcetype",
  "ldbu-fullurl": "Ugyldig fullUrl",
  "ldbu-duplicate-fullurl": "Samme fullUrl to gange",
  "ldbu-duplicate-resource-id": "Samme ressource-id to gange",
  "ldbu-resource-id": "Ressource-id mangler eller er ugyldigt",
  "ldbu-resource-type": "Ressourcetype, der ikke må sendes",
  "ldbu-profile": "Manglende eller forkert profil",
  "ldbu-cpr-date": "CPR-nummer med en dato, der ikke findes",
  "ldbu-unit": "Forkert enhed",
  "ldbu-measurement-value": "Ugyldig måleværdi",
  "ldbu-period": "Periode, der slutter før den starter",
  "ldbu-questionnaire-answer": "Ugyldigt svar i spørgeskema",
  "ldbu-modifier-extension": "Ukendt modifierExtension",
  "ldbu-contained": "Indlejrede (contained) ressourcer",
  "ldbu-invariant-error": "Regel kunne ikke evalueres",
  "ldbu-intended-motor-function": "Motorik mangler (ikke håndhævet)",
  "ldbu-intended-parent-relationship": "Forældre-barn-relation mangler (ikke håndhævet)",
  "gateway-children-report-motor-function": "Søvn mangler (defekt regel for motorik)",
};

/** "Vægt mangler" for the mandatory-observation rules, else the table above, else the rule id itself. */
export function ruleLabel(rule: string): string {
  if (LABELS[rule]) return LABELS[rule];
  const item = ITEMS.find((i) => i.rule === rule);
  if (item) return `Obligatorisk observation mangler: ${item.label.toLowerCase()}`;
  return rule;
}
