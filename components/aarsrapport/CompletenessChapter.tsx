/**
 * The data-completeness chapter of a published report: the frozen completeness figures per area, suppressed for the
 * viewer like the Datakomplethed page (small areas' figures hidden for the public).
 */
import { COMPLETENESS_COLUMNS, completenessFigure, type CompletenessAreaRow, type CompletenessChapter as Chapter } from "@/lib/aarsrapport/completeness-view";
import { countsText, valueText } from "@/lib/completeness/text";
import { MEASURE_INFO } from "@/lib/completeness/views";
import { CsvLink } from "./CsvLink";
import styles from "./aarsrapport.module.css";

export function CompletenessChapter({ chapter, csvHref, base }: { chapter: Chapter; csvHref: string; base: string }) {
  const row = (r: CompletenessAreaRow, pinned: boolean) => (
    <tr key={`${r.level}:${r.code}`} className={pinned ? "summary" : undefined} data-kode={r.code}>
      <th scope="row">{r.name}</th>
      {COMPLETENESS_COLUMNS.map((c) => {
        const f = completenessFigure(r.summary, c.key);
        return (
          <td key={c.key} className="num" data-col={c.key}>
            {valueText(f)}
            <br />
            <span className="muted">{countsText(f)}</span>
          </td>
        );
      })}
    </tr>
  );
  return (
    <>
      <p>Indikatorerne er kun så gode som indberetningerne bag dem. Kapitlet viser, hvor komplette, rettidige og gyldige kommunernes indberetninger var, da tallene blev låst.</p>
      <ul>
        {(["daekning", "variabler", "rettidighed", "gyldighed"] as const).map((k) => (
          <li key={k}><strong>{MEASURE_INFO[k].label}:</strong> {MEASURE_INFO[k].description}</li>
        ))}
      </ul>
      <div className={styles.tableHead}>
        <h3 id="datakomplethed-tabel-titel">Tabel: datakomplethed pr. område</h3>
        <CsvLink href={csvHref} base={base} what="tallene for datakomplethed" />
      </div>
      <div className="table-wrap" role="region" aria-labelledby="datakomplethed-tabel-caption" tabIndex={0}>
        <table className="results" id="datakomplethed-tabel" data-testid="completeness-table">
          <caption id="datakomplethed-tabel-caption">
            Andel og antal (tæller af nævner) pr. område. &quot;&lt;5&quot;: færre end 5, vises ikke (og tal, der ellers kunne regnes ud); &quot;–&quot;: ingen data.
          </caption>
          <thead>
            <tr>
              <th scope="col">Område</th>
              {COMPLETENESS_COLUMNS.map((c) => (
                <th key={c.key} scope="col" className="num">{c.label}<br /><span className="muted">{c.period(chapter.periods)}</span></th>
              ))}
            </tr>
          </thead>
          <tbody className="results__pinned">
            {row(chapter.nation, true)}
            {chapter.regions.map((r) => row(r, true))}
          </tbody>
          <tbody>{chapter.municipalities.map((r) => row(r, false))}</tbody>
        </table>
      </div>
    </>
  );
}
