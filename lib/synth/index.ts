/**
 * Deterministic synthetic data for LDBU (issue 4): delivery reports, register extract and a
 * manifest of the deliberate imperfections. See generate.ts for the output format.
 */
export { generate, type GenerateOptions, type GenerateSummary, type GenerateCounts, type InvalidEntry, type CorrectionEntry, type Manifest } from "./generate";
export { runGenerateCommand, parseGenerateArgs, GENERATE_USAGE } from "./cli";
export {
  sorCodeForMunicipality,
  schoolSorCodeForMunicipality,
  municipalityForSorCode,
  SYNTHETIC_SOR_CODES,
  MUNICIPALITIES,
  ISLAND_CODES,
  buildMunicipalityProfiles,
  type SorMapping,
  type MunicipalityProfile,
} from "./municipalities";
export { buildPopulation, BIRTHS_PER_YEAR, type Family, type Child, type Population } from "./population";
export { simulateFamily, reportJson, buildReport, type FamilyLife, type FamilyTruth, type ChildTruth, type ReportSpec } from "./life";
export { TruthAccumulator, rate, type TruthRates, type Cell } from "./truth";
export { REGISTER_HEADER } from "./register";
