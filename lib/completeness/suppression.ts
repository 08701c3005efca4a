/**
 * Small-number suppression of the completeness aggregates for a viewer who is not entitled to unsuppressed figures,
 * with the same rule and the same code as the indicator results: `suppress` (lib/stats/suppression.ts) over the
 * municipality → region → nation groups built by `additiveGroups` (lib/queries/viewer-cells.ts), per figure type.
 *
 * The figures of one period, each a cell of the suppression (numerator, denominator):
 *   cov:<visit>                      children covered / register population
 *   time:<visit>                     visits reported within 48 h / visits
 *   visits:<visit>                   face-to-face visits (numerator = denominator)
 *   var:<visit>:<item>:value|absent|missing        visits with a value / with a data-absent reason / missing, of the visits
 *   var:<visit>:<item>:reason:<code> visits where the observation was sent without a value for this reason
 *   valid                            rejected / all receipts
 *   rule:<rule id>                   rejected receipts with this rule / rejected receipts
 * (<visit> "" = all visits of the period, <item> "" = all observation slots of the visit.)
 *
 * Beyond the geographic groups, the figures that add up within an area are groups too, so a hidden count cannot be
 * recovered by subtraction: value + absent + missing = visits for each observation (and for the slots of a visit,
 * whose number the visits give away); the reasons add up to "absent"; the observations add up to the visit's slots;
 * the visit types add up to "all visits".
 */
import { additiveGroups } from "@/lib/queries/viewer-cells";
import { suppress, type AdditiveGroup, type SuppressionCell, type SuppressionReason } from "@/lib/stats";
import { MEASURES, type AreaLevel, type CompletenessRow, type VariableDetail } from "./types";

export type Entitlement = (level: AreaLevel, code: string) => boolean;

export const CATEGORIES = ["value", "absent", "missing"] as const;
export type Category = (typeof CATEGORIES)[number];

/** The key of a figure of an area, in the key format of lib/queries/viewer-cells.ts (the type in the breakdown's place). */
export const figureKey = (level: AreaLevel, code: string, type: string) => `${level}:${code}|${type}|`;

export const TYPE = {
  coverage: (visit: string) => `cov:${visit}`,
  timeliness: (visit: string) => `time:${visit}`,
  visits: (visit: string) => `visits:${visit}`,
  variable: (visit: string, item: string, category: Category) => `var:${visit}:${item}:${category}`,
  reason: (visit: string, item: string, reason: string) => `var:${visit}:${item}:reason:${reason}`,
  validity: () => "valid",
  rule: (rule: string) => `rule:${rule}`,
};

export interface FigureCell extends SuppressionCell {
  level: AreaLevel;
  code: string;
  type: string;
  /** what the share is of (the denominator shown): the observation slots for item "", else the denominator */
  base: number;
}

/** The suppression cells of one period's stored rows. */
export function figureCells(rows: readonly CompletenessRow[]): FigureCell[] {
  const cells: FigureCell[] = [];
  const add = (r: CompletenessRow, type: string, numerator: number, denominator: number, base = denominator) =>
    cells.push({ key: figureKey(r.areaLevel, r.areaCode, type), level: r.areaLevel, code: r.areaCode, type, numerator, denominator, base });
  for (const r of rows) {
    switch (r.measure) {
      case MEASURES.coverage:
        add(r, TYPE.coverage(r.visitType), r.numerator, r.denominator);
        break;
      case MEASURES.timeliness:
        add(r, TYPE.timeliness(r.visitType), r.numerator, r.denominator);
        break;
      case MEASURES.variable: {
        const d = r.detail as VariableDetail;
        // the slots of item "" are shown as the base of its shares; suppression looks at the visits behind them
        add(r, TYPE.variable(r.visitType, r.item, "value"), r.numerator, d.visits, r.denominator);
        add(r, TYPE.variable(r.visitType, r.item, "absent"), d.absent, d.visits, r.denominator);
        add(r, TYPE.variable(r.visitType, r.item, "missing"), d.missing, d.visits, r.denominator);
        for (const [reason, n] of Object.entries(d.reasons ?? {})) add(r, TYPE.reason(r.visitType, r.item, reason), n, d.visits);
        if (r.item === "") add(r, TYPE.visits(r.visitType), d.visits, d.visits);
        break;
      }
      case MEASURES.validity:
        add(r, TYPE.validity(), r.numerator, r.denominator);
        break;
      case MEASURES.rejectionRule:
        add(r, TYPE.rule(r.item), r.numerator, r.denominator);
        break;
    }
  }
  return cells;
}

