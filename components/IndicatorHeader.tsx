/** The chosen indicator: title, area, polarity, standard and a link to its definition. */
import { formatPercent } from "@/lib/stats";
import { POLARITY_LABEL } from "@/lib/views/labels";
import type { IndicatorOption } from "@/lib/views/types";

export function IndicatorHeader({ indicator, period, children }: { indicator: IndicatorOption; period: string | null; children?: React.ReactNode }) {
  return (
    <section className="indicator-header" aria-labelledby="indikator-titel">
      <h2 id="indikator-titel">
        <span className="muted">{indicator.id}</span> {indicator.title}
      </h2>
      <p className="indicator-header__facts">
        <span>{indicator.area}</span>
        <span>{indicator.periodKind === "birth-cohort" ? "Fødselsårgang" : "Skoleår"} {period ?? "–"}</span>
        <span>{POLARITY_LABEL[indicator.polarity]}</span>
        <span>
          Standard: {indicator.target === null ? "ingen" : formatPercent(indicator.target, 0)}
          {indicator.target !== null && indicator.provisional ? " (foreløbig)" : ""}
        </span>
        <a href={`/indikatorer#${indicator.id}`}>Definition</a>
      </p>
      {children}
    </section>
  );
}
