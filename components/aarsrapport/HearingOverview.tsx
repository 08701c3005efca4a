/** Which municipalities have commented in the hearing, and which have not. */
import type { ReportComment } from "@/lib/aarsrapport/reports";
import { dateTimeText } from "@/lib/aarsrapport/rules";

export function HearingOverview({ comments, municipalities }: { comments: ReportComment[]; municipalities: { code: string; name: string }[] }) {
  const by = new Map<string, ReportComment[]>();
  for (const c of comments) if (c.municipalityCode) (by.get(c.municipalityCode) ?? by.set(c.municipalityCode, []).get(c.municipalityCode)!).push(c);
  const commented = municipalities.filter((m) => by.has(m.code));
  const silent = municipalities.filter((m) => !by.has(m.code));
  return (
    <>
      <p data-testid="hearing-count">
        {commented.length} af {municipalities.length} kommuner har kommenteret.
      </p>
      {commented.length > 0 && (
        <div className="table-wrap">
          <table className="results" data-testid="hearing-overview">
            <caption>Kommuner med høringskommentarer</caption>
            <thead>
              <tr>
                <th scope="col">Kommune</th>
                <th scope="col" className="num">Kommentarer</th>
                <th scope="col">Indikatorer</th>
                <th scope="col">Senest ændret</th>
              </tr>
            </thead>
            <tbody>
              {commented.map((m) => {
                const list = by.get(m.code)!;
                const latest = new Date(Math.max(...list.map((c) => c.updatedAt.getTime())));
                return (
                  <tr key={m.code}>
                    <th scope="row">{m.name}</th>
                    <td className="num">{list.length}</td>
                    <td>{list.map((c) => c.indicatorId).join(", ")}</td>
                    <td>{dateTimeText(latest)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {silent.length > 0 && (
        <details>
          <summary>Kommuner uden kommentarer ({silent.length})</summary>
          <p>{silent.map((m) => m.name).join(", ")}</p>
        </details>
      )}
    </>
  );
}
