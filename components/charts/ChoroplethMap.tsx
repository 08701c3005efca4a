"use client";
/** Choropleth map of the municipalities, coloured by benchmark category (with patterns) or by quintile. */
import { useState } from "react";
import type { MapGeometry } from "@/lib/views/map";
import { OUTLINE, QUINTILE_FILL, type Category } from "@/lib/views/labels";
import { categoryFill } from "./Patterns";

export interface MapDatum {
  category: Category;
  /** 1–5 in quintile mode */
  quintile: number | null;
  /** text for the tooltip, e.g. "Aarhus: 12,3 % – Som landet" */
  label: string;
  isOwn: boolean;
}

interface Props {
  geometry: MapGeometry;
  data: Map<string, MapDatum>;
  mode: "benchmark" | "kvintil";
  title: string;
}

export function ChoroplethMap({ geometry, data, mode, title }: Props) {
  const [hover, setHover] = useState<string | null>(null);
  const fill = (code: string) => {
    const d = data.get(code);
    if (!d) return categoryFill("no-data");
    if (mode === "kvintil") return d.quintile ? QUINTILE_FILL[d.quintile - 1] : categoryFill(d.category === "suppressed" ? "suppressed" : "no-data");
    return categoryFill(d.category);
  };
  const own = geometry.areas.filter((a) => data.get(a.code)?.isOwn);
  const hovered = hover ? geometry.areas.find((a) => a.code === hover) : undefined;
  return (
    <div className="map">
      <svg data-export viewBox={`0 0 ${geometry.width} ${geometry.height}`} width={geometry.width} height={geometry.height} role="img" aria-label={title}>
        {geometry.inset.width > 0 && <rect {...geometry.inset} fill="none" stroke="#8a949e" strokeWidth="1" />}
        {geometry.areas.map((a) => (
          <path key={a.code} d={a.d} fill={fill(a.code)} stroke={OUTLINE} strokeWidth={0.6} strokeLinejoin="round" data-kode={a.code}
            onMouseEnter={() => setHover(a.code)} onMouseLeave={() => setHover((h) => (h === a.code ? null : h))}>
            <title>{data.get(a.code)?.label ?? `${a.name}: ingen data`}</title>
          </path>
        ))}
        {own.map((a) => <path key={`own-${a.code}`} d={a.d} fill="none" stroke="#000000" strokeWidth={2.5} pointerEvents="none" />)}
        {hovered && <path d={hovered.d} fill="none" stroke="#ffbf47" strokeWidth={2.5} pointerEvents="none" />}
      </svg>
      <p className="map__hover" aria-hidden="true">{hovered ? (data.get(hovered.code)?.label ?? `${hovered.name}: ingen data`) : "Peg på en kommune for at se dens værdi."}</p>
    </div>
  );
}
