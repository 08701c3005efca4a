/** Forside for logged-in users: the national picture per indicator. */
import { CATEGORY_LABEL, trendLabel, TREND_SYMBOL, OUTLINE, type Category } from "@/lib/views/labels";
import { OVERVIEW_COLUMNS, sideCategories, type OverviewViewRow } from "@/lib/views/overview";
import { ciText, valueText } from "@/lib/views/cell-text";
import { Sparkline } from "../charts/Sparkline";
import { categoryFill } from "../charts/Patterns";
import { ResultTable } from "../ResultTable";

/** A small stacked bar of the municipalities per category (decorative: the counts are written beside it). */
function CountsBar({ row }: { row: OverviewViewRow }) {
  const [a, b] = sideCategories(row);
  const order: Category[] = [a, "similar", b, "not-compared", "suppressed", "no-data"];
  const total = order.reduce((n, c) => n + row.counts[c], 0) || 1;
  let x = 0;
  return (
    <svg aria-hidden="true" width="140" height="14" viewBox="0 0 140 14" className="counts-bar">
      {order.map((c) => {
        const w = (row.counts[c] / total) * 140;
        const rect = w > 0 ? <rect key={c} x={x} y={1} width={w} height={12} fill={categoryFill(c)} stroke={OUTLINE} strokeWidth={0.75} /> : null;
        x += w;
        return rect;
      })}
    </svg>
  );
}

export function OverviewView({ rows, canExport }: { rows: OverviewViewRow[]; canExport: boolean }) {
  const render = (r: OverviewViewRow, c: { id: string }, text: string) => {
    switch (c.id) {
      case "indikator":
        return <a href={`/sammenlign?indikator=${r.indicator.id}`}>{text}</a>;
      case "land":
        return <strong>{valueText(r.nation)}</strong>;
      case "ci":
        return ciText(r.nation);
      case "udvikling":
        return (
          <span className="trend-cell">
            <Sparkline values={r.seriesValues} label={`Landet ${r.seriesPeriods[0] ?? ""}–${r.seriesPeriods.at(-1) ?? ""}`} />
            <span><span aria-hidden="true">{TREND_SYMBOL[r.trend]} </span>{trendLabel(r.trend, r.indicator.polarity)}</span>
          </span>
        );
      case "kommuner": {
        const [a, b] = sideCategories(r);
        return (
          <span className="counts">
            <CountsBar row={r} />
            <span>
              {[a, "similar", b].map((k) => `${r.counts[k as Category]} ${CATEGORY_LABEL[k as Category].toLowerCase()}`).join(" · ")}
              {r.counts.suppressed ? ` · ${r.counts.suppressed} ikke vist (<5)` : ""}
              {r.counts["no-data"] + r.counts["not-compared"] ? ` · ${r.counts["no-data"] + r.counts["not-compared"]} uden data` : ""}
            </span>
          </span>
        );
      }
      default:
        return text;
    }
  };
  return (
    <section aria-labelledby="overblik-titel" className="overview table-section">
      <div className="table-section__head">
        <h2 id="overblik-titel">Landet lige nu</h2>
        {canExport && <a className="button button--small" href="/api/export/csv?visning=forside" download data-testid="csv-link">Hent CSV<span className="sr-only"> med tabellens tal</span></a>}
      </div>
      <ResultTable
        id="tabel"
        caption="Hver indikator i seneste periode: landsværdien med 95 %-konfidensinterval, udviklingen i landet og hvor mange kommuner der ligger bedre, som eller dårligere end landet."
        columns={OVERVIEW_COLUMNS}
        rows={rows}
        rowKey={(r) => r.indicator.id}
        rowProps={(r) => ({ "data-kode": r.indicator.id })}
        render={render}
      />
    </section>
  );
}
