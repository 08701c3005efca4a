/**
 * What the Datakomplethed page, its API and its CSV show, built from the viewer's figures (./figures.ts): the
 * heatmap (municipalities × visit types for one measure), the national overview, and one municipality's detail and
 * trend. Pure and serialisable; the numbers of the heatmap, its table and its CSV all come from here.
 */
import { ABSENT_REASON_LABELS, ITEM_BY_KEY, VISITS, visitItems, type Programme, type VisitDef } from "./items";
import { NO_DATA, type Figure, type FigureSource } from "./figures";
import type { PagePeriods } from "./periods";
import { ruleLabel } from "./rules";
import { TYPE } from "./suppression";
import { NATION, type AreaLevel } from "./types";

export const MEASURE_KEYS = ["daekning", "variabler", "rettidighed", "gyldighed"] as const;
export type MeasureKey = (typeof MEASURE_KEYS)[number];

export const MEASURE_INFO: Readonly<Record<MeasureKey, { label: string; short: string; description: string }>> = {
  daekning: {
    label: "Dækningsgrad",
    short: "Dækning",
    description: "Andel af børnene i registerbefolkningen (fødselsårgang eller skoleårgang), der har mindst én godkendt indberetning, og som har fået hvert af de besøg, alle børn tilbydes.",
  },
  variabler: {
    label: "Variabelkomplethed",
    short: "Komplethed",
    description: "Andel af de obligatoriske observationer ved besøg med fremmøde (hjemmebesøg eller i kommunens lokaler), der er sendt med en værdi. Resten er sendt uden værdi med en årsag, eller mangler helt.",
  },
  rettidighed: {
    label: "Rettidighed",
    short: "Rettidighed",
    description: "Andel af besøgene, der er indberettet højst 2 døgn (48 timer) efter besøgets start, som vejledningen foreskriver.",
  },
  gyldighed: {
    label: "Gyldighed",
    short: "Gyldighed",
    description: "Andel af de modtagne indberetninger i året, der blev godkendt (ikke afvist). Årsagerne til afvisningerne står under hver kommunes detaljer og i Fejllisten.",
  },
};

export interface Column {
  key: string;
  label: string;
  title: string;
  /** "" = all visits of the programme (or, for coverage, at least one report) */
  visit: string;
  programme: Programme;
  /** the stored period the figures come from */
  period: string;
  /** the figure type (./suppression.ts TYPE) */
  type: string;
  /** show the complement of the figure (accepted = all − rejected) */
  complement?: boolean;
}

/** How a column's period reads in its header: "årgang 2024", "skoleår 2024/25" or "indberettet 2024". */
export function periodLabel(c: Pick<Column, "period" | "type">): string {
  if (c.type === TYPE.validity()) return `indberettet ${c.period}`;
  return c.period.includes("/") ? `skoleår ${c.period}` : `årgang ${c.period}`;
}

const visitColumn = (v: VisitDef, periods: PagePeriods, type: (visit: string) => string): Column => ({
  key: v.key, label: v.short, title: v.label, visit: v.code, programme: v.programme,
  period: v.programme === "infant" ? periods.infant : periods.school, type: type(v.code),
});

export function columnsFor(measure: MeasureKey, periods: PagePeriods): Column[] {
  if (measure === "gyldighed")
    return [{ key: "godkendt", label: "Godkendte", title: "Godkendte indberetninger", visit: "", programme: "infant", period: periods.validity, type: TYPE.validity(), complement: true }];
  if (measure === "daekning")
    return [
      { key: "alle", label: "Indberettet", title: "Mindst én godkendt indberetning", visit: "", programme: "infant", period: periods.infant, type: TYPE.coverage("") },
      ...VISITS.filter((v) => v.expected).map((v) => visitColumn(v, periods, TYPE.coverage)),
    ];
  const type = measure === "variabler" ? (v: string) => TYPE.variable(v, "", "value") : TYPE.timeliness;
  const all = (programme: Programme): Column => ({
    key: programme === "infant" ? "alle-smaaboern" : "alle-skole",
    label: programme === "infant" ? "Alle småbørnsbesøg" : "Alle skolebørnsundersøgelser",
    title: programme === "infant" ? "Alle standardbesøg i småbørnsprogrammet" : "Alle undersøgelser i skolebørnsprogrammet",
    visit: "", programme, period: programme === "infant" ? periods.infant : periods.school, type: type(""),
  });
  return [
    all("infant"), ...VISITS.filter((v) => v.programme === "infant").map((v) => visitColumn(v, periods, type)),
    all("school"), ...VISITS.filter((v) => v.programme === "school").map((v) => visitColumn(v, periods, type)),
  ];
}

