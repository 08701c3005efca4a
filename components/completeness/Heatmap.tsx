"use client";

/**
 * The heatmap: municipalities (with the nation and the regions pinned on top) × visit types for one measure. Each
 * cell prints its value; the colour band repeats it, and cells below SundK's coverage threshold carry a "!" marker,
 * so colour is never the only carrier of meaning. Column headers sort (links: the state stays in the URL).
 * A client component, as is its table alternative (./HeatmapNumbers.tsx): the page then sends the figures once in its
 * RSC payload instead of two rendered 104-row tables, which was two thirds of the page's bytes and render time.
 */
import Link from "next/link";
import type { ReactNode } from "react";
import type { HeatmapData } from "@/lib/queries/completeness";
import { formatPercent } from "@/lib/stats";
import { valueText } from "@/lib/completeness/text";
import { serializeCompletenessState, type CompletenessState } from "@/lib/completeness/url-state";
import { bandOf, MEASURE_INFO, periodLabel, type HeatmapRow } from "@/lib/completeness/views";
import type { Figure } from "@/lib/completeness/figures";
import { ScrollRegion } from "./ScrollRegion";
import styles from "./completeness.module.css";

function cellClass(f: Figure): string {
  if (f.state === "suppressed") return `${styles.cell} ${styles.suppressed}`;
  const band = bandOf(f.value);
  return band ? `${styles.cell} ${styles[band]}` : `${styles.cell} ${styles.noData}`;
}

function href(state: CompletenessState, patch: Partial<CompletenessState>, hash = ""): string {
  const q = serializeCompletenessState({ ...state, ...patch });
  return `/datakomplethed${q ? `?${q}` : ""}${hash}`;
}

export function Heatmap({ data, state, threshold, yearLabel }: { data: HeatmapData; state: CompletenessState; threshold: number | null; yearLabel: string }) {
  const sortHeader = (key: string, label: ReactNode, extra?: ReactNode, title?: string) => {
    const active = state.sort === key;
    const next = active && state.retning === "stigende" ? "faldende" : active ? "stigende" : key === "navn" ? "stigende" : "faldende";
    return (
      <th key={key} scope="col" aria-sort={active ? (state.retning === "stigende" ? "ascending" : "descending") : undefined} data-col={key}>
        <Link className={styles.sortLink} href={href(state, { sort: key, retning: next })} scroll={false} title={title}>
          {label}
          {active && <span className={styles.sortMark} aria-hidden="true"> {state.retning === "stigende" ? "▲" : "▼"}</span>}
        </Link>
        {extra}
      </th>
    );
  };
  const row = (r: HeatmapRow, pinned: boolean) => (
    <tr key={`${r.level}:${r.code}`} className={pinned ? styles.pinned : r.own ? styles.own : undefined} data-area={r.code} data-level={r.level}>
      <th scope="row">
        {r.level === "municipality" ? <Link href={href(state, { kommune: r.code }, "#kommune")}>{r.name}</Link> : r.name}
        {r.own && <span className={styles.ownTag}>egen</span>}
      </th>
      {r.cells.map((f, i) => {
        const below = threshold !== null && f.state === "ok" && f.value !== null && f.value < threshold;
        return (
          <td key={data.columns[i].key} className={cellClass(f)} data-col={data.columns[i].key}>
            {below && (
              <span className={styles.marker} aria-label={`under grænsen på ${formatPercent(threshold, 0)}`}>
                !
              </span>
            )}
            <span data-value="">{valueText(f)}</span>
          </td>
        );
      })}
    </tr>
  );
  return (
    <ScrollRegion label="Heatmap, kan rulles vandret">
      <table className={styles.grid} data-testid="heatmap">
        <caption>
          {MEASURE_INFO[data.measure].label} pr. kommune{data.measure === "gyldighed" ? "" : " og besøgstype"}, {yearLabel}. Tryk på en kolonneoverskrift for at sortere og på en kommune for at se detaljer.
        </caption>
        <thead>
          <tr>
            {sortHeader("navn", "Område")}
            {data.columns.map((c) =>
              sortHeader(c.key, c.label, <span className={styles.colPeriod}>{periodLabel(c)}</span>, c.title),
            )}
          </tr>
        </thead>
        <tbody>
          {row(data.nation, true)}
          {data.regions.map((r) => row(r, true))}
          {data.municipalities.map((r) => row(r, false))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
