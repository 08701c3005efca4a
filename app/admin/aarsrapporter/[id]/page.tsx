import Link from "next/link";
import { notFound } from "next/navigation";
import { EventHistory } from "@/components/aarsrapport/EventHistory";
import { HearingOverview } from "@/components/aarsrapport/HearingOverview";
import { StatusBadge } from "@/components/aarsrapport/StatusBadge";
import { StepForm } from "@/components/aarsrapport/StepForm";
import { hearingRows } from "@/lib/aarsrapport/hearing";
import { publishedReport } from "@/lib/aarsrapport/published";
import { listReports, reportDetail } from "@/lib/aarsrapport/reports";
import { danishDate, dateText, dateTimeText, hearingOpen, isOpen } from "@/lib/aarsrapport/rules";
import { audit } from "@/lib/audit";
import { requirePage } from "@/lib/auth/guard";
import { areaDirectory } from "@/lib/queries/municipalities";
import { ciText, countText, valueText } from "@/lib/views/cell-text";
import {
  changeDeadlineAction, commentaryAction, correctionAction, discardAction, endHearingAction, publishAction, startHearingAction, summaryAction,
} from "../actions";
import styles from "@/components/aarsrapport/workflow.module.css";

export const metadata = { title: "Årsrapport" };

/** The confirmation a consequential step asks for (a required checkbox, so it works without JavaScript too). */
const Confirm = ({ id, text }: { id: string; text: string }) => (
  <div className={styles.confirm}>
    <input type="checkbox" id={id} name="bekraeft" value="ja" required />
    <label htmlFor={id}>{text}</label>
  </div>
);

