/**
 * The 98 municipalities as the generator sees them: population weights, a deterministic synthetic
 * SOR code per custodian (exported for the ingest, which must map SOR → municipality), and a
 * per-municipality "profile" of practice and data quality drawn from the seed — the variation
 * that gives benchmarking something to find.
 */
import municipalitiesJson from "@/lib/reference/municipalities.json";
import { clamp, rngFor, type Rng } from "./random";

export interface MunicipalityRef {
  code: string;
  name: string;
  regionCode: string;
  approxPopulation: number;
}

export const MUNICIPALITIES: readonly MunicipalityRef[] = (municipalitiesJson as { municipalities: MunicipalityRef[] }).municipalities;

const BY_CODE = new Map(MUNICIPALITIES.map((m) => [m.code, m]));

export function municipalityByCode(code: string): MunicipalityRef | undefined {
  return BY_CODE.get(code);
}

/** The four small island municipalities the brief singles out. */
export const ISLAND_CODES = ["825", "563", "741", "492"] as const; // Læsø, Fanø, Samsø, Ærø

// ---------------------------------------------------------------------------------------------
// SOR codes
// ---------------------------------------------------------------------------------------------

/**
 * Deterministic synthetic SOR code of a municipality's health-visitor service (the custodian in
 * Patient.managingOrganization): "9" + the 3-digit kommunekode + "00000016" → 12 digits, e.g.
 * København 101 → 910100000016. The leading 9 marks it as synthetic. Independent of the seed.
 */
export function sorCodeForMunicipality(code: string): string {
  if (!/^[0-9]{3}$/.test(code)) throw new Error(`not a 3-digit municipality code: ${code}`);
  return `9${code}00000016`;
}

/**
 * Second custodian for municipalities whose school health service keeps its own record system
 * (so their school examinations carry a different SOR code): "9" + code + "00000024".
 */
export function schoolSorCodeForMunicipality(code: string): string {
  return SPLIT_CUSTODIAN.has(code) ? `9${code}00000024` : sorCodeForMunicipality(code);
}

/** Municipalities with a separate school-health custodian (København, Aarhus). */
const SPLIT_CUSTODIAN = new Set(["101", "751"]);

export interface SorMapping {
  sor: string;
  municipalityCode: string;
  name: string;
  /** What the custodian is (for the admin page's organisation list). */
  unit: "sundhedsplejen" | "skolesundhedsplejen";
}

/** Every synthetic SOR code and its municipality (the inverse mapping the ingest needs). */
export const SYNTHETIC_SOR_CODES: readonly SorMapping[] = MUNICIPALITIES.flatMap((m) => {
  const rows: SorMapping[] = [{ sor: sorCodeForMunicipality(m.code), municipalityCode: m.code, name: `Sundhedsplejen, ${m.name} Kommune`, unit: "sundhedsplejen" }];
  if (SPLIT_CUSTODIAN.has(m.code))
    rows.push({ sor: schoolSorCodeForMunicipality(m.code), municipalityCode: m.code, name: `Skolesundhedsplejen, ${m.name} Kommune`, unit: "skolesundhedsplejen" });
  return rows;
});

const SOR_TO_MUNI = new Map(SYNTHETIC_SOR_CODES.map((r) => [r.sor, r.municipalityCode]));

/** Municipality code of a synthetic SOR code, or undefined. */
export function municipalityForSorCode(sor: string): string | undefined {
  return SOR_TO_MUNI.get(sor);
}

// ---------------------------------------------------------------------------------------------
// Municipality profiles
// ---------------------------------------------------------------------------------------------

/**
 * Socio-economic position used to shape mothers' education and the health outcomes that follow it
 * (public knowledge of Danish municipalities, coarse on purpose; others get a small random value).
 */
const SES_HINT: Record<string, number> = {
  "157": 1.0, // Gentofte
  "230": 1.0, // Rudersdal
  "173": 0.9, // Lyngby-Taarbæk
  "223": 0.9, // Hørsholm
  "201": 0.7, // Allerød
  "147": 0.8, // Frederiksberg
  "190": 0.6, // Furesø
  "240": 0.5, // Egedal
  "155": 0.6, // Dragør
  "746": 0.5, // Skanderborg
  "710": 0.4, // Favrskov
  "751": 0.4, // Aarhus
  "101": 0.3, // København
  "461": 0.2, // Odense
  "851": 0.1, // Aalborg
  "360": -1.0, // Lolland
  "183": -0.9, // Ishøj
  "165": -0.8, // Albertslund
  "153": -0.8, // Brøndby
  "376": -0.7, // Guldborgsund
  "482": -0.6, // Langeland
  "306": -0.6, // Odsherred
  "390": -0.5, // Vordingborg
  "169": -0.6, // Høje-Taastrup
  "773": -0.5, // Morsø
  "825": -0.3, // Læsø
  "492": -0.2, // Ærø
  "741": -0.2, // Samsø
};

