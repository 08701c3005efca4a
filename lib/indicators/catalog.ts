/**
 * The LDBU indicator catalog: the one place an indicator is defined. The definitions page,
 * the API, the annual report and the computation (lib/indicators/facts.ts) read it;
 * nothing else restates it. Standards here are the initial, provisional values; SundK's
 * current values live in `indicator_standard` (see lib/indicators/standards.ts).
 */

export type Polarity = "higher" | "lower" | "none";
export type PeriodKind = "birth-cohort" | "school-year";

export interface IndicatorDefinition {
  id: string;
  title: string;
  /** One-paragraph description in Danish. */
  description: string;
  area: string;
  periodKind: PeriodKind;
  numerator: string;
  denominator: string;
  exclusions: string;
  uoplyst: string;
  polarity: Polarity;
  /** Initial standard (target share, 0–1); provisional until SundK confirms it. */
  standard: { target: number; provisional: true } | null;
  sources: string[];
  /** Whether the indicator measures if something was done (process) or a result (outcome). */
  kind: "process" | "outcome";
}

export const CATALOG_VERSION = "2026.1";

/** Rules that apply to every indicator (shown on the definitions page). */
export const COUNTING_RULES: string[] = [
  "Der tælles pr. barn. Børn kobles på tværs af indberetninger og til registrene via et pseudonym for CPR-nummeret – aldrig via ressource-id. Tvillinger er to børn.",
  "Alder regnes i dage med dag 0 = fødselsdatoen (afledt af CPR-nummeret). Vinduer er inklusive: \"dag 1–14\" omfatter dag 14.",
  "\"Mere end 17 uger\" betyder en periode, der slutter mere end 119 dage efter fødslen; \"mindst 26 uger\" betyder mindst 182 dage. En åben periode regnes til den seneste efterfølgende ernæringsstatus, der stadig angiver fuld amning.",
  "En værdi sendt med en årsag til manglende data (dataAbsentReason) er ikke vurderet: barnet er med i nævneren for en indikator, der måler om noget blev vurderet, men ikke i tælleren – og er uoplyst for en resultatindikator.",
  "Alt, der er markeret som fejlregistreret (entered-in-error, active = false), tælles ingen steder. Vægt sendt i kg og g er samme størrelse.",
  "Et barn hører til den kommune, der var journalførende (SOR-kode) på barnets seneste godkendte indberetning i perioden; for fødselsårgange er perioden barnets første leveår plus 60 dage til sene indberetninger (er alle indberetninger kommet senere, bruges den første). Et barn, der kun kendes fra registret, hører til sin bopælskommune.",
  "Uoplyste børn vises ved siden af indikatoren (antal og andel) og indgår ikke i nævneren.",
  "Fødselsårgang = kalenderåret for fødselsdatoen. Skoleår = 1. august til 31. juli.",
];

const infant: Pick<IndicatorDefinition, "periodKind"> = { periodKind: "birth-cohort" };

