import Link from "next/link";
import { Select } from "@/components/completeness/Select";
import styles from "@/components/completeness/completeness.module.css";
import { RejectedTable, rowsText, VisitTable } from "@/components/completeness/WorklistTables";
import { audit } from "@/lib/audit";
import { worklistScope } from "@/lib/auth/access";
import { requirePage } from "@/lib/auth/guard";
import { getViewer } from "@/lib/auth/session";
import { VISITS } from "@/lib/completeness/items";
import { parseWorklistState, serializeWorklistState, UNKNOWN_MUNICIPALITY, type WorklistState, type WorklistView } from "@/lib/completeness/url-state";
import { completenessYears } from "@/lib/queries/completeness";
import { areaDirectory } from "@/lib/queries/municipalities";
import { worklist } from "@/lib/queries/worklist";
import { queryString } from "@/lib/views/search-params";

export const metadata = { title: "Fejlliste" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const VIEWS: { key: WorklistView; label: string }[] = [
  { key: "afviste", label: "Afviste indberetninger" },
  { key: "mangler", label: "Manglende observationer" },
  { key: "sene", label: "Sene indberetninger" },
];

const href = (s: WorklistState) => {
  const q = serializeWorklistState(s);
  return `/fejlliste${q ? `?${q}` : ""}`;
};

export default async function FejllistePage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const state = parseWorklistState(sp, VISITS.map((v) => v.key));
  const viewer = await getViewer();
  const own = viewer.kind === "user" ? viewer.municipalityCode : null;
  const municipality = state.kommune ?? (worklistScope(viewer) === "all" ? null : own);
  // the access rule decides: leder own municipality only, SundK any, everyone else refused (403)
  await requirePage("read:worklist", `/fejlliste${queryString(sp)}`, municipality ?? own ?? undefined);
  const [directory, years] = await Promise.all([areaDirectory(), completenessYears()]);
  const all = worklistScope(viewer) === "all";
  const name = municipality === UNKNOWN_MUNICIPALITY ? "Ukendt kommune" : directory.municipalities.find((m) => m.code === municipality)?.name;

  const picker = all && (
    <form className="filters" method="get" action="/fejlliste" aria-label="Vælg kommune">
      <Select
        name="kommune"
        label="Kommune"
        value={municipality ?? ""}
        options={[
          { value: "", label: "Vælg kommune …" },
          ...directory.municipalities.map((m) => ({ value: m.code, label: `${m.name} (${m.code})` })),
          { value: UNKNOWN_MUNICIPALITY, label: "Ukendt kommune (SOR-kode ikke registreret)" },
        ]}
      />
      <button type="submit" className="button">Vis</button>
    </form>
  );
  if (municipality === null || name === undefined) {
    return (
      <>
        <h1>Fejlliste</h1>
        <p className="lead">Vælg den kommune, hvis fejlliste du vil se.</p>
        {picker}
        {municipality !== null && <p className="notice" role="status">Kommunen {municipality} findes ikke.</p>}
      </>
    );
  }

  const page = await worklist(viewer, { municipality, view: state.visning, year: state.periode, visit: state.besoeg, rule: state.regel, page: state.side });
  await audit(viewer, "view", "fejlliste", { kommune: municipality, visning: state.visning, periode: state.periode, besoeg: state.besoeg, regel: state.regel, side: state.side, rækker: page.rejected.length + page.visits.length }, municipality === UNKNOWN_MUNICIPALITY ? null : municipality);
  const base: WorklistState = { ...state, kommune: state.kommune ?? (all ? municipality : null), side: 1 };
  const csvQuery = serializeWorklistState({ ...base, kommune: municipality });
  const periodText = state.periode === null ? "alle år" : String(state.periode);
  const caption = `${VIEWS.find((v) => v.key === state.visning)!.label}, ${name}${municipality === UNKNOWN_MUNICIPALITY ? "" : " Kommune"}, ${periodText}. ${rowsText(page)}.`;
  return (
    <>
      <h1>Fejlliste</h1>
      <p className="lead">
        {name}
        {municipality === UNKNOWN_MUNICIPALITY ? "" : " Kommune"}: det, der skal rettes i journalen. Rækkerne har kun indberetningens id (Bundle.id), kontaktens id
        (Encounter.id) og besøgsdatoen – aldrig CPR-nummer – så de kan findes i journalsystemet. Visningen logges.
      </p>
      {picker}
      <nav aria-label="Fejllistens visninger">
        <ul className={styles.tabs}>
          {VIEWS.map((v) => (
            <li key={v.key}>
              <Link href={href({ ...base, visning: v.key, regel: null })} aria-current={state.visning === v.key ? "page" : undefined}>
                {v.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form className="filters" method="get" action="/fejlliste" aria-label="Filtre">
        {base.kommune && <input type="hidden" name="kommune" value={base.kommune} />}
        {state.visning !== "afviste" && <input type="hidden" name="visning" value={state.visning} />}
        <Select name="periode" label="År" value={state.periode === null ? "" : String(state.periode)} options={[{ value: "", label: "Alle år" }, ...years.map((y) => ({ value: String(y), label: String(y) }))]} />
        {state.visning === "afviste" ? (
          <Select
            name="regel"
            label="Regel"
            value={state.regel ?? ""}
            options={[{ value: "", label: "Alle regler" }, ...page.rules.map((r) => ({ value: r.rule, label: `${r.label} (${r.count})` }))]}
          />
        ) : (
          <Select name="besoeg" label="Besøgstype" value={state.besoeg ?? ""} options={[{ value: "", label: "Alle besøgstyper" }, ...VISITS.map((v) => ({ value: v.key, label: v.label }))]} />
        )}
        <button type="submit" className="button">Vis</button>
      </form>
      <div className={styles.tools}>
        <span role="status">{rowsText(page)}</span>
        <a href={`/api/fejlliste/csv?${csvQuery}`} download data-testid="worklist-csv">
          Hent hele listen som CSV
        </a>
      </div>
      {state.visning === "afviste" ? <RejectedTable page={page} caption={caption} /> : <VisitTable page={page} caption={caption} />}
      {page.pageCount > 1 && (
        <nav aria-label="Sider" className={styles.pager}>
          {page.page > 1 && <Link href={href({ ...base, side: page.page - 1 })}>Forrige side</Link>}
          <span>
            Side {page.page} af {page.pageCount}
          </span>
          {page.page < page.pageCount && <Link href={href({ ...base, side: page.page + 1 })}>Næste side</Link>}
        </nav>
      )}
      <p className="muted">
        Afviste indberetninger er ikke gemt; ret fejlene og send indberetningen igen. Manglende observationer: send observationen, eller send den uden værdi med en årsag
        (dataAbsentReason), hvis den ikke blev udført. Sene indberetninger er besøg, der blev indberettet mere end 2 døgn efter besøget.
      </p>
    </>
  );
}
