/** A small line of a series (lib/views/sparkline.ts); decorative next to its text, or labelled when alone. */
import { sparkline } from "@/lib/views/sparkline";

export function Sparkline({ values, label, width = 90, height = 26 }: { values: (number | null)[]; label: string; width?: number; height?: number }) {
  const s = sparkline(values, width, height);
  if (!s) return <span className="muted">–</span>;
  const last = s.points[s.points.length - 1];
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} className="sparkline">
      {s.paths.map((d, i) => <path key={i} d={d} fill="none" stroke="#0b4f6c" strokeWidth={1.75} />)}
      {s.points.map((p, i) => <circle key={i} cx={p.x} cy={p.y} r={p === last ? 2.75 : 1.5} fill="#0b4f6c" />)}
    </svg>
  );
}
