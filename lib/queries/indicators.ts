/** The indicator catalog and breakdowns as options for the views, with SundK's current standards. */
import { pool } from "@/lib/db/client";
import { BREAKDOWNS } from "@/lib/indicators/aggregate";
import { INDICATORS } from "@/lib/indicators/catalog";
import { currentStandards } from "@/lib/indicators/standards";
import type { BreakdownOption, IndicatorOption } from "@/lib/views/types";
import { breakdownKey } from "@/lib/views/url-state";

export async function indicatorOptions(): Promise<IndicatorOption[]> {
  const [standards, stored] = await Promise.all([
    currentStandards(pool()),
    pool()
      .query<{ indicator_id: string; provisional: boolean }>(`SELECT indicator_id, provisional FROM indicator_standard`)
      .then((r) => new Map(r.rows.map((x) => [x.indicator_id, x.provisional]))),
  ]);
  return INDICATORS.map((d) => {
    const target = standards.get(d.id) ?? null;
    return {
      id: d.id,
      title: d.title,
      area: d.area,
      periodKind: d.periodKind,
      polarity: d.polarity,
      target,
      // a stored standard says whether SundK has confirmed it; the catalog's initial values are provisional
      provisional: target !== null && (stored.get(d.id) ?? true),
    };
  });
}

/** Every breakdown cell, the headline ("I alt") first. */
export function breakdownOptions(): BreakdownOption[] {
  return Object.entries(BREAKDOWNS).flatMap(([breakdown, def]) =>
    Object.entries(def.values).map(([value, label]) => ({ key: breakdownKey(breakdown, value), label: breakdown === "all" ? label : `${def.label}: ${label}`, group: def.label })),
  );
}
