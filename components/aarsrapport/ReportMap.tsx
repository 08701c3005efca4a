"use client";
/**
 * The choropleth of one indicator in a published report. The geometry is static reference data from /api/kort
 * (public, cached by the browser), fetched once per page for all the report's maps rather than inlined eleven times.
 */
import { useEffect, useState } from "react";
import type { MapGeometry } from "@/lib/views/map";
import { ChoroplethMap, type MapDatum } from "../charts/ChoroplethMap";

let geometry: Promise<MapGeometry> | null = null;
const loadGeometry = () =>
  (geometry ??= fetch("/api/kort").then((r) => {
    if (!r.ok) throw new Error(String(r.status));
    return r.json() as Promise<MapGeometry>;
  }).catch((e) => {
    geometry = null;
    throw e;
  }));

export function ReportMap({ data, title }: { data: [string, MapDatum][]; title: string }) {
  const [map, setMap] = useState<MapGeometry | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    loadGeometry().then((g) => live && setMap(g), () => live && setFailed(true));
    return () => {
      live = false;
    };
  }, []);
  if (failed) return <p role="alert">Kortet kunne ikke hentes. Tallene står i tabellen.</p>;
  if (!map) return <p className="muted" data-map-loading="">Henter kort …</p>;
  return <ChoroplethMap geometry={map} data={new Map(data)} mode="benchmark" title={title} />;
}