export default async function AnnualReportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: raw } = await params;
  const { viewer } = await requirePage("admin", `/admin/aarsrapporter/${raw}`);
  const id = /^\d{1,9}$/.test(raw) ? Number(raw) : null;
  const report = id === null ? null : await reportDetail(id);
  if (!report) notFound();
  await audit(viewer, "view", "aarsrapport", { id: report.id, aar: report.year, version: report.version, status: report.status });
  const [directory, rows, published] = await Promise.all([
    areaDirectory(),
    hearingRows(viewer, report.snapshot, null),
    report.status === "published" || report.status === "superseded" ? publishedReport(report.year, report.version) : null,
  ]);
  const current = published?.status === "published" ? await publishedReport(report.year) : null;
  // a correction is numbered after every version of the year, discarded drafts included
  const nextVersion = current?.id === report.id ? Math.max(...(await listReports()).filter((r) => r.year === report.year).map((r) => r.version)) + 1 : null;
  const now = new Date();
  const open = isOpen(report);
  const hearingIsOpen = hearingOpen(report, now);
  // a correction (it has a change note) may skip the hearing; the year's first report may not, whatever its version
  const correction = report.changeNote !== null;
  const canPublish = (report.status === "hearing" && !hearingIsOpen) || (report.status === "draft" && correction);
  const hidden = <input type="hidden" name="rapport" value={report.id} />;
  const nameOf = new Map(directory.municipalities.map((m) => [m.code, m.name]));
  const defaultDeadline = danishDate(new Date(now.getTime() + 21 * 86_400_000));

  return (
    <>
      <p className="muted">
        <Link href="/admin">Administration</Link> › <Link href="/admin/aarsrapporter">Årsrapporter</Link> › {report.year}, version {report.version}
      </p>
      <h1>
        Årsrapport {report.year}, version {report.version} <StatusBadge status={report.status} />
      </h1>
      <dl className={styles.facts}>
        <dt>Data til og med</dt>
        <dd>{dateTimeText(report.dataCutoff)}</dd>
        <dt>Indikatorkatalog</dt>
        <dd>version {report.snapshot.catalogVersion}</dd>
        <dt>Oprettet</dt>
        <dd>{dateTimeText(report.createdAt)}</dd>
        <dt>Høringsfrist</dt>
        <dd>{report.hearingDeadline ? dateTimeText(report.hearingDeadline) : "Ikke sendt i høring"}</dd>
        {report.changeNote && (
          <>
            <dt>Ændringsnote</dt>
            <dd>{report.changeNote}</dd>
          </>
        )}
      </dl>

      {published && (
        <p className="notice" role="status" data-testid="published-notice">
          {published.status === "published" ? "Offentliggjort" : "Offentliggjort og senere erstattet af en nyere version"} {dateText(published.publishedAt)}.{" "}
          <Link href={`/aarsrapport/${report.year}`}>Se den offentlige årsrapport for {report.year}</Link>. Tallene og kommentarerne kan ikke ændres.
        </p>
      )}

      <section aria-labelledby="trin">
        <h2 id="trin">Næste trin</h2>
        {report.status === "draft" && (
          <StepForm action={startHearingAction} label="Send i høring" buttons={[{ label: "Send i høring" }]} pendingLabel="Sender i høring …" testId="start-hearing">
            {hidden}
            <div className="filter">
              <label htmlFor="frist">Høringsfrist (kommunerne kan kommentere til og med denne dag)</label>
              <input type="date" id="frist" name="frist" defaultValue={defaultDeadline} required />
            </div>
          </StepForm>
        )}
        {report.status === "hearing" && hearingIsOpen && (
          <>
            <p>Høringen er åben til og med {dateTimeText(report.hearingDeadline!)}. Kommunernes ledere kommenterer under Årsrapport › Høring.</p>
            <StepForm action={changeDeadlineAction} label="Ret høringsfrist" buttons={[{ label: "Ret høringsfrist" }]} pendingLabel="Gemmer …">
              {hidden}
              <div className="filter">
                <label htmlFor="ny-frist">Ny høringsfrist</label>
                <input type="date" id="ny-frist" name="frist" defaultValue={danishDate(report.hearingDeadline!)} required />
              </div>
            </StepForm>
            <StepForm action={endHearingAction} label="Afslut høringen" buttons={[{ label: "Afslut høringen nu" }]} pendingLabel="Afslutter …" testId="end-hearing">
              {hidden}
              <Confirm id="bekraeft-afslut" text="Afslut høringen før fristen. Kommunerne kan derefter ikke længere kommentere." />
            </StepForm>
          </>
        )}
        {report.status === "hearing" && !hearingIsOpen && <p>Høringsfristen er udløbet ({dateTimeText(report.hearingDeadline!)}). Kommunernes kommentarer er låst.</p>}
        {canPublish && (
          <StepForm action={publishAction} label="Offentliggør" buttons={[{ label: "Offentliggør årsrapporten" }]} pendingLabel="Offentliggør …" testId="publish">
            {hidden}
            <Confirm
              id="bekraeft-offentliggoer"
              text={`Offentliggør årsrapporten for ${report.year}${correction ? ` som version ${report.version}; den tidligere version markeres som erstattet, men kan stadig findes` : ""}. Tal og kommentarer kan ikke ændres bagefter.`}
            />
          </StepForm>
        )}
        {report.status === "draft" && !correction && <p className="muted">Årsrapporten offentliggøres, når høringen er afsluttet.</p>}
        {report.status === "draft" && (
          <StepForm action={discardAction} label="Kassér kladden" buttons={[{ label: "Kassér kladden" }]} pendingLabel="Kasserer …" testId="discard">
            {hidden}
            <div className="filter">
              <label htmlFor="begrundelse">Begrundelse (gemmes i rapportens historik)</label>
              <textarea id="begrundelse" name="begrundelse" rows={2} required minLength={10} maxLength={2000} aria-describedby="begrundelse-hint" />
              <span id="begrundelse-hint" className="muted">Fx at resultaterne blev frosset for tidligt (mindst 10 tegn).</span>
            </div>
            <Confirm
              id="bekraeft-kasser"
              text={`Kassér kladden. Den kan ikke bruges igen, men bevares med sin historik; årsrapporten for ${report.year} kan derefter fryses på ny som en ny version.`}
            />
          </StepForm>
        )}
        {report.status === "discarded" && <p>Kladden er kasseret og kan ikke ændres. Begrundelsen står i historikken nedenfor.</p>}
        {current?.id === report.id && (
          <StepForm action={correctionAction} label="Opret rettelse" buttons={[{ label: `Opret rettelse (version ${nextVersion})` }]} pendingLabel="Genberegner og fryser de aktuelle resultater … det kan tage et par minutter." testId="correction">
            <input type="hidden" name="aar" value={report.year} />
            <div className="filter">
              <label htmlFor="note">Ændringsnote (vises på den offentlige side)</label>
              <textarea id="note" name="note" rows={3} required minLength={10} maxLength={2000} aria-describedby="note-hint" />
              <span id="note-hint" className="muted">Forklar, hvad der er rettet og hvorfor (mindst 10 tegn).</span>
            </div>
            <Confirm id="bekraeft-rettelse" text="Frys de aktuelle resultater som en ny version. Kommentarer og sammenfatning overføres og kan rettes, før rettelsen offentliggøres." />
          </StepForm>
        )}
        {report.status === "superseded" && <p>Denne version er erstattet af en nyere version af årsrapporten for {report.year}.</p>}
      </section>

      <section aria-labelledby="sammenfatning">
        <h2 id="sammenfatning">Sammenfatning</h2>
        {open ? (
          <StepForm action={summaryAction} label="Sammenfatning" buttons={[{ label: "Gem sammenfatning" }]} pendingLabel="Gemmer …" testId="summary">
            {hidden}
            <div className="filter">
              <label htmlFor="sammenfatning-tekst">SundK&apos;s sammenfatning af årets resultater</label>
              <textarea key={report.summary ?? ""} id="sammenfatning-tekst" name="tekst" rows={6} maxLength={20000} defaultValue={report.summary ?? ""} />
            </div>
          </StepForm>
        ) : (
          <p className={styles.prose}>{report.summary ?? "Ingen sammenfatning."}</p>
        )}
      </section>

      <section aria-labelledby="hoering">
        <h2 id="hoering">Høring</h2>
        <HearingOverview comments={report.comments} municipalities={directory.municipalities} />
      </section>

      <section aria-labelledby="indikatorer">
        <h2 id="indikatorer">Indikatorer og kommentarer</h2>
        {rows.map(({ indicator, nation }) => {
          const sundk = report.comments.find((c) => c.indicatorId === indicator.id && c.municipalityCode === null);
          const municipal = report.comments.filter((c) => c.indicatorId === indicator.id && c.municipalityCode !== null);
          const field = `kommentar-${indicator.id}`;
          return (
            <article key={indicator.id} className={styles.indicator} aria-labelledby={`h-${indicator.id}`} data-testid={`indicator-${indicator.id}`}>
              <h3 id={`h-${indicator.id}`}>
                {indicator.id} {indicator.title}
              </h3>
              <p className="muted">
                {indicator.area} · {indicator.periodKind === "birth-cohort" ? "Fødselsårgang" : "Skoleår"} {indicator.period} · Landsresultat {valueText(nation)} (95 %-KI{" "}
                {ciText(nation)}; {countText(nation, "numerator")} af {countText(nation, "denominator")})
              </p>
              {municipal.length > 0 && (
                <>
                  <h4>Kommunernes høringskommentarer</h4>
                  <ul className={styles.comments}>
                    {municipal.map((c) => (
                      <li key={c.municipalityCode}>
                        <strong>{nameOf.get(c.municipalityCode!) ?? c.municipalityCode} Kommune</strong> ({c.authorName}, {dateTimeText(c.updatedAt)}): {c.text}
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {open ? (
                <StepForm
                  action={commentaryAction}
                  label={`SundK's kommentar til ${indicator.id}`}
                  buttons={sundk ? [{ label: "Gem kommentar" }, { label: "Slet kommentar", value: "slet", secondary: true }] : [{ label: "Gem kommentar" }]}
                  pendingLabel="Gemmer …"
                >
                  {hidden}
                  <input type="hidden" name="indikator" value={indicator.id} />
                  <div className="filter">
                    <label htmlFor={field}>SundK&apos;s faglige kommentar til {indicator.id}</label>
                    <textarea key={sundk?.text ?? ""} id={field} name="tekst" rows={4} maxLength={4000} defaultValue={sundk?.text ?? ""} />
                  </div>
                </StepForm>
              ) : (
                <p className={styles.prose}>
                  <strong>SundK&apos;s kommentar:</strong> {sundk?.text ?? "Ingen."}
                </p>
              )}
            </article>
          );
        })}
      </section>

      <section aria-labelledby="forloeb">
        <h2 id="forloeb">Forløb</h2>
        <EventHistory events={report.events} />
      </section>
    </>
  );
}
