import Link from "next/link";
import { HearingResults } from "@/components/aarsrapport/HearingResults";
import { StepForm } from "@/components/aarsrapport/StepForm";
import { hearingRows } from "@/lib/aarsrapport/hearing";
import { reportComments, reportSnapshot, reportsInHearing } from "@/lib/aarsrapport/reports";
import { dateTimeText, hearingOpen } from "@/lib/aarsrapport/rules";
import { audit } from "@/lib/audit";
import { requirePage } from "@/lib/auth/guard";
import { getViewer } from "@/lib/auth/session";
import { areaDirectory } from "@/lib/queries/municipalities";
import { hearingCommentAction } from "./actions";
import styles from "@/components/aarsrapport/workflow.module.css";

export const metadata = { title: "Høring over årsrapporten" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function HearingPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const signedIn = await getViewer();
  const own = signedIn.kind === "user" ? (signedIn.municipalityCode ?? undefined) : undefined;
  // the access rule decides: a leder for their own municipality; SundK follows the hearing under Administration
  const { viewer } = await requirePage("comment:hearing", "/aarsrapport/hoering", own);
  if (viewer.kind === "user" && viewer.role === "sundk") {
    return (
      <>
        <h1>Høring over årsrapporten</h1>
        <p className="notice">
          Kommunernes ledere af sundhedsplejen kommenterer her. SundK følger høringen under <Link href="/admin/aarsrapporter">Administration › Årsrapporter</Link>.
        </p>
      </>
    );
  }
  const code = own!;
  const [hearings, directory] = await Promise.all([reportsInHearing(), areaDirectory()]);
  const wanted = Number(sp.aar);
  const report = hearings.find((r) => r.year === wanted) ?? hearings[0];
  const municipality = directory.municipalities.find((m) => m.code === code)!;
  const region = directory.regions.find((r) => r.code === municipality.regionCode)!;
  if (!report) {
    return (
      <>
        <h1>Høring over årsrapporten</h1>
        <p className="notice" role="status">Der er ingen årsrapport i høring lige nu.</p>
      </>
    );
  }
  const [snapshot, comments] = await Promise.all([reportSnapshot(report.id), reportComments(report.id, code)]);
  const rows = await hearingRows(viewer, snapshot!, code);
  await audit(viewer, "view", "aarsrapport-hoering", { aar: report.year, version: report.version }, code);
  const open = hearingOpen(report, new Date());

  return (
    <>
      <h1>Høring over årsrapporten {report.year}</h1>
      {hearings.length > 1 && (
        <nav aria-label="Årsrapporter i høring">
          <ul className="plain-list">
            {hearings.map((h) => (
              <li key={h.id}>
                <Link href={`/aarsrapport/hoering?aar=${h.year}`} aria-current={h.id === report.id ? "page" : undefined}>
                  Årsrapport {h.year}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <p className="lead">
        {municipality.name} Kommunes resultater, som de er frosset i årsrapporten (data til og med {dateTimeText(report.dataCutoff)}), ved siden af {region.name} og hele
        landet. Skriv en kommentar til de indikatorer, kommunen vil kommentere – eller ingen. Kommentarerne offentliggøres sammen med årsrapporten under kommunens navn, uden
        forfatter.
      </p>
      <p className={open ? "notice" : "notice notice--error"} data-testid="hearing-deadline">
        {open
          ? `Høringsfrist: ${dateTimeText(report.hearingDeadline!)}. Indtil da kan kommentarerne skrives, rettes og slettes.`
          : `Høringsfristen udløb ${dateTimeText(report.hearingDeadline!)}. Kommentarerne kan ikke længere ændres.`}
      </p>
      <p className="muted">
        Tallene for {municipality.name} Kommune vises uden diskretionering; region og land vises som i den offentlige rapport (&quot;&lt;5&quot; = under 5 børn). Visningen
        logges.
      </p>
      {rows.map((row) => {
        const { indicator } = row;
        const comment = comments.find((c) => c.indicatorId === indicator.id);
        const field = `kommentar-${indicator.id}`;
        return (
          <section key={indicator.id} aria-labelledby={`h-${indicator.id}`} className={styles.indicator} data-testid={`hearing-${indicator.id}`}>
            <h2 id={`h-${indicator.id}`}>
              {indicator.id} {indicator.title}
            </h2>
            <HearingResults row={row} names={{ municipality: municipality.name, region: region.name }} />
            {open ? (
              <StepForm
                action={hearingCommentAction}
                label={`Kommentar til ${indicator.id}`}
                buttons={comment ? [{ label: "Gem kommentar" }, { label: "Slet kommentar", value: "slet", secondary: true }] : [{ label: "Gem kommentar" }]}
                pendingLabel="Gemmer …"
              >
                <input type="hidden" name="rapport" value={report.id} />
                <input type="hidden" name="indikator" value={indicator.id} />
                <div className="filter">
                  <label htmlFor={field}>
                    {municipality.name} Kommunes kommentar til {indicator.id}
                  </label>
                  <textarea key={comment?.text ?? ""} id={field} name="tekst" rows={3} maxLength={4000} defaultValue={comment?.text ?? ""} aria-describedby={`${field}-hint`} />
                  <span id={`${field}-hint`} className="muted">
                    Højst 4.000 tegn. {comment ? `Senest gemt ${dateTimeText(comment.updatedAt)} af ${comment.authorName}.` : "Lad feltet stå tomt, hvis kommunen ikke vil kommentere."}
                  </span>
                </div>
              </StepForm>
            ) : (
              <p className={styles.prose}>
                <strong>Kommunens kommentar:</strong> {comment?.text ?? "Ingen."}
              </p>
            )}
          </section>
        );
      })}
    </>
  );
}
