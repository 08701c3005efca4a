/** The national overview at the top of Datakomplethed (and the viewer's own municipality next to it). */
import type { CompletenessData } from "@/lib/queries/completeness";
import type { Figure } from "@/lib/completeness/figures";
import type { PagePeriods } from "@/lib/completeness/periods";
import { countsText, daysText, valueText } from "@/lib/completeness/text";
import type { AreaSummary, RuleFigure } from "@/lib/completeness/views";
import { formatPercent } from "@/lib/stats";
import styles from "./completeness.module.css";

function Card({ label, figure, note, warn }: { label: string; figure: Figure; note: string; warn?: string | null }) {
  return (
    <li className={styles.card}>
      <p className={styles.cardLabel}>{label}</p>
      <p className={styles.cardValue}>{valueText(figure)}</p>
      <p className={styles.cardNote}>{figure.state === "ok" ? `${countsText(figure)} ${note}` : note}</p>
      {warn && (
        <p className={styles.cardNote}>
          <span className={styles.warning}>
            <span aria-hidden="true">!</span> {warn}
          </span>
        </p>
      )}
    </li>
  );
}

export function SummaryCards({ summary, periods, threshold, testId }: { summary: AreaSummary; periods: PagePeriods; threshold: number; testId: string }) {
  const c = summary.coverage;
  const below = c.state === "ok" && c.value !== null && c.value < threshold;
  return (
    <ul className={styles.cards} data-testid={testId}>
      <Card label={`Dækningsgrad, fødselsårgang ${periods.infant}`} figure={c} note="børn i registret har mindst én godkendt indberetning" warn={below ? `Under grænsen på ${formatPercent(threshold, 0)}` : null} />
      <Card label={`Variabelkomplethed, småbørn ${periods.infant}`} figure={summary.variableInfant} note="obligatoriske observationer sendt med værdi" />
      <Card label={`Rettidighed, småbørn ${periods.infant}`} figure={summary.timelinessInfant} note={`besøg indberettet inden for 2 døgn; median ${daysText(summary.medianHoursInfant)}`} />
      <Card label={`Variabelkomplethed, skolebørn ${periods.school}`} figure={summary.variableSchool} note="obligatoriske observationer sendt med værdi" />
      <Card label={`Afviste indberetninger ${periods.validity}`} figure={summary.validity} note="indberetninger afvist" />
    </ul>
  );
}

export function RulesTable({ rules, caption, testId }: { rules: RuleFigure[]; caption: string; testId?: string }) {
  if (rules.length === 0) return <p className="muted">Ingen afviste indberetninger i perioden.</p>;
  return (
    <table className={styles.numbers} data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Årsag</th>
          <th scope="col">Regel</th>
          <th scope="col" className={styles.num}>Afviste indberetninger med årsagen</th>
          <th scope="col" className={styles.num}>Andel af de afviste</th>
        </tr>
      </thead>
      <tbody>
        {rules.map((r) => (
          <tr key={r.rule}>
            <th scope="row">{r.label}</th>
            <td className={styles.code}>{r.rule}</td>
            <td className={styles.num}>{countsText(r.figure)}</td>
            <td className={styles.num}>{valueText(r.figure)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function CompletenessOverview({ data }: { data: CompletenessData }) {
  if (!data.overview || !data.periods) return null;
  const { nation, own, rules } = data.overview;
  return (
    <section className={styles.section} aria-labelledby="dk-overview">
      <h2 id="dk-overview">Landsoverblik {data.year}</h2>
      <SummaryCards summary={nation} periods={data.periods} threshold={data.threshold} testId="overview-nation" />
      {own && (
        <>
          <h3>{own.name} Kommune</h3>
          <SummaryCards summary={own} periods={data.periods} threshold={data.threshold} testId="overview-own" />
        </>
      )}
      <RulesTable rules={rules} caption={`Hyppigste årsager til afviste indberetninger i hele landet, ${data.periods.validity}`} testId="overview-rules" />
    </section>
  );
}
