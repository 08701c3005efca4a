/**
 * Checks the figures in an answer against who may see them unsuppressed: in every area the viewer is not entitled
 * to, no count of 1–4 is visible (numerator, denominator, uoplyst); in every area the viewer is entitled to, nothing
 * is suppressed. Counts what it saw, so the matrix test can assert that suppression really happened (and that an
 * entitled viewer really saw small numbers) instead of passing on data without small numbers.
 */
import { parse } from "csv-parse/sync";
import { OWN_MUNICIPALITY } from "./principals";

export interface FigureTally {
  /** figures of areas the viewer is not entitled to that came back suppressed */
  suppressedForeign: number;
  /** figures of the viewer's own municipality with a visible count of 1–4 */
  smallOwnVisible: number;
  /** figures seen at all */
  figures: number;
}

export const emptyTally = (): FigureTally => ({ suppressedForeign: 0, smallOwnVisible: 0, figures: 0 });

interface Area {
  level: string;
  code: string;
}

const small = (n: unknown) => typeof n === "number" && n >= 1 && n <= 4;
const STATES = new Set(["ok", "suppressed", "no-data"]);

/** Whose figures the viewer may see unsuppressed: all, the own municipality's, or none (published figures). */
export type Scope = "alle" | "egen" | "ingen";

/**
 * Figures in a JSON body: result cells (areaLevel/areaCode, or an areaCode in a view's `municipalities`/`regions`
 * list) and completeness figures (inside rows with level/code or area).
 */
export function checkJsonFigures(body: unknown, scope: Scope, tally: FigureTally): string[] {
  const problems: string[] = [];
  const entitledAll = scope === "alle";
  const entitled = (a: Area | null) => entitledAll || (scope === "egen" && a?.level === "municipality" && a.code === OWN_MUNICIPALITY);
  const LIST_LEVEL: Record<string, string> = { municipalities: "municipality", regions: "region" };
  const visit = (node: unknown, area: Area | null, at: string, listLevel: string | null) => {
    if (Array.isArray(node)) return node.forEach((x, i) => visit(x, area, `${at}[${i}]`, listLevel));
    if (node === null || typeof node !== "object") return;
    const o = node as Record<string, unknown>;
    let here = area;
    if (typeof o.areaLevel === "string" && typeof o.areaCode === "string") here = { level: o.areaLevel, code: o.areaCode };
    else if (listLevel && typeof o.areaCode === "string") here = { level: listLevel, code: o.areaCode };
    else if (typeof o.level === "string" && typeof o.code === "string") here = { level: o.level, code: o.code };
    else if (o.area && typeof o.area === "object") here = o.area as Area;
    if (typeof o.state === "string" && STATES.has(o.state) && "numerator" in o) {
      tally.figures++;
      if (entitled(here)) {
        if (o.state === "suppressed") problems.push(`${at}: undertrykt, men seeren må se tallet (${JSON.stringify(here)})`);
        if (here && !entitledAll && [o.numerator, o.denominator, o.uoplyst].some(small)) tally.smallOwnVisible++;
      } else if (o.state === "suppressed") tally.suppressedForeign++;
      else
        for (const k of ["numerator", "denominator", "uoplyst"])
          if (small(o[k])) problems.push(`${at}.${k} = ${String(o[k])} er synligt for ${JSON.stringify(here)}`);
    }
    for (const [k, v] of Object.entries(o)) {
      // the nation's figures sit inside a municipality's detail: they are the nation's, not the municipality's
      const child = k === "nation" || k === "coverageNation" ? { level: "nation", code: "DK" } : k === "own" && o.own && typeof o.own === "object" && "code" in (o.own as object) ? { level: "municipality", code: String((o.own as Area).code) } : here;
      visit(v, child, `${at}.${k}`, LIST_LEVEL[k] ?? null);
    }
  };
  visit(body, null, "$", null);
  return problems;
}

const COUNT_COLUMNS = ["Tæller", "Nævner", "Uoplyst"];

/** Counts in a CSV export: rows of the own municipality (by Kode, Kommune or Område) may show 1–4, others only "<5". */
export function checkCsvFigures(text: string, scope: Scope, ownName: string, tally: FigureTally): string[] {
  const entitledAll = scope === "alle";
  const rows = parse(text.replace(/^\uFEFF/, ""), { delimiter: ";", columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const problems: string[] = [];
  rows.forEach((row, i) => {
    const own = scope === "egen" && (row.Kode !== undefined ? row.Kode === OWN_MUNICIPALITY : row.Kommune === ownName || row["Område"] === ownName);
    for (const c of COUNT_COLUMNS) {
      const v = row[c];
      if (v === undefined || v === "") continue;
      tally.figures++;
      if (entitledAll || own) {
        if (v === "<5") problems.push(`række ${i + 1} ${c}: "<5", men seeren må se tallet`);
        else if (own && !entitledAll && small(Number(v))) tally.smallOwnVisible++;
      } else if (v === "<5") tally.suppressedForeign++;
      else if (small(Number(v))) problems.push(`række ${i + 1} ${c} = ${v} er synligt (${row.Kode ?? row.Kommune ?? row["Område"]})`);
    }
  });
  return problems;
}

/** A page: SundK never sees a "<5" figure; the municipal roles see "<5" figures on a page about a small municipality that is not theirs. */
export function checkHtmlFigures(html: string, scope: Scope, smallForeignMunicipality: boolean, tally: FigureTally): string[] {
  const entitledAll = scope === "alle";
  // a figure is an element whose whole text is "<5"; explanations ("ikke vist (<5)") are sentences and the legend's
  // key for the suppressed colour is <strong>&lt;5</strong>
  const figures = [...html.matchAll(/(?<!<strong)>&lt;5</g)];
  if (entitledAll)
    return figures.length ? [`${figures.length} × "<5" på siden, men seeren må se alle tal: …${html.slice(Math.max(0, figures[0].index - 200), figures[0].index + 20)}…`] : [];
  tally.suppressedForeign += figures.length;
  return smallForeignMunicipality && figures.length === 0 ? ['ingen "<5" på siden om en lille fremmed kommune'] : [];
}
