import Link from "next/link";
import { AdminNav } from "@/components/admin/AdminNav";
import { Select } from "@/components/completeness/Select";
import { parseUserFilter } from "@/lib/accounts/input";
import { listUsers } from "@/lib/accounts/list";
import { requirePage } from "@/lib/auth/guard";
import { ROLE_LABEL, ROLES } from "@/lib/auth/roles";
import { areaDirectory } from "@/lib/queries/municipalities";
import { formatDateTime } from "@/lib/views/date-time";
import { queryString } from "@/lib/views/search-params";

export const metadata = { title: "Brugere" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function BrugerePage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  await requirePage("admin", `/admin/brugere${queryString(sp)}`);
  const filter = parseUserFilter(sp);
  const [users, directory] = await Promise.all([listUsers(filter), areaDirectory()]);
  const now = new Date();
  return (
    <>
      <h1>Brugere</h1>
      <AdminNav current="/admin/brugere" />
      <p>
        <Link href="/admin/brugere/ny" className="button">
          Opret bruger
        </Link>
      </p>
      <form className="filters" method="get" action="/admin/brugere" aria-label="Filtrér brugere">
        <Select name="rolle" label="Rolle" value={filter.rolle ?? ""} options={[{ value: "", label: "Alle roller" }, ...ROLES.map((r) => ({ value: r, label: ROLE_LABEL[r] }))]} />
        <Select
          name="kommune"
          label="Kommune"
          value={filter.kommune ?? ""}
          options={[{ value: "", label: "Alle kommuner" }, ...directory.municipalities.map((m) => ({ value: m.code, label: `${m.name} (${m.code})` }))]}
        />
        <Select
          name="status"
          label="Status"
          value={filter.status}
          options={[
            { value: "aktive", label: "Aktive" },
            { value: "deaktiverede", label: "Deaktiverede" },
            { value: "alle", label: "Alle" },
          ]}
        />
        <div className="filter">
          <label htmlFor="dk-soeg">Søg i navn og brugernavn</label>
          <input id="dk-soeg" name="soeg" defaultValue={filter.soeg ?? ""} maxLength={100} />
        </div>
        <button type="submit" className="button">Vis</button>
      </form>
      <p role="status">{users.length === 1 ? "1 bruger" : `${users.length} brugere`}</p>
      <div className="table-wrap">
        <table className="results" data-testid="user-table">
          <caption className="sr-only">Brugere</caption>
          <thead>
            <tr>
              <th scope="col">Brugernavn</th>
              <th scope="col">Navn</th>
              <th scope="col">Rolle</th>
              <th scope="col">Kommune</th>
              <th scope="col">Status</th>
              <th scope="col">Seneste login</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <th scope="row">
                  <Link href={`/admin/brugere/${u.id}`}>{u.username}</Link>
                </th>
                <td>{u.name}</td>
                <td>{ROLE_LABEL[u.role]}</td>
                <td>{u.municipalityName ? `${u.municipalityName} (${u.municipalityCode})` : "–"}</td>
                <td>{!u.active ? "Deaktiveret" : u.lockedUntil && u.lockedUntil > now ? "Midlertidigt låst" : "Aktiv"}</td>
                <td>{u.lastLoginAt ? formatDateTime(u.lastLoginAt) : "Aldrig"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
