"use client";
/**
 * The Recharts charts, split out of the pages' first-load JavaScript, drawn in the browser only: Recharts 3 draws
 * nothing on the server (its chart waits for the browser's layout), so rendering it there cost every page request
 * CPU for an empty box. Each chart's table is in the page's HTML.
 */
import dynamic from "next/dynamic";

const loading = () => <p className="muted">Tegner diagrammet …</p>;

export const BarChartCI = dynamic(() => import("./BarChartCI").then((m) => m.BarChartCI), { loading, ssr: false });
export const FunnelPlot = dynamic(() => import("./FunnelPlot").then((m) => m.FunnelPlot), { loading, ssr: false });
export const TrendChart = dynamic(() => import("./TrendChart").then((m) => m.TrendChart), { loading, ssr: false });