export interface AreaRef {
  level: AreaLevel;
  code: string;
  name: string;
  regionCode: string | null;
}

export interface HeatmapRow extends AreaRef {
  own: boolean;
  cells: Figure[];
}

export const SORT_DIRECTIONS = ["stigende", "faldende"] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

/** The figure sources of the page's two stored periods. */
export type Sources = (period: string) => FigureSource | null;

/** all − numerator of all: e.g. accepted receipts from the rejected ones. */
export function complementOf(f: Figure): Figure {
  if (f.state !== "ok" || f.numerator === null || f.denominator === null) return f;
  return { state: "ok", numerator: f.denominator - f.numerator, denominator: f.denominator, value: f.value === null ? null : 1 - f.value };
}

export function heatmapRow(area: AreaRef, columns: readonly Column[], sources: Sources, own: boolean): HeatmapRow {
  return {
    ...area, own,
    cells: columns.map((c) => {
      const f = sources(c.period)?.figure(area.level, area.code, c.type) ?? NO_DATA;
      return c.complement ? complementOf(f) : f;
    }),
  };
}

const collator = new Intl.Collator("da-DK");

/** Sorts by name, or by a column's value (hidden and empty figures last in either direction). */
export function sortHeatmapRows(rows: readonly HeatmapRow[], columns: readonly Column[], sort: string, dir: SortDirection): HeatmapRow[] {
  const i = columns.findIndex((c) => c.key === sort);
  const sign = dir === "stigende" ? 1 : -1;
  const byName = (a: HeatmapRow, b: HeatmapRow) => collator.compare(a.name, b.name);
  if (i < 0) return [...rows].sort((a, b) => sign * byName(a, b));
  const rank = (f: Figure) => (f.state === "ok" && f.value !== null ? 0 : f.state === "suppressed" ? 1 : 2);
  return [...rows].sort((a, b) => {
    const fa = a.cells[i], fb = b.cells[i];
    return rank(fa) - rank(fb) || (rank(fa) === 0 ? sign * (fa.value! - fb.value!) : 0) || byName(a, b);
  });
}

/**
 * Colour bands of the heatmap (higher is better for every measure), finest near the top where complete data sit;
 * each band has its own label in the legend, and every cell prints its value.
 */
export const BANDS = [
  { key: "b5", min: 0.98, label: "98 % eller mere" },
  { key: "b4", min: 0.95, label: "95 % til under 98 %" },
  { key: "b3", min: 0.9, label: "90 % til under 95 %" },
  { key: "b2", min: 0.8, label: "80 % til under 90 %" },
  { key: "b1", min: 0, label: "Under 80 %" },
] as const;
export type BandKey = (typeof BANDS)[number]["key"];

export function bandOf(value: number | null): BandKey | null {
  if (value === null || !Number.isFinite(value)) return null;
  return BANDS.find((b) => value >= b.min)!.key;
}

// ---------------------------------------------------------------- one municipality

export interface DetailItem {
  item: string;
  label: string;
  /** enforced by the receiver (rejected without it) or only intended (a warning) */
  enforced: boolean;
  rule: string;
  value: Figure;
  absent: Figure;
  missing: Figure;
  reasons: { reason: string; label: string; figure: Figure }[];
  nationValue: Figure;
}

export interface DetailVisit {
  visit: string;
  key: string;
  label: string;
  programme: Programme;
  period: string;
  expected: boolean;
  coverage: Figure | null;
  coverageNation: Figure | null;
  visits: Figure;
  value: Figure;
  absent: Figure;
  missing: Figure;
  nationValue: Figure;
  timeliness: Figure;
  medianHours: number | null;
  nationTimeliness: Figure;
  items: DetailItem[];
}