export const INDICATORS: IndicatorDefinition[] = [
  {
    id: "LDBU-01",
    ...infant,
    area: "Vækst og vægt",
    title: "Vægttab på 10 % eller mere i de første 14 dage",
    description:
      "Andel børn, hvis laveste målte vægt i dag 1–14 er mindst 10 % under fødselsvægten i fødselsregistret. Et stort vægttab tidligt kan være tegn på ernæringsproblemer, der kræver opfølgning.",
    numerator: "Børn, hvis laveste vægt målt dag 1–14 er højst 90 % af fødselsvægten.",
    denominator: "Børn i fødselsårgangen med mindst én vægt målt dag 1–14 og kendt fødselsvægt i registret.",
    exclusions: "Fejlregistrerede vægte.",
    uoplyst: "Børn med vægtobservationer dag 1–14, der alle er sendt uden værdi (dataAbsentReason), og børn uden fødselsvægt i registret.",
    polarity: "lower",
    standard: { target: 0.08, provisional: true },
    sources: ["FBU: vægt (SNOMED 27113001) ved barsels-, etablerings- og andet besøg", "Fødselsregistret: fødselsvægt"],
    kind: "outcome",
  },
  {
    id: "LDBU-02",
    ...infant,
    area: "Forældre og netværk",
    title: "Forælder screenet med EPDS ved 2-måneders-besøget",
    description:
      "Andel børn, hvor mindst én forælder har udfyldt EPDS (Edinburgh Postnatal Depression Scale) 6–14 uger efter fødslen, blandt børn, der har haft besøget ved ca. 2 måneder.",
    numerator: "Børn med mindst én forælder med et udfyldt EPDS-skema dateret dag 42–98.",
    denominator: "Børn i fødselsårgangen med et gennemført besøg hos det ca. 2 måneder gamle barn.",
    exclusions: "Fejlregistrerede besøg og skemaer.",
    uoplyst: "Børn med 2-måneders-besøg, hvor ingen forælder er kendt (ingen forælder-barn-relation indberettet).",
    polarity: "higher",
    standard: { target: 0.9, provisional: true },
    sources: ["FBU: kontakttype Besøg hos det ca. 2 måneder gamle barn", "FBU: QuestionnaireResponse EPDS", "FBU: RelatedParent"],
    kind: "process",
  },
  {
    id: "LDBU-03",
    ...infant,
    area: "Forældre og netværk",
    title: "EPDS-score på eller over skæringsværdien",
    description:
      "Blandt børn med en forælder screenet med EPDS dag 42–98: andel, hvor en screenet forælder scorede på eller over skæringsværdien (standard 11; kan ændres af SundK). Beskrivende indikator uden vurdering.",
    numerator: "Børn, hvor mindst én screenet forælder har EPDS-score ≥ skæringsværdien (totalscore; summen af items, hvis totalen mangler).",
    denominator: "Børn med mindst én forælder screenet med EPDS dag 42–98.",
    exclusions: "Fejlregistrerede skemaer.",
    uoplyst: "Børn, hvis forælders skema hverken har totalscore eller besvarede items.",
    polarity: "none",
    standard: null,
    sources: ["FBU: QuestionnaireResponse EPDS (item score)"],
    kind: "outcome",
  },
  {
    id: "LDBU-04",
    ...infant,
    area: "Forældre og netværk",
    title: "Indsats til forælder efter fund af psykisk reaktion",
    description:
      "Blandt børn, hvis forælder dag 42–98 havde EPDS ≥ skæringsværdien eller fik vurderet sin psykiske tilstand som \"Psykisk reaktion\": andel, hvor en behovsindsats til den forælder blev bevilget 0–30 dage efter fundet.",
    numerator: "Børn, hvor en forælder med fund fik en behovsindsats (CarePlan med forælderen som subjekt) med start 0–30 dage efter første fund.",
    denominator: "Børn med en forælder med EPDS ≥ skæringsværdien eller psykisk tilstand = problem dag 42–98.",
    exclusions: "Fejlregistrerede fund og indsatser.",
    uoplyst: "Ingen (indikatoren måler, om noget blev gjort).",
    polarity: "higher",
    standard: { target: 0.8, provisional: true },
    sources: ["FBU: EPDS", "FBU: indikator Forælders psykiske tilstand", "FBU: Intervention (CarePlan)"],
    kind: "process",
  },
  {
    id: "LDBU-05",
    ...infant,
    area: "Sundhedsadfærd",
    title: "Fuldt ammet i mere end 17 uger",
    description:
      "Andel børn, der blev fuldt ammet (\"Fuldamning, inklusiv modermælk på flaske\") fra senest dag 14 og i mere end 17 uger (periodens slutning mere end 119 dage efter fødslen).",
    numerator: "Børn med en fuldamningsperiode, der starter senest dag 14 og slutter efter dag 119 (åben periode: til seneste efterfølgende status med fuld amning).",
    denominator: "Børn i fødselsårgangen med mindst én ernæringsobservation med værdi.",
    exclusions: "Fejlregistrerede observationer.",
    uoplyst: "Børn, hvis ernæringsobservationer alle er sendt uden værdi (dataAbsentReason).",
    polarity: "higher",
    standard: { target: 0.6, provisional: true },
    sources: ["FBU: ernæring (SNOMED 169740003) med effectivePeriod og status"],
    kind: "outcome",
  },
  {
    id: "LDBU-06",
    ...infant,
    area: "Sundhedsadfærd",
    title: "Fuldt ammet i mindst 26 uger (6 måneder)",
    description: "Som LDBU-05, men med en fuldamningsperiode, der varer mindst 182 dage efter fødslen.",
    numerator: "Børn med en fuldamningsperiode, der starter senest dag 14 og slutter dag 182 eller senere.",
    denominator: "Børn i fødselsårgangen med mindst én ernæringsobservation med værdi.",
    exclusions: "Fejlregistrerede observationer.",
    uoplyst: "Børn, hvis ernæringsobservationer alle er sendt uden værdi (dataAbsentReason).",
    polarity: "higher",
    standard: { target: 0.2, provisional: true },
    sources: ["FBU: ernæring (SNOMED 169740003) med effectivePeriod og status"],
    kind: "outcome",
  },
  {
    id: "LDBU-07",
    ...infant,
    area: "Motorik",
    title: "Motorik vurderet ved 8–11-måneders-besøget",
    description: "Andel børn med et gennemført besøg hos det 8–11 måneder gamle barn, hvor motorikken blev vurderet (indikatoren Motorik sendt med en værdi).",
    numerator: "Børn, hvor Motorik er sendt med en værdi ved besøget (samme kontakt eller samme dag).",
    denominator: "Børn i fødselsårgangen med et gennemført besøg hos det 8–11 måneder gamle barn.",
    exclusions: "Fejlregistrerede besøg og observationer.",
    uoplyst: "Ingen: Motorik sendt uden værdi tæller som ikke vurderet.",
    polarity: "higher",
    standard: { target: 0.95, provisional: true },
    sources: ["FBU: kontakttype Besøg hos det 8-11 måneder gamle barn", "FBU: indikator Motorik"],
    kind: "process",
  },
  {
    id: "LDBU-08",
    ...infant,
    area: "Motorik",
    title: "Alderssvarende motorik ved 8–11 måneder",
    description: "Blandt børn, hvis motorik blev vurderet ved 8–11-måneders-besøget: andel med \"Alderssvarende motorik\". Beskrivende indikator uden vurdering.",
    numerator: "Børn med værdien Alderssvarende motorik.",
    denominator: "Børn med Motorik vurderet ved besøget (LDBU-07's tæller).",
    exclusions: "Fejlregistrerede observationer.",
    uoplyst: "Børn med besøget, hvor Motorik er sendt uden værdi (dataAbsentReason).",
    polarity: "none",
    standard: null,
    sources: ["FBU: indikator Motorik"],
    kind: "outcome",
  },
  {
    id: "LDBU-09",
    ...infant,
    area: "Kontakter",
    title: "Alle fire universelle besøg i første leveår",
    description:
      "Andel børn i registerbefolkningen, der i første leveår har haft alle fire universelle besøg: etableringsbesøg og besøg ved ca. 2, 4–6 og 8–11 måneder.",
    numerator: "Børn med gennemførte kontakter af alle fire typer, startet før 1-års-dagen.",
    denominator: "Børn i fødselsårgangen i registret (bopælskommune, eller journalførende kommune hvis barnet er indberettet).",
    exclusions: "Fejlregistrerede kontakter.",
    uoplyst: "Ingen.",
    polarity: "higher",
    standard: { target: 0.85, provisional: true },
    sources: ["FBU: Encounter (type, status, periode)", "CPR/fødselsregistret: befolkning"],
    kind: "process",
  },
  {
    id: "LDBU-10",
    periodKind: "school-year",
    area: "Kontakter",
    title: "Indskolingsundersøgelse gennemført",
    description: "Andel børn i skoleårets indskolingsårgang (børn, der fylder 6 i skoleårets første kalenderår), som har fået en indskolingsundersøgelse i skoleåret.",
    numerator: "Børn med en gennemført Indskolingsundersøgelse i skoleåret.",
    denominator: "Børn i registret født i året 6 år før skoleårets start.",
    exclusions: "Fejlregistrerede kontakter.",
    uoplyst: "Ingen.",
    polarity: "higher",
    standard: { target: 0.9, provisional: true },
    sources: ["FBU: kontakttype Indskolingsundersøgelse", "CPR: befolkning"],
    kind: "process",
  },
  {
    id: "LDBU-11",
    periodKind: "school-year",
    area: "Kontakter",
    title: "Udskolingsundersøgelse gennemført",
    description: "Andel børn i skoleårets udskolingsårgang (børn, der fylder 15 i skoleårets første kalenderår), som har fået en udskolingsundersøgelse i skoleåret.",
    numerator: "Børn med en gennemført Udskolingsundersøgelse i skoleåret.",
    denominator: "Børn i registret født i året 15 år før skoleårets start.",
    exclusions: "Fejlregistrerede kontakter.",
    uoplyst: "Ingen.",
    polarity: "higher",
    standard: { target: 0.85, provisional: true },
    sources: ["FBU: kontakttype Udskolingsundersøgelse", "CPR: befolkning"],
    kind: "process",
  },
];

export const INDICATOR_BY_ID = new Map(INDICATORS.map((i) => [i.id, i]));

export function indicator(id: string): IndicatorDefinition {
  const d = INDICATOR_BY_ID.get(id);
  if (!d) throw new Error(`Ukendt indikator: ${id}`);
  return d;
}

/** Default EPDS cut-off (LDBU-03/04); SundK may change it (setting `epds_cutoff`). */
export const DEFAULT_EPDS_CUTOFF = 11;
