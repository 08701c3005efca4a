"use client";
/** Udvikling: the indicator over the periods for a municipality, its region and the nation, with 95 % CI bands. */
import { Area, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { formatDecimal, formatPercent } from "@/lib/stats";
import type { SeriesKey, SeriesPoint } from "@/lib/views/series";
import { ChartTooltipBox } from "./ChartTooltip";

const pct = (v: number) => `${formatDecimal(v, 0)} %`;

/** Told apart by line style and marker shape as well as colour. */
const STYLE: Record<SeriesKey, { stroke: string; dash?: string; width: number; band: string; dot: "circle" | "square" | "triangle" }> = {
  kommune: { stroke: "#0b4f6c", width: 3, band: "#0b4f6c", dot: "circle" },
  region: { stroke: "#7a4b00", dash: "7 4", width: 2, band: "#b8860b", dot: "triangle" },
  land: { stroke: "#1d2731", dash: "2 3", width: 2, band: "#55616d", dot: "square" },
};

function Marker({ cx, cy, shape, stroke }: { cx?: number; cy?: number; shape: "circle" | "square" | "triangle"; stroke: string }) {
  if (cx === undefined || cy === undefined || Number.isNaN(cy)) return null;
  if (shape === "square") return <rect x={cx - 4} y={cy - 4} width={8} height={8} fill="#ffffff" stroke={stroke} strokeWidth={2} />;
  if (shape === "triangle") return <path d={`M${cx},${cy - 5} L${cx + 5},${cy + 4} L${cx - 5},${cy + 4} Z`} fill="#ffffff" stroke={stroke} strokeWidth={2} />;
  return <circle cx={cx} cy={cy} r={4.5} fill={stroke} stroke="#ffffff" strokeWidth={1} />;
}

export function TrendChart({ points, names, target, width = 1000, height = 400 }: { points: SeriesPoint[]; names: Record<SeriesKey, string>; target: number | null; width?: number; height?: number }) {
  const all = points.flatMap((p) => [p.kommuneBand, p.regionBand, p.landBand].flatMap((b) => b ?? []));
  const lo = Math.max(0, Math.floor((Math.min(...all, target ?? 100) - 3) / 5) * 5);
  const hi = Math.min(100, Math.ceil((Math.max(...all, target ?? 0) + 3) / 5) * 5);
  const keys: SeriesKey[] = ["land", "region", "kommune"];
  return (
    <ComposedChart data={points} width={width} height={height} margin={{ top: 16, right: 24, bottom: 8, left: 8 }} accessibilityLayer>
      <CartesianGrid stroke="#e3e7eb" />
      <XAxis dataKey="period" fontSize={12} stroke="#55616d" />
      <YAxis domain={[lo, hi]} tickFormatter={pct} fontSize={11} stroke="#55616d" width={48} />
      <Tooltip
        content={({ active, payload, label }) => {
          const p = active ? (payload?.[0]?.payload as SeriesPoint | undefined) : undefined;
          if (!p) return null;
          const line = (k: SeriesKey): [string, string] => {
            const band = p[`${k}Band`];
            return [names[k], p[k] === null ? "ikke vist" : `${formatPercent(p[k]! / 100)}${band ? ` (${formatDecimal(band[0], 1)}–${formatDecimal(band[1], 1)} %)` : ""}`];
          };
          return <ChartTooltipBox heading={String(label)} lines={[line("kommune"), line("region"), line("land")]} />;
        }}
      />
      {keys.map((k) => (
        <Area key={`${k}-band`} dataKey={`${k}Band`} stroke="none" fill={STYLE[k].band} fillOpacity={0.14} isAnimationActive={false} legendType="none" connectNulls={false} activeDot={false} />
      ))}
      {keys.map((k) => (
        <Line key={k} dataKey={k} name={names[k]} stroke={STYLE[k].stroke} strokeWidth={STYLE[k].width} strokeDasharray={STYLE[k].dash} isAnimationActive={false} connectNulls={false}
          dot={<Marker shape={STYLE[k].dot} stroke={STYLE[k].stroke} />} activeDot={<Marker shape={STYLE[k].dot} stroke={STYLE[k].stroke} />}
          legendType={STYLE[k].dot === "circle" ? "circle" : STYLE[k].dot === "square" ? "square" : "triangle"} />
      ))}
      {target !== null && <ReferenceLine y={target} stroke="#55616d" strokeWidth={1.5} strokeDasharray="5 4" label={{ value: `Standard ${formatDecimal(target, 0)} %`, position: "insideTopLeft", fontSize: 11, fill: "#1d2731" }} />}
      <Legend verticalAlign="bottom" wrapperStyle={{ fontSize: 13 }} />
    </ComposedChart>
  );
}