/** Geographic groups per figure type, and the within-area groups of the file comment. */
export function figureGroups(cells: readonly FigureCell[], regionOf: ReadonlyMap<string, string>): AdditiveGroup[] {
  const groups: AdditiveGroup[] = [];
  const byType = new Map<string, FigureCell[]>();
  for (const c of cells) (byType.get(c.type) ?? byType.set(c.type, []).get(c.type)!).push(c);
  for (const [type, list] of byType)
    for (const g of additiveGroups(list.map((c) => ({ areaLevel: c.level, areaCode: c.code, breakdown: type, breakdownValue: "" })), regionOf))
      if (g.total !== null && g.members.length > 0) groups.push(g);

  const present = new Set(cells.map((c) => c.key));
  const group = (total: string, members: string[]) => {
    const m = members.filter((k) => present.has(k));
    if (present.has(total) && m.length > 0) groups.push({ total, members: m });
  };
  const areas = new Map<string, { level: AreaLevel; code: string }>();
  const visitItems = new Map<string, Set<string>>(); // area|visit → items
  const reasons = new Map<string, Set<string>>(); // area|visit|item → reasons
  const visitsOf = new Map<string, Set<string>>(); // area → visits (not "")
  for (const c of cells) {
    const area = `${c.level}:${c.code}`;
    areas.set(area, { level: c.level, code: c.code });
    const m = /^var:([^:]*):([^:]*):(.*)$/.exec(c.type);
    if (!m) continue;
    const [, visit, item, rest] = m;
    if (item !== "") (visitItems.get(`${area}|${visit}`) ?? visitItems.set(`${area}|${visit}`, new Set()).get(`${area}|${visit}`)!).add(item);
    if (visit !== "") (visitsOf.get(area) ?? visitsOf.set(area, new Set()).get(area)!).add(visit);
    if (rest.startsWith("reason:")) (reasons.get(`${area}|${visit}|${item}`) ?? reasons.set(`${area}|${visit}|${item}`, new Set()).get(`${area}|${visit}|${item}`)!).add(rest.slice(7));
  }
  for (const [area, { level, code }] of areas) {
    const k = (type: string) => figureKey(level, code, type);
    const visits = [...(visitsOf.get(area) ?? [])];
    for (const visit of ["", ...visits]) {
      const items = [...(visitItems.get(`${area}|${visit}`) ?? [])];
      for (const item of ["", ...items]) group(k(TYPE.visits(visit)), CATEGORIES.map((cat) => k(TYPE.variable(visit, item, cat))));
      for (const item of items) group(k(TYPE.variable(visit, item, "absent")), [...(reasons.get(`${area}|${visit}|${item}`) ?? [])].map((r) => k(TYPE.reason(visit, item, r))));
      for (const cat of CATEGORIES) group(k(TYPE.variable(visit, "", cat)), items.map((item) => k(TYPE.variable(visit, item, cat))));
    }
    for (const cat of CATEGORIES) group(k(TYPE.variable("", "", cat)), visits.map((v) => k(TYPE.variable(v, "", cat))));
    group(k(TYPE.visits("")), visits.map((v) => k(TYPE.visits(v))));
    group(k(TYPE.timeliness("")), visits.map((v) => k(TYPE.timeliness(v))));
  }
  return groups;
}

/** Suppression status of every figure of a period for a viewer ("primary", "complementary", or null: shown). */
export function suppressFigures(cells: readonly FigureCell[], groups: readonly AdditiveGroup[], entitled: Entitlement): Map<string, SuppressionReason | null> {
  const byKey = new Map(cells.map((c) => [c.key, c]));
  return suppress(cells, groups, { entitled: (key) => { const c = byKey.get(key); return c ? entitled(c.level, c.code) : false; } });
}
