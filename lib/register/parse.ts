/**
 * The register extract (PRODUCT.md "Data in" 4): semicolon-separated UTF-8 CSV with a header
 * row, one row per child. Every row is checked; problems are reported by line number, and a
 * file with any problem is rejected whole by the importer.
 */
import { parse } from "csv-parse/sync";
import { cprFacts } from "@/lib/cpr";

export const REGISTER_HEADER = ["cpr", "foedselsdato", "koen", "foedselsvaegt_g", "gestationsalder_dage", "paritet", "bopaelskommune", "mor_uddannelse"] as const;
export const EDUCATIONS = ["grundskole", "ungdomsuddannelse", "kort_videregaaende", "mellemlang_lang_videregaaende"] as const;
export type Education = (typeof EDUCATIONS)[number];

export interface RegisterRow {
  line: number;
  cpr: string;
  birthDate: string;
  sex: "female" | "male";
  birthWeightG: number | null;
  gestationalAgeDays: number | null;
  parity: number | null;
  municipalityCode: string;
  motherEducation: Education | null;
}

export interface RowProblem {
  line: number;
  /** Column name, or null for the row as a whole. */
  column: string | null;
  message: string;
}

/** A real calendar date in ISO form (Date.parse alone accepts 2020-02-31). */
function isIsoDate(v: string): boolean {
  const d = new Date(`${v}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
}

const intOrNull = (v: string, min: number, max: number): number | null | "bad" => {
  if (v === "") return null;
  if (!/^\d+$/.test(v)) return "bad";
  const n = Number(v);
  return n >= min && n <= max ? n : "bad";
};

/** Parses and checks the whole file; `knownMunicipalities` are the valid 3-digit codes. */
export function parseRegister(text: string, knownMunicipalities: Set<string>): { rows: RegisterRow[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ""), { delimiter: ";", relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (e) {
    const line = (e as { lines?: number }).lines ?? 1;
    return { rows: [], problems: [{ line, column: null, message: `Filen kan ikke læses som semikolonsepareret CSV: ${(e as Error).message}` }] };
  }
  const header = records[0]?.map((h) => h.toLowerCase());
  if (!header || header.join(";") !== REGISTER_HEADER.join(";")) {
    return { rows: [], problems: [{ line: 1, column: null, message: `Forkert overskriftslinje. Forventet: ${REGISTER_HEADER.join(";")}` }] };
  }
  const rows: RegisterRow[] = [];
  const seen = new Map<string, number>();
  records.slice(1).forEach((rec, i) => {
    const line = i + 2;
    const bad = (column: string | null, message: string) => problems.push({ line, column, message });
    if (rec.length !== REGISTER_HEADER.length) return bad(null, `Forventet ${REGISTER_HEADER.length} felter, fandt ${rec.length}.`);
    const [cpr, birthDate, koen, weight, gestation, parity, kommune, education] = rec;
    const facts = cprFacts(cpr);
    const before = problems.length;
    if (!facts) bad("cpr", "Ugyldigt CPR-nummer.");
    else if (seen.has(cpr)) bad("cpr", `Barnet findes allerede på linje ${seen.get(cpr)}.`);
    if (!isIsoDate(birthDate)) bad("foedselsdato", "Fødselsdato skal være ÅÅÅÅ-MM-DD.");
    else if (facts && facts.birthDate !== birthDate) bad("foedselsdato", "Fødselsdatoen passer ikke med CPR-nummeret.");
    if (koen !== "K" && koen !== "M") bad("koen", "Køn skal være K eller M.");
    else if (facts && (koen === "K") !== (facts.sex === "female")) bad("koen", "Køn passer ikke med CPR-nummeret.");
    const w = intOrNull(weight, 200, 7000);
    if (w === "bad") bad("foedselsvaegt_g", "Fødselsvægt skal være hele gram mellem 200 og 7000, eller tom.");
    const g = intOrNull(gestation, 150, 320);
    if (g === "bad") bad("gestationsalder_dage", "Gestationsalder skal være hele dage mellem 150 og 320, eller tom.");
    const p = intOrNull(parity, 1, 25);
    if (p === "bad") bad("paritet", "Paritet skal være et helt tal fra 1, eller tom.");
    if (!knownMunicipalities.has(kommune)) bad("bopaelskommune", "Ukendt kommunekode (3 cifre).");
    if (education !== "" && !(EDUCATIONS as readonly string[]).includes(education)) bad("mor_uddannelse", `Mors uddannelse skal være en af ${EDUCATIONS.join(", ")} eller tom.`);
    if (problems.length > before || !facts) return;
    seen.set(cpr, line);
    rows.push({
      line, cpr, birthDate, sex: facts.sex, birthWeightG: w as number | null, gestationalAgeDays: g as number | null,
      parity: p as number | null, municipalityCode: kommune, motherEducation: (education || null) as Education | null,
    });
  });
  return { rows, problems };
}
