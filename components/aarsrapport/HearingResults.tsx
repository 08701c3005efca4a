/**
 * One indicator's frozen figures in the hearing: the municipality, its region and the nation. The cells arrive already
 * suppressed for the viewer (lib/aarsrapport/hearing.ts); this only prints them.
 */
import type { HearingRow } from "@/lib/aarsrapport/hearing";
import { formatPercent } from "@/lib/stats/format";
import { ciText, countText, uoplystText, valueText } from "@/lib/views/cell-text";
import { CATEGORY_LABEL, categoryOf, standardLabel } from "@/lib/views/labels";
import type { ResultCell } from "@/lib/queries/viewer-cells";

export function HearingResults({ row, names }: { row: HearingRow; names: { municipality: string; region: string } }) {
  const lines: [string, ResultCell | null, boolean][] = [
    [`${names.municipality} Kommune`, row.municipality, true],
    [names.region, row.region, false],
    ["Hele landet", row.nation, false],
  ];
  const { indicator } = row;
  return (
    <div className="table-wrap">
      <table className="results">
        <caption>
          {indicator.id} {indicator.title}, {indicator.periodKind === "birth-cohort" ? "fødselsårgang" : "skoleår"} {indicator.period}.{" "}
          {indicator.standardTarget === null ? "Ingen standard." : `Standard: ${formatPercent(indicator.standardTarget, 0)}.`}
        </caption>
        <thead>
          <tr>
            <th scope="col">Område</th>
            <th scope="col" className="num">Andel</th>
            <th scope="col" className="num">95 %-konfidensinterval</th>
            <th scope="col" className="num">Tæller</th>
            <th scope="col" className="num">Nævner</th>
            <th scope="col" className="num">Uoplyst</th>
            <th scope="col">Sammenlignet med landet</th>
            <th scope="col">Standard</th>
          </tr>
        </thead>
        <tbody>
          {lines.map(([name, cell, own]) => (
            <tr key={name} className={own ? "own" : undefined}>
              <th scope="row">{name}</th>
              <td className="num">{valueText(cell)}</td>
              <td className="num">{ciText(cell)}</td>
              <td className="num">{countText(cell, "numerator")}</td>
              <td className="num">{countText(cell, "denominator")}</td>
              <td className="num">{uoplystText(cell)}</td>
              <td>{cell?.areaLevel === "nation" ? "–" : CATEGORY_LABEL[categoryOf(cell)]}</td>
              <td>{standardLabel(cell?.standardMet ?? null, cell?.standardCiSide ?? null)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
