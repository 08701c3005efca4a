/**
 * The figures of one period as a viewer may see them: built from the stored rows and the viewer's suppression
 * outcome (./suppression.ts). A hidden figure carries no numbers at all. Pure; used by lib/queries/completeness.ts.
 */
import type { SuppressionReason } from "@/lib/stats";
import { figureCells, figureKey, TYPE, type FigureCell } from "./suppression";
import { MEASURES, type AreaLevel, type CompletenessRow, type TimelinessDetail } from "./types";

export interface Figure {
  /** "ok": shown; "suppressed": withheld for this viewer (<5); "no-data": nothing to count */
  state: "ok" | "suppressed" | "no-data";
  numerator: number | null;
  denominator: number | null;
  /** numerator / denominator */
  value: number | null;
}

export const NO_DATA: Figure = { state: "no-data", numerator: null, denominator: null, value: null };
export const SUPPRESSED: Figure = { state: "suppressed", numerator: null, denominator: null, value: null };

export interface FigureSource {
  figure(level: AreaLevel, code: string, type: string): Figure;
  /** Median hours from visit to report, or null when none or hidden. */
  medianHours(level: AreaLevel, code: string, visit: string): number | null;
  /** Data-absent reasons of an observation with their figures. */
  reasons(level: AreaLevel, code: string, visit: string, item: string): { reason: string; figure: Figure }[];
  /** Rejection rules of an area with their figures (counts of rejected receipts). */
  rules(level: AreaLevel, code: string): { rule: string; figure: Figure }[];
}

/** `status` null: the viewer sees everything (entitled to all areas). */
export function figureSource(rows: readonly CompletenessRow[], cells: readonly FigureCell[] = figureCells(rows), status: ReadonlyMap<string, SuppressionReason | null> | null = null): FigureSource {
  const byKey = new Map(cells.map((c) => [c.key, c]));
  const hidden = (key: string) => status !== null && (status.get(key) ?? null) !== null;
  const figure = (level: AreaLevel, code: string, type: string): Figure => {
    const key = figureKey(level, code, type);
    const c = byKey.get(key);
    if (!c) return NO_DATA;
    if (hidden(key)) return SUPPRESSED;
    if (c.base === 0) return { state: "no-data", numerator: c.numerator, denominator: 0, value: null };
    return { state: "ok", numerator: c.numerator, denominator: c.base, value: c.numerator / c.base };
  };
  const timeliness = new Map<string, number | null>();
  for (const r of rows) if (r.measure === MEASURES.timeliness) timeliness.set(figureKey(r.areaLevel, r.areaCode, TYPE.timeliness(r.visitType)), (r.detail as TimelinessDetail | null)?.medianHours ?? null);
  const byArea = new Map<string, FigureCell[]>();
  for (const c of cells) (byArea.get(`${c.level}:${c.code}`) ?? byArea.set(`${c.level}:${c.code}`, []).get(`${c.level}:${c.code}`)!).push(c);
  const prefixed = (level: AreaLevel, code: string, prefix: string) =>
    (byArea.get(`${level}:${code}`) ?? []).filter((c) => c.type.startsWith(prefix)).map((c) => ({ name: c.type.slice(prefix.length), figure: figure(level, code, c.type) }));
  return {
    figure,
    medianHours(level, code, visit) {
      const key = figureKey(level, code, TYPE.timeliness(visit));
      return hidden(key) ? null : (timeliness.get(key) ?? null);
    },
    reasons: (level, code, visit, item) => prefixed(level, code, `var:${visit}:${item}:reason:`).map((x) => ({ reason: x.name, figure: x.figure })),
    rules: (level, code) => prefixed(level, code, "rule:").map((x) => ({ rule: x.name, figure: x.figure })),
  };
}
