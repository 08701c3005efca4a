"use client";
/**
 * The Recharts charts, split out of the pages' first-load JavaScript: the server still renders them into the first
 * view (ssr), and the browser fetches their code (Recharts is large) in parallel with hydration.
 */
import dynamic from "next/dynamic";

const loading = () => <p className="muted">Tegner diagrammet …</p>;

export const BarChartCI = dynamic(() => import("./BarChartCI").then((m) => m.BarChartCI), { loading });
export const FunnelPlot = dynamic(() => import("./FunnelPlot").then((m) => m.FunnelPlot), { loading });
export const TrendChart = dynamic(() => import("./TrendChart").then((m) => m.TrendChart), { loading });