export type VisitCoverageKey = "establishment" | "second" | "m2" | "m4" | "m8";

export interface MunicipalityProfile {
  code: string;
  name: string;
  regionCode: string;
  sor: string;
  schoolSor: string;
  /** Share of national births (sums to 1). */
  birthShare: number;
  /** Socio-economic position, about −1 … 1. */
  ses: number;
  /** Probability that each universal visit takes place. */
  coverage: Record<VisitCoverageKey, number>;
  /** Years (inclusive range) in which the 4–6-month visit was offered only to families with needs. */
  m4Suspended?: { from: number; to: number };
  pregnancyVisitRate: number;
  postnatalVisitRate: number;
  /** Share of 4–6 and 8–11-month visits held at a clinic (AMB) instead of at home. */
  clinicShare: number;
  /** Share of standard visits held as screen visits (no measurements, invariants do not fire). */
  screenShare: number;
  epdsMotherRate: number;
  epdsFatherRate: number;
  /** Probability that a parent in need gets an intervention started within 30 days. */
  interventionRate: number;
  /** Share of families given general need-based support (breastfeeding, guidance) in the first months. */
  supportRate: number;
  /** Logit shift of breastfeeding continuation. */
  bfShift: number;
  /** Mean early weight loss (fraction of birth weight) at the nadir. */
  nadirMean: number;
  /** How readily health visitors grade "potential problem" (multiplier). */
  findingBias: number;
  motorAssessRate: number;
  relationshipAt8mRate: number;
  /** Probability that a mandatory observation is sent with a data-absent reason. */
  dataAbsentRate: number;
  /** Share of reports sent late (3–40 days). */
  lateRate: number;
  /** Probability that a report is invalid (first attempt rejected). */
  invalidRate: number;
  /** Sends through a FLIS-style system: daily incremental-delivery wrappers. */
  incremental: boolean;
  schoolEntryCoverage: number;
  schoolExitCoverage: number;
  /** Relative fertility (islands and ageing rural areas lower). */
  fertility: number;
  /** Number of schools (Location resources). */
  schools: number;
}

function pickDistinct(rng: Rng, pool: readonly string[], n: number): Set<string> {
  const copy = [...pool];
  rng.shuffle(copy);
  return new Set(copy.slice(0, n));
}

