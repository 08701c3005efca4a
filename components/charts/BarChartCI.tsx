"use client";
/** Sorted horizontal bar chart of the municipalities with 95 % CI whiskers, the national line and the standard. */
import { Bar, BarChart, CartesianGrid, Cell, ErrorBar, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { formatDecimal, formatPercent } from "@/lib/stats";
import type { BarDatum } from "@/lib/views/compare";
import { CATEGORY_LABEL, OUTLINE } from "@/lib/views/labels";
import { ChartTooltipBox } from "./ChartTooltip";
import { categoryFill } from "./Patterns";

const pct = (v: number) => `${formatDecimal(v, 0)} %`;

interface Props {
  data: BarDatum[];
  /** percent */
  nation: number | null;
  /** percent */
  target: number | null;
  width?: number;
}

function Tick({ x, y, payload, own }: { x?: number; y?: number; payload?: { value: string }; own: Set<string> }) {
  const isOwn = own.has(payload?.value ?? "");
  return (
    <text x={x} y={y} dy={4} textAnchor="end" fontSize={11} fontWeight={isOwn ? 700 : 400} fill="#1d2731">
      {isOwn ? `▶ ${payload?.value}` : payload?.value}
    </text>
  );
}

export function BarChartCI({ data, nation, target, width = 1000 }: Props) {
  const rowHeight = 15;
  const height = Math.max(160, data.length * rowHeight + 70);
  const max = Math.min(100, Math.ceil(Math.max(5, ...data.map((d) => d.high), nation ?? 0, target ?? 0) / 5) * 5 + 5);
  const own = new Set(data.filter((d) => d.isOwn).map((d) => d.name));
  return (
    <BarChart layout="vertical" data={data} width={width} height={height} margin={{ top: 8, right: 24, bottom: 40, left: 8 }} barCategoryGap={2} accessibilityLayer>
      <CartesianGrid horizontal={false} stroke="#e3e7eb" />
      <XAxis type="number" domain={[0, max]} tickFormatter={pct} orientation="top" fontSize={11} stroke="#55616d" />
      <YAxis type="category" dataKey="name" width={150} interval={0} tick={<Tick own={own} />} stroke="#55616d" />
      <Tooltip
        cursor={{ fill: "#eef4f8" }}
        content={({ active, payload }) => {
          const d = active ? (payload?.[0]?.payload as BarDatum | undefined) : undefined;
          if (!d) return null;
          return (
            <ChartTooltipBox
              heading={d.name}
              lines={[
                ["Andel", formatPercent(d.value / 100)],
                ["95 % CI", `${formatDecimal(d.low, 1)}–${formatDecimal(d.high, 1)} %`],
                ["Sammenlignet med landet", CATEGORY_LABEL[d.category]],
              ]}
            />
          );
        }}
      />
      <Bar dataKey="value" isAnimationActive={false} name="Andel">
        {data.map((d) => (
          <Cell key={d.code} fill={categoryFill(d.category)} stroke={d.isOwn ? "#000000" : OUTLINE} strokeWidth={d.isOwn ? 2 : 0.75} />
        ))}
        <ErrorBar dataKey="ci" direction="x" width={4} stroke="#1d2731" strokeWidth={1} />
      </Bar>
      {nation !== null && <ReferenceLine x={nation} stroke="#000000" strokeWidth={2} label={{ value: `Landet ${formatDecimal(nation, 1)} %`, position: "bottom", fontSize: 11, fontWeight: 700, fill: "#1d2731" }} ifOverflow="extendDomain" />}
      {target !== null && <ReferenceLine x={target} stroke="#55616d" strokeWidth={1.5} strokeDasharray="5 4" label={{ value: `Standard ${formatDecimal(target, 0)} %`, position: "bottom", dy: 14, fontSize: 11, fill: "#1d2731" }} ifOverflow="extendDomain" />}
    </BarChart>
  );
}
