import Link from "next/link";
import { MunicipalityPicker } from "@/components/MunicipalityPicker";
import { listMunicipalitiesByRegion } from "@/lib/queries/municipalities";

export const metadata = { title: "Kommuner" };

export default async function KommunerPage() {
  const regions = await listMunicipalitiesByRegion();
  const total = regions.reduce((n, r) => n + r.municipalities.length, 0);
  return (
    <>
      <h1>Kommuner</h1>
      <p>{total} kommuner i {regions.length} regioner. Vælg en kommune for at se dens profil.</p>
      <MunicipalityPicker municipalities={regions.flatMap((r) => r.municipalities.map((m) => ({ ...m, regionCode: r.code })))} />
      <div className="region-grid">
        {regions.map((r) => (
          <section key={r.code} aria-labelledby={`region-${r.code}`}>
            <h2 id={`region-${r.code}`}>{r.name}</h2>
            <ul className="plain-list" data-testid="municipality-list">
              {r.municipalities.map((m) => (
                <li key={m.code}>
                  <Link href={`/kommuner/${m.code}`}>{m.name}</Link> <span className="muted">({m.code})</span>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </>
  );
}
