/** The recorded steps of a report (who did what, when), oldest first. */
import type { ReportEvent } from "@/lib/aarsrapport/reports";
import { dateTimeText, STEP_LABEL } from "@/lib/aarsrapport/rules";

export function EventHistory({ events }: { events: ReportEvent[] }) {
  return (
    <div className="table-wrap">
      <table className="results" data-testid="event-history">
        <caption>Forløb: hvert trin med tidspunkt og bruger</caption>
        <thead>
          <tr>
            <th scope="col">Tidspunkt</th>
            <th scope="col">Trin</th>
            <th scope="col">Bruger</th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e, i) => (
            <tr key={i}>
              <td>{dateTimeText(e.at)}</td>
              <td>{STEP_LABEL[e.step] ?? e.step}</td>
              <td>{e.userName ? `${e.userName} (${e.username})` : "–"}</td>
              <td>{e.note ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