export function detailVisits(area: AreaRef, periods: PagePeriods, sources: Sources): DetailVisit[] {
  return VISITS.map((v) => {
    const period = v.programme === "infant" ? periods.infant : periods.school;
    const src = sources(period);
    const f = (level: AreaLevel, code: string, type: string) => src?.figure(level, code, type) ?? NO_DATA;
    const mine = (type: string) => f(area.level, area.code, type);
    const nation = (type: string) => f("nation", NATION, type);
    return {
      visit: v.code, key: v.key, label: v.label, programme: v.programme, period, expected: v.expected,
      coverage: v.expected ? mine(TYPE.coverage(v.code)) : null,
      coverageNation: v.expected ? nation(TYPE.coverage(v.code)) : null,
      visits: mine(TYPE.visits(v.code)),
      value: mine(TYPE.variable(v.code, "", "value")),
      absent: mine(TYPE.variable(v.code, "", "absent")),
      missing: mine(TYPE.variable(v.code, "", "missing")),
      nationValue: nation(TYPE.variable(v.code, "", "value")),
      timeliness: mine(TYPE.timeliness(v.code)),
      medianHours: src?.medianHours(area.level, area.code, v.code) ?? null,
      nationTimeliness: nation(TYPE.timeliness(v.code)),
      items: visitItems(v.code).map((i) => ({
        item: i.item, label: ITEM_BY_KEY.get(i.item)!.label, enforced: i.enforced, rule: i.rule,
        value: mine(TYPE.variable(v.code, i.item, "value")),
        absent: mine(TYPE.variable(v.code, i.item, "absent")),
        missing: mine(TYPE.variable(v.code, i.item, "missing")),
        reasons: (src?.reasons(area.level, area.code, v.code, i.item) ?? []).map((r) => ({ ...r, label: ABSENT_REASON_LABELS[r.reason] ?? r.reason })),
        nationValue: nation(TYPE.variable(v.code, i.item, "value")),
      })),
    };
  });
}

export interface RuleFigure {
  rule: string;
  label: string;
  figure: Figure;
}

/** Rejection causes, most frequent first (hidden counts after the shown ones). */
export function topRules(src: FigureSource | null, level: AreaLevel, code: string, limit = 10): RuleFigure[] {
  const rank = (f: Figure) => (f.state === "ok" ? 0 : 1);
  return (src?.rules(level, code) ?? [])
    .map((r) => ({ rule: r.rule, label: ruleLabel(r.rule), figure: r.figure }))
    .sort((a, b) => rank(a.figure) - rank(b.figure) || (b.figure.numerator ?? 0) - (a.figure.numerator ?? 0) || a.rule.localeCompare(b.rule))
    .slice(0, limit);
}

/** The headline figures of an area in a year. */
export interface AreaSummary {
  coverage: Figure;
  variableInfant: Figure;
  variableSchool: Figure;
  timelinessInfant: Figure;
  timelinessSchool: Figure;
  medianHoursInfant: number | null;
  validity: Figure;
}

export function areaSummary(level: AreaLevel, code: string, periods: PagePeriods, sources: Sources): AreaSummary {
  const infant = sources(periods.infant), school = sources(periods.school), receipts = sources(periods.validity);
  return {
    coverage: infant?.figure(level, code, TYPE.coverage("")) ?? NO_DATA,
    variableInfant: infant?.figure(level, code, TYPE.variable("", "", "value")) ?? NO_DATA,
    variableSchool: school?.figure(level, code, TYPE.variable("", "", "value")) ?? NO_DATA,
    timelinessInfant: infant?.figure(level, code, TYPE.timeliness("")) ?? NO_DATA,
    timelinessSchool: school?.figure(level, code, TYPE.timeliness("")) ?? NO_DATA,
    medianHoursInfant: infant?.medianHours(level, code, "") ?? null,
    validity: receipts?.figure(level, code, TYPE.validity()) ?? NO_DATA,
  };
}

export const TREND_SERIES = [
  { key: "coverage", label: "Dækningsgrad (mindst én indberetning)" },
  { key: "variableInfant", label: "Variabelkomplethed, småbørn" },
  { key: "timelinessInfant", label: "Rettidighed, småbørn" },
  { key: "variableSchool", label: "Variabelkomplethed, skolebørn" },
  { key: "timelinessSchool", label: "Rettidighed, skolebørn" },
  { key: "validity", label: "Afviste indberetninger" },
] as const;
export type TrendKey = (typeof TREND_SERIES)[number]["key"];


