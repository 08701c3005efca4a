"use client";
/** Funnel plot: municipalities as points (denominator, value) with 95 % and 99.8 % control limits around the nation. */
import { ComposedChart, Line, ReferenceLine, Scatter, Tooltip, XAxis, YAxis, CartesianGrid } from "recharts";
import { formatDecimal, formatNumber, formatPercent } from "@/lib/stats";
import { logTicks, type FunnelData, type FunnelDatum } from "@/lib/views/compare";
import { CATEGORY_LABEL, OUTLINE } from "@/lib/views/labels";
import { ChartTooltipBox } from "./ChartTooltip";
import { categoryFill } from "./Patterns";

const pct = (v: number) => `${formatDecimal(v, 0)} %`;

function Point(props: { cx?: number; cy?: number; payload?: FunnelDatum }) {
  const { cx, cy, payload } = props;
  if (cx === undefined || cy === undefined || !payload) return null;
  const r = payload.isOwn ? 7 : 5;
  return <circle cx={cx} cy={cy} r={r} fill={categoryFill(payload.category)} stroke={payload.isOwn ? "#000000" : OUTLINE} strokeWidth={payload.isOwn ? 2.5 : 1} />;
}

export function FunnelPlot({ data, width = 1000, height = 420 }: { data: FunnelData; width?: number; height?: number }) {
  const values = data.points.map((p) => p.value);
  const lo = Math.max(0, Math.floor((Math.min(...values, data.centre ?? 100) - 5) / 5) * 5);
  const hi = Math.min(100, Math.ceil((Math.max(...values, data.centre ?? 0) + 5) / 5) * 5);
  const nMin = data.limits[0]?.n ?? 1;
  const nMax = data.limits[data.limits.length - 1]?.n ?? 10;
  return (
    <ComposedChart data={data.limits} width={width} height={height} margin={{ top: 16, right: 24, bottom: 32, left: 8 }} accessibilityLayer>
      <CartesianGrid stroke="#e3e7eb" />
      <XAxis type="number" dataKey="n" scale="log" domain={[nMin, nMax]} ticks={logTicks(nMin, nMax)} allowDataOverflow tickFormatter={(v: number) => formatNumber(v)} fontSize={11} stroke="#55616d"
        label={{ value: "Nævner (antal børn), logaritmisk akse", position: "insideBottom", offset: -20, fontSize: 12, fill: "#1d2731" }} />
      <YAxis type="number" domain={[lo, hi]} allowDataOverflow tickFormatter={pct} fontSize={11} stroke="#55616d" width={48} />
      <Tooltip
        cursor={false}
        content={({ active, payload }) => {
          const d = active ? (payload?.find((p) => (p.payload as FunnelDatum)?.code)?.payload as FunnelDatum | undefined) : undefined;
          if (!d) return null;
          return <ChartTooltipBox heading={d.name} lines={[["Andel", formatPercent(d.value / 100)], ["Nævner", formatNumber(d.n)], ["Sammenlignet med landet", CATEGORY_LABEL[d.category]]]} />;
        }}
      />
      <Line dataKey="upper998" dot={false} activeDot={false} stroke="#55616d" strokeWidth={1.5} strokeDasharray="8 4" isAnimationActive={false} name="99,8 %-grænse" />
      <Line dataKey="lower998" dot={false} activeDot={false} stroke="#55616d" strokeWidth={1.5} strokeDasharray="8 4" isAnimationActive={false} legendType="none" />
      <Line dataKey="upper95" dot={false} activeDot={false} stroke="#55616d" strokeWidth={1.5} strokeDasharray="2 3" isAnimationActive={false} name="95 %-grænse" />
      <Line dataKey="lower95" dot={false} activeDot={false} stroke="#55616d" strokeWidth={1.5} strokeDasharray="2 3" isAnimationActive={false} legendType="none" />
      {data.centre !== null && <ReferenceLine y={data.centre} stroke="#000000" strokeWidth={2} label={{ value: `Landet ${formatDecimal(data.centre, 1)} %`, position: "insideTopRight", fontSize: 11, fill: "#1d2731" }} />}
      <Scatter data={data.points} dataKey="value" shape={<Point />} isAnimationActive={false} name="Kommuner" />
    </ComposedChart>
  );
}
