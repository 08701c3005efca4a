/** One row of the spine chart (lib/views/spine.ts): spread band, interquartile band, nation line, municipality marker. */
import type { SpineGeometry } from "@/lib/views/spine";
import { OUTLINE, type Category } from "@/lib/views/labels";
import { categoryFill } from "./Patterns";

export function SpineChart({ geometry, category, label, width = 220, height = 22 }: { geometry: SpineGeometry | null; category: Category; label: string; width?: number; height?: number }) {
  if (!geometry) return <span className="muted">–</span>;
  const x = (p: number) => 4 + p * (width - 8);
  const mid = height / 2;
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} className="spine">
      <rect x={x(geometry.left)} y={mid - 6} width={Math.max(1, x(geometry.right) - x(geometry.left))} height={12} fill="#d5dbe1" />
      <rect x={x(geometry.q1Left)} y={mid - 6} width={Math.max(1, x(geometry.q3Right) - x(geometry.q1Left))} height={12} fill="#8a949e" />
      <line x1={x(0.5)} x2={x(0.5)} y1={1} y2={height - 1} stroke="#000000" strokeWidth={2} />
      {geometry.area !== null && <circle cx={x(geometry.area)} cy={mid} r={6} fill={categoryFill(category)} stroke={OUTLINE} strokeWidth={1.5} />}
    </svg>
  );
}
