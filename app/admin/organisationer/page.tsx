import Link from "next/link";
import { AdminNav } from "@/components/admin/AdminNav";
import { FilterProblems } from "@/components/admin/FilterProblems";
import { OrganisationForm } from "@/components/admin/OrganisationForm";
import { Select } from "@/components/completeness/Select";
import { requirePage } from "@/lib/auth/guard";
import { parseOrganisationFilter, serializeOrganisationFilter, type OrganisationFilter } from "@/lib/organisations/input";
import { findOrganisation, listOrganisations, listUnmappedSorCodes, UNMAPPED_LIMIT } from "@/lib/organisations/list";
import { areaDirectory } from "@/lib/queries/municipalities";
import { formatNumber } from "@/lib/stats/format";
import { formatDateTime } from "@/lib/views/date-time";
import { queryString } from "@/lib/views/search-params";

export const metadata = { title: "Organisationer" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The page with the form filled in for a SOR code, keeping the list's filter. */
const editHref = (f: OrganisationFilter, sor: string) => `/admin/organisationer?${serializeOrganisationFilter({ ...f, sor })}#tilknyt`;

export default async function OrganisationerPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  await requirePage("admin", `/admin/organisationer${queryString(sp)}`);
  const { filter, problems } = parseOrganisationFilter(sp);
  const [organisations, unmapped, directory, editing] = await Promise.all([
    listOrganisations(filter),
    listUnmappedSorCodes(),
    areaDirectory(),
    filter.sor ? findOrganisation(filter.sor) : null,
  ]);
  const municipalities = directory.municipalities.map((m) => ({ code: m.code, name: m.name }));
  const initial = editing ? { sorCode: editing.sorCode, name: editing.name, municipalityCode: editing.municipalityCode } : { sorCode: filter.sor ?? "", name: "", municipalityCode: "" };
  return (
    <>
      <h1>Organisationer</h1>
      <AdminNav current="/admin/organisationer" />
      <p className="lead">
        SOR-koden på en indberetning (den journalførende organisation) afgør, hvilken kommune barnet og besøgene tælles med i. Indberetninger med en SOR-kode, der
        ikke er knyttet til en kommune, tælles kun med på landsplan.
      </p>
      <p>
        En ændring slår igennem i resultaterne og datakompletheden ved næste genberegning; de borgere, hvis indberetninger bærer SOR-koden, markeres til den med det
        samme. Afviste indberetninger fordeles efter den nye tilknytning, når året får nye indberetninger, eller ved en fuld genberegning. Ændringer skrives i
        auditloggen.
      </p>

      <section aria-labelledby="tilknyt-heading" id="tilknyt">
        <h2 id="tilknyt-heading">{editing ? `Ret SOR-koden ${editing.sorCode}` : "Knyt en SOR-kode til en kommune"}</h2>
        {/* keyed by the code it was opened for: another code's form starts without the last answer */}
        <OrganisationForm key={initial.sorCode} municipalities={municipalities} initial={initial} existing={editing !== null} />
      </section>

      <section aria-labelledby="uden-heading">
        <h2 id="uden-heading">SOR-koder uden kommune</h2>
        {unmapped.length === 0 ? (
          <p data-testid="unmapped-none">Alle SOR-koder i indberetningerne er knyttet til en kommune.</p>
        ) : (
          <div className="table-wrap">
            <table className="results" data-testid="unmapped-table">
              <caption>
                SOR-koder i indberetninger uden tilknytning til en kommune, de mest brugte først{unmapped.length === UNMAPPED_LIMIT ? ` (de første ${UNMAPPED_LIMIT})` : ""}.
                Deres børn tælles kun med på landsplan.
              </caption>
              <thead>
                <tr>
                  <th scope="col">SOR-kode</th>
                  <th scope="col" className="num">Borgere</th>
                  <th scope="col">Seneste indberetning</th>
                  <th scope="col">Handling</th>
                </tr>
              </thead>
              <tbody>
                {unmapped.map((u) => (
                  <tr key={u.sorCode}>
                    <th scope="row">{u.sorCode}</th>
                    <td className="num">{formatNumber(u.citizens)}</td>
                    <td>{formatDateTime(u.lastReportAt)}</td>
                    <td>
                      <Link href={editHref(filter, u.sorCode)}>
                        Knyt til kommune<span className="sr-only"> (SOR-koden {u.sorCode})</span>
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="liste-heading">
        <h2 id="liste-heading">SOR-koder med kommune</h2>
        <form className="filters" method="get" action="/admin/organisationer" aria-label="Filtrér SOR-koder">
          <Select name="kommune" label="Kommune" value={filter.kommune ?? ""} options={[{ value: "", label: "Alle kommuner" }, ...municipalities.map((m) => ({ value: m.code, label: `${m.name} (${m.code})` }))]} />
          <div className="filter">
            <label htmlFor="org-soeg">Søg i SOR-kode og navn</label>
            <input id="org-soeg" name="soeg" defaultValue={filter.soeg ?? ""} maxLength={100} />
          </div>
          <button type="submit" className="button">
            Vis
          </button>
          <Link href="/admin/organisationer">Nulstil</Link>
        </form>
        <FilterProblems problems={problems} />
        <p role="status">{organisations.length === 1 ? "1 SOR-kode" : `${formatNumber(organisations.length)} SOR-koder`}</p>
        <div className="table-wrap">
          <table className="results" data-testid="organisation-table">
            <caption className="sr-only">SOR-koder og de kommuner, de er knyttet til</caption>
            <thead>
              <tr>
                <th scope="col">SOR-kode</th>
                <th scope="col">Navn</th>
                <th scope="col">Kommune</th>
                <th scope="col">Region</th>
                <th scope="col">Senest ændret</th>
                <th scope="col">Handling</th>
              </tr>
            </thead>
            <tbody>
              {organisations.map((o) => (
                <tr key={o.sorCode}>
                  <th scope="row">{o.sorCode}</th>
                  <td>{o.name}</td>
                  <td>
                    {o.municipalityName} ({o.municipalityCode})
                  </td>
                  <td>{o.regionName}</td>
                  <td>{formatDateTime(o.updatedAt)}</td>
                  <td>
                    <Link href={editHref(filter, o.sorCode)}>
                      Ret<span className="sr-only"> SOR-koden {o.sorCode}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
