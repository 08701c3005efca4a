/**
 * A municipality's completeness over the years: a small SVG line chart (server-rendered, no JavaScript) next to its
 * table. Lines differ by colour and dash pattern; a year whose figure is hidden or missing breaks the line.
 */
import type { Figure } from "@/lib/completeness/figures";
import { valueText } from "@/lib/completeness/text";
import type { AreaSummary, TrendKey } from "@/lib/completeness/views";
import { TREND_SERIES } from "@/lib/completeness/views";
import { formatPercent } from "@/lib/stats";
import styles from "./completeness.module.css";

const STYLE: Record<TrendKey, { color: string; dash: string }> = {
  coverage: { color: "#08519c", dash: "" },
  variableInfant: { color: "#a63603", dash: "6 3" },
  timelinessInfant: { color: "#006d2c", dash: "2 3" },
  variableSchool: { color: "#54278f", dash: "8 3 2 3" },
  timelinessSchool: { color: "#b10026", dash: "12 4" },
  validity: { color: "#3a4650", dash: "1 2" },
};

export function TrendChart({ trend, title }: { trend: { year: number; summary: AreaSummary }[]; title: string }) {
  const W = 640, H = 240, L = 52, R = 24, T = 12, B = 28;
  const years = trend.map((t) => t.year);
  const x = (i: number) => (years.length <= 1 ? L + (W - L - R) / 2 : L + (i * (W - L - R)) / (years.length - 1));
  // the shares that should be high; the rejected share (near 0) is in the table only
  const series = TREND_SERIES.filter((s) => s.key !== "validity" && trend.some((t) => (t.summary[s.key] as Figure).state === "ok"));
  const values = series.flatMap((s) => trend.map((t) => (t.summary[s.key] as Figure).value).filter((v): v is number => v !== null));
  // the axis starts at the nearest 10 % below the lowest value, and says so
  const lo = values.length ? Math.max(0, Math.floor((Math.min(...values) - 0.02) * 10) / 10) : 0;
  const ticks = Array.from({ length: 5 }, (_, i) => lo + ((1 - lo) * i) / 4);
  const y = (v: number) => T + ((1 - v) / (1 - lo || 1)) * (H - T - B);
  return (
    <figure className={styles.details}>
      <svg viewBox={`0 0 ${W} ${H}`} className={styles.chart} role="img" aria-labelledby="dk-trend-title">
        <title id="dk-trend-title">{`${title}. Aksen starter ved ${formatPercent(lo, 0)}. Tallene står i tabellen under diagrammet.`}</title>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={L} x2={W - R} y1={y(v)} y2={y(v)} stroke="#d5dbe1" />
            <text x={L - 6} y={y(v) + 4} fontSize="11" textAnchor="end" fill="#55616d">{formatPercent(v, 1)}</text>
          </g>
        ))}
        {years.map((yr, i) => (
          <text key={yr} x={x(i)} y={H - 8} fontSize="11" textAnchor="middle" fill="#55616d">{yr}</text>
        ))}
        {series.map((s) => {
          const segments: string[][] = [[]];
          trend.forEach((t, i) => {
            const f = t.summary[s.key] as Figure;
            if (f.state === "ok" && f.value !== null) segments.at(-1)!.push(`${x(i).toFixed(1)},${y(f.value).toFixed(1)}`);
            else if (segments.at(-1)!.length) segments.push([]);
          });
          return (
            <g key={s.key}>
              {segments.filter((p) => p.length > 1).map((p, j) => (
                <polyline key={j} points={p.join(" ")} fill="none" stroke={STYLE[s.key].color} strokeWidth="2.5" strokeDasharray={STYLE[s.key].dash} />
              ))}
              {trend.map((t, i) => {
                const f = t.summary[s.key] as Figure;
                return f.state === "ok" && f.value !== null ? (
                  <circle key={t.year} cx={x(i)} cy={y(f.value)} r="3" fill={STYLE[s.key].color}>
                    <title>{`${s.label}, ${t.year}: ${valueText(f)}`}</title>
                  </circle>
                ) : null;
              })}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <p className="muted">Aksen starter ved {formatPercent(lo, 0)}. Afviste indberetninger står kun i tabellen.</p>
        <ul className={styles.chartKey}>
          {series.map((s) => (
            <li key={s.key}>
              <svg width="28" height="10" aria-hidden="true"><line x1="0" x2="28" y1="5" y2="5" stroke={STYLE[s.key].color} strokeWidth="3" strokeDasharray={STYLE[s.key].dash} /></svg> {s.label}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
