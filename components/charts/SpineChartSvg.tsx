/**
 * The spine chart of Kommuneprofil as one SVG (Fingertips' area profile): a row per indicator with the spread of the
 * municipalities (light: lowest–highest, dark: 25th–75th percentile), the nation as the centre line and the
 * municipality as a marker in its benchmark category. Better is always to the right (see lib/views/spine.ts).
 */
import { valueText } from "@/lib/views/cell-text";
import { CATEGORY_LABEL, OUTLINE } from "@/lib/views/labels";
import { spreadText, type ProfileViewRow } from "@/lib/views/profile";
import { categoryFill } from "./Patterns";

const WIDTH = 1000;
const LABEL = 430;
const VALUE = 80;
const ROW = 30;
const HEAD = 34;

export function SpineChartSvg({ rows, municipality }: { rows: ProfileViewRow[]; municipality: string }) {
  const x0 = LABEL + VALUE + 16;
  const span = WIDTH - x0 - 12;
  const x = (p: number) => x0 + p * span;
  const height = HEAD + rows.length * ROW + 8;
  return (
    <svg data-export width={WIDTH} height={height} viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={`Rygsøjlediagram for ${municipality}: kommunens værdi for hver indikator mod spredningen blandt kommunerne og landsværdien. Tallene står i tabellen.`} fontSize={12} fill="#1d2731">
      <text x={8} y={20} fontWeight={700}>Indikator</text>
      <text x={LABEL + VALUE} y={20} fontWeight={700} textAnchor="end">{municipality}</text>
      <text x={x0} y={20} fontWeight={700}>Dårligst / lavest</text>
      <text x={x(0.5)} y={20} fontWeight={700} textAnchor="middle">Landet</text>
      <text x={x(1)} y={20} fontWeight={700} textAnchor="end">Bedst / højest</text>
      {rows.map((r, i) => {
        const y = HEAD + i * ROW;
        const mid = y + ROW / 2;
        const g = r.spine;
        const title = `${r.indicator.id} ${r.indicator.title}`;
        return (
          <g key={r.indicator.id}>
            <title>{`${title}: ${valueText(r.municipality)} (${CATEGORY_LABEL[r.category]}); landet ${valueText(r.nation)}. ${spreadText(r)}.`}</title>
            {i % 2 === 0 && <rect x={0} y={y} width={WIDTH} height={ROW} fill="#f3f6f9" />}
            <text x={8} y={mid + 4}>{title.length > 62 ? `${title.slice(0, 60)}…` : title}{r.indicator.polarity === "none" ? " ¹" : ""}</text>
            <text x={LABEL + VALUE} y={mid + 4} textAnchor="end" fontWeight={700}>{valueText(r.municipality)}</text>
            {g ? (
              <>
                <rect x={x(g.left)} y={mid - 7} width={Math.max(1, x(g.right) - x(g.left))} height={14} fill="#d5dbe1" />
                <rect x={x(g.q1Left)} y={mid - 7} width={Math.max(1, x(g.q3Right) - x(g.q1Left))} height={14} fill="#8a949e" />
                <line x1={x(0.5)} x2={x(0.5)} y1={y + 3} y2={y + ROW - 3} stroke="#000000" strokeWidth={2} />
                {g.area !== null && <circle cx={x(g.area)} cy={mid} r={7} fill={categoryFill(r.category)} stroke={OUTLINE} strokeWidth={1.5} />}
              </>
            ) : (
              <text x={x(0.5)} y={mid + 4} textAnchor="middle" fill="#55616d">ingen spredning at vise</text>
            )}
          </g>
        );
      })}
    </svg>
  );
}

/** The spine chart's own key (bands and markers). */
export function SpineKey() {
  return (
    <p className="spine-key">
      <svg aria-hidden="true" width="180" height="16" viewBox="0 0 180 16">
        <rect x="0" y="2" width="180" height="12" fill="#d5dbe1" />
        <rect x="50" y="2" width="70" height="12" fill="#8a949e" />
        <line x1="90" x2="90" y1="0" y2="16" stroke="#000" strokeWidth="2" />
      </svg>{" "}
      Lys: laveste til højeste kommune · mørk: midterste halvdel (25 %–75 %-fraktil) · streg: landet · prik: kommunen, i sin
      sammenligningskategori. ¹ Indikator uden vurdering: lav til venstre, høj til højre. Spredningen omfatter de kommuner, hvis tal vises for dig.
    </p>
  );
}
