"use client";

/** The heatmap's table alternative: the same figures with their counts (numerator of denominator). */
import type { HeatmapData } from "@/lib/queries/completeness";
import { countsText, valueText } from "@/lib/completeness/text";
import { MEASURE_INFO, periodLabel, type HeatmapRow } from "@/lib/completeness/views";
import { ScrollRegion } from "./ScrollRegion";
import styles from "./completeness.module.css";

export function HeatmapNumbers({ data, yearLabel }: { data: HeatmapData; yearLabel: string }) {
  const row = (r: HeatmapRow) => (
    <tr key={`${r.level}:${r.code}`} className={r.own ? styles.own : undefined} data-area={r.code} data-level={r.level}>
      <th scope="row">
        {r.name}
        {r.own && <span className={styles.ownTag}>egen</span>}
      </th>
      {r.cells.map((f, i) => (
        <td key={data.columns[i].key} className={styles.num} data-col={data.columns[i].key}>
          <span data-value="">{valueText(f)}</span>
          <span className={styles.sub} data-counts="">{countsText(f)}</span>
        </td>
      ))}
    </tr>
  );
  return (
    <ScrollRegion label="Tabel med tal, kan rulles vandret">
      <table className={styles.numbers} data-testid="heatmap-table">
        <caption>
          {MEASURE_INFO[data.measure].label}, {yearLabel}: andel og antal (tæller af nævner) pr. område og besøgstype. &quot;&lt;5&quot; = færre end 5, vises ikke; &quot;–&quot; = ingen data.
        </caption>
        <thead>
          <tr>
            <th scope="col">Område</th>
            {data.columns.map((c) => (
              <th key={c.key} scope="col" className={styles.num} data-col={c.key}>
                {c.title}
                <span className={styles.sub}>{periodLabel(c)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {row(data.nation)}
          {data.regions.map(row)}
          {data.municipalities.map(row)}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