/** Build the profiles of all 98 municipalities for a seed (deterministic). */
export function buildMunicipalityProfiles(seed: number): MunicipalityProfile[] {
  const global = rngFor(seed, "municipality-roles");
  const codes = MUNICIPALITIES.map((m) => m.code);
  const nonIsland = codes.filter((c) => !(ISLAND_CODES as readonly string[]).includes(c));
  // Roles that make benchmarking interesting: a few clearly good or poor performers.
  const incremental = pickDistinct(global, nonIsland.filter((c) => c !== "101"), 7);
  const coverageGap = pickDistinct(global, nonIsland, 8); // one visit type with a big gap
  const m4Suspended = pickDistinct(global, nonIsland.filter((c) => !coverageGap.has(c)), 3);
  const lowEpds = pickDistinct(global, nonIsland, 6);
  const bfChampions = pickDistinct(global, nonIsland, 5);
  const bfLaggards = pickDistinct(global, nonIsland.filter((c) => !bfChampions.has(c)), 5);
  const poorData = pickDistinct(global, nonIsland, 6);
  const lateSenders = pickDistinct(global, nonIsland, 8);
  const lowMotor = pickDistinct(global, nonIsland, 6);
  const weightHigh = pickDistinct(global, nonIsland, 6);
  const weightLow = pickDistinct(global, nonIsland.filter((c) => !weightHigh.has(c)), 6);
  const lowIntervention = pickDistinct(global, nonIsland, 6);
  const lowSchool = pickDistinct(global, nonIsland, 6);

  const fertility = new Map<string, number>();
  const rows = MUNICIPALITIES.map((m) => {
    const r = rngFor(seed, "municipality", m.code);
    let fert = clamp(r.normal(1, 0.08), 0.8, 1.2);
    if ((ISLAND_CODES as readonly string[]).includes(m.code)) fert *= 0.75;
    if (m.code === "101" || m.code === "147" || m.code === "751") fert *= 1.25; // young cities
    fertility.set(m.code, fert);
    return { m, r };
  });
  const weightSum = rows.reduce((s, { m }) => s + m.approxPopulation * fertility.get(m.code)!, 0);

  return rows.map(({ m, r }) => {
    const ses = clamp(SES_HINT[m.code] ?? r.normal(0, 0.3), -1, 1);
    const cov = (base: number) => clamp(r.normal(base, 0.015), 0.8, 0.995);
    const coverage: Record<VisitCoverageKey, number> = {
      establishment: cov(0.975),
      second: cov(0.93),
      m2: cov(0.955),
      m4: cov(0.935),
      m8: cov(0.9),
    };
    if (coverageGap.has(m.code)) {
      const k = r.pick<VisitCoverageKey>(["second", "m4", "m8", "m8", "m2"]);
      coverage[k] = r.uniform(0.45, 0.7);
    }
    let m4Susp: MunicipalityProfile["m4Suspended"];
    if (m4Suspended.has(m.code)) {
      const from = 2022 + r.int(3);
      m4Susp = { from, to: from + r.int(2) };
    }
    const profile: MunicipalityProfile = {
      code: m.code,
      name: m.name,
      regionCode: m.regionCode,
      sor: sorCodeForMunicipality(m.code),
      schoolSor: schoolSorCodeForMunicipality(m.code),
      birthShare: (m.approxPopulation * fertility.get(m.code)!) / weightSum,
      ses,
      coverage,
      m4Suspended: m4Susp,
      pregnancyVisitRate: clamp(r.normal(0.3, 0.12), 0.05, 0.7),
      postnatalVisitRate: clamp(r.normal(0.35, 0.1), 0.15, 0.6),
      clinicShare: clamp(r.normal(0.15, 0.15), 0, 0.7),
      screenShare: clamp(r.normal(0.01, 0.01), 0, 0.04),
      epdsMotherRate: lowEpds.has(m.code) ? r.uniform(0.35, 0.6) : clamp(r.normal(0.86, 0.06), 0.65, 0.98),
      epdsFatherRate: clamp(r.normal(0.15, 0.12), 0, 0.5),
      interventionRate: lowIntervention.has(m.code) ? r.uniform(0.35, 0.55) : clamp(r.normal(0.8, 0.07), 0.6, 0.97),
      supportRate: clamp(r.normal(0.22, 0.07), 0.05, 0.45),
      bfShift: r.normal(0, 0.12) + 0.25 * ses + (bfChampions.has(m.code) ? 0.45 : 0) - (bfLaggards.has(m.code) ? 0.45 : 0),
      nadirMean: clamp(0.078 + r.normal(0, 0.0025) + (weightHigh.has(m.code) ? 0.0055 : 0) - (weightLow.has(m.code) ? 0.005 : 0), 0.069, 0.086),
      findingBias: clamp(r.normal(1, 0.25), 0.5, 1.8),
      motorAssessRate: lowMotor.has(m.code) ? r.uniform(0.4, 0.7) : clamp(r.normal(0.95, 0.03), 0.85, 1),
      relationshipAt8mRate: clamp(r.normal(0.85, 0.1), 0.5, 1),
      dataAbsentRate: poorData.has(m.code) ? r.uniform(0.02, 0.05) : clamp(r.normal(0.006, 0.004), 0.001, 0.02),
      lateRate: lateSenders.has(m.code) ? r.uniform(0.15, 0.35) : clamp(r.normal(0.04, 0.025), 0.005, 0.1),
      invalidRate: poorData.has(m.code) ? r.uniform(0.025, 0.04) : clamp(r.normal(0.0145, 0.005), 0.004, 0.028),
      incremental: incremental.has(m.code),
      schoolEntryCoverage: lowSchool.has(m.code) ? r.uniform(0.6, 0.8) : clamp(r.normal(0.95, 0.025), 0.85, 0.995),
      schoolExitCoverage: lowSchool.has(m.code) ? r.uniform(0.5, 0.75) : clamp(r.normal(0.9, 0.04), 0.75, 0.99),
      fertility: fertility.get(m.code)!,
      schools: Math.max(1, Math.round(m.approxPopulation / 5500)),
    };
    return profile;
  });
}
