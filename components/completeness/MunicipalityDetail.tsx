/** Drill-down: one municipality's completeness per visit type and observation, its rejection causes and its trend. */
import Link from "next/link";
import type { MunicipalityDetail as Detail } from "@/lib/queries/completeness";
import type { PagePeriods } from "@/lib/completeness/periods";
import { countText, countsText, daysText, valueText } from "@/lib/completeness/text";
import { TREND_SERIES, type DetailVisit } from "@/lib/completeness/views";
import type { Figure } from "@/lib/completeness/figures";
import { RulesTable, SummaryCards } from "./CompletenessOverview";
import { TrendChart } from "./TrendChart";
import { ScrollRegion } from "./ScrollRegion";
import styles from "./completeness.module.css";

function ItemTable({ v, name }: { v: DetailVisit; name: string }) {
  return (
    <table className={styles.numbers} data-testid={`items-${v.key}`}>
      <caption>
        {v.label} ({v.period.includes("/") ? `skoleår ${v.period}` : `fødselsårgang ${v.period}`}), {name}: obligatoriske observationer ved besøg med fremmøde.
      </caption>
      <thead>
        <tr>
          <th scope="col">Observation</th>
          <th scope="col">Håndhæves ved modtagelse</th>
          <th scope="col" className={styles.num}>Med værdi</th>
          <th scope="col" className={styles.num}>Uden værdi (årsag)</th>
          <th scope="col" className={styles.num}>Mangler</th>
          <th scope="col" className={styles.num}>Landet, med værdi</th>
        </tr>
      </thead>
      <tbody>
        {v.items.map((i) => (
          <tr key={i.item}>
            <th scope="row">{i.label}</th>
            <td>{i.enforced ? "Ja" : <>Nej – kun advarsel (<span className={styles.code}>{i.rule}</span>)</>}</td>
            <td className={styles.num}>
              {valueText(i.value)}
              <span className={styles.sub}>{countsText(i.value)}</span>
            </td>
            <td className={styles.num}>
              {countText(i.absent, "numerator")}
              {i.reasons.map((r) => (
                <span key={r.reason} className={styles.sub}>
                  {r.label}: {countText(r.figure, "numerator")}
                </span>
              ))}
            </td>
            <td className={styles.num}>{countText(i.missing, "numerator")}</td>
            <td className={styles.num}>{valueText(i.nationValue)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const cov = (f: Figure | null) => (f === null ? "opgøres ikke" : valueText(f));

export function MunicipalityDetail({ detail, periods, threshold, worklistHref, csvHref }: { detail: Detail; periods: PagePeriods; threshold: number; worklistHref: string | null; csvHref: string | null }) {
  const name = detail.area.name;
  return (
    <section className={styles.section} aria-labelledby="kommune" data-testid="municipality-detail">
      <div className={styles.sectionHead}>
        <h2 id="kommune" tabIndex={-1}>
          {name} Kommune {detail.own && <span className={styles.ownTag}>egen</span>}
        </h2>
        {worklistHref && <Link href={worklistHref}>Åbn kommunens fejlliste</Link>}
        {csvHref && <a href={csvHref} download>Hent detaljerne som CSV</a>}
      </div>
      <SummaryCards summary={detail.summary} periods={periods} threshold={threshold} testId="detail-summary" />

      <h3>Besøgstyper</h3>
      <ScrollRegion label="Besøgstyper, kan rulles vandret">
        <table className={styles.numbers} data-testid="detail-visits">
          <caption>
            {name}: dækning, variabelkomplethed og rettidighed pr. besøgstype (småbørn: fødselsårgang {periods.infant}; skolebørn: skoleår {periods.school}), med landets
            værdi. Dækningsgraden opgøres for de besøg, alle børn tilbydes, og hvis årgang er i registret.
          </caption>
          <thead>
            <tr>
              <th scope="col">Besøg</th>
              <th scope="col" className={styles.num}>Dækningsgrad</th>
              <th scope="col" className={styles.num}>Landet</th>
              <th scope="col" className={styles.num}>Besøg med fremmøde</th>
              <th scope="col" className={styles.num}>Observationer med værdi</th>
              <th scope="col" className={styles.num}>Uden værdi</th>
              <th scope="col" className={styles.num}>Mangler</th>
              <th scope="col" className={styles.num}>Landet, med værdi</th>
              <th scope="col" className={styles.num}>Rettidighed</th>
              <th scope="col" className={styles.num}>Median</th>
              <th scope="col" className={styles.num}>Landet, rettidighed</th>
            </tr>
          </thead>
          <tbody>
            {detail.visits.map((v) => (
              <tr key={v.visit} data-visit={v.key}>
                <th scope="row">{v.label}</th>
                <td className={styles.num}>
                  {cov(v.coverage)}
                  {v.coverage && <span className={styles.sub}>{countsText(v.coverage)}</span>}
                </td>
                <td className={styles.num}>{v.coverageNation ? valueText(v.coverageNation) : ""}</td>
                <td className={styles.num}>{countText(v.visits, "numerator")}</td>
                <td className={styles.num}>
                  {valueText(v.value)}
                  <span className={styles.sub}>{countsText(v.value)}</span>
                </td>
                <td className={styles.num}>{countText(v.absent, "numerator")}</td>
                <td className={styles.num}>{countText(v.missing, "numerator")}</td>
                <td className={styles.num}>{valueText(v.nationValue)}</td>
                <td className={styles.num}>
                  {valueText(v.timeliness)}
                  <span className={styles.sub}>{countsText(v.timeliness)}</span>
                </td>
                <td className={styles.num}>{daysText(v.medianHours)}</td>
                <td className={styles.num}>{valueText(v.nationTimeliness)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>

      <h3>Observationer pr. besøgstype</h3>
      {detail.visits
        .filter((v) => v.visits.state !== "no-data" || v.items.some((i) => i.value.state !== "no-data"))
        .map((v) => (
          <details key={v.visit} className={styles.details}>
            <summary>
              {v.label}: {valueText(v.value)} med værdi
            </summary>
            <ScrollRegion label="Observationer, kan rulles vandret">
              <ItemTable v={v} name={name} />
            </ScrollRegion>
          </details>
        ))}

      <h3>Afviste indberetninger {periods.validity}</h3>
      <RulesTable rules={detail.rules} caption={`${name}: årsager til afviste indberetninger, ${periods.validity}`} testId="detail-rules" />

      <h3>Udvikling</h3>
      <TrendChart trend={detail.trend} title={`${name}: datakomplethed over årene`} />
      <ScrollRegion label="Udvikling, kan rulles vandret">
        <table className={styles.numbers} data-testid="detail-trend">
          <caption>{name}: datakomplethed over årene (dækning og småbørn: fødselsårgang; skolebørn: skoleåret, der starter i året; afviste: indberetningsåret).</caption>
          <thead>
            <tr>
              <th scope="col">År</th>
              {TREND_SERIES.map((s) => (
                <th key={s.key} scope="col" className={styles.num}>{s.label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {detail.trend.map((t) => (
              <tr key={t.year}>
                <th scope="row">{t.year}</th>
                {TREND_SERIES.map((s) => (
                  <td key={s.key} className={styles.num}>
                    {valueText(t.summary[s.key] as Figure)}
                    <span className={styles.sub}>{countsText(t.summary[s.key] as Figure)}</span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
