/**
 * The choropleth's geometry, projected once per process and map extent (the whole country or one region). The
 * boundaries are DAGI (Geodatastyrelsen og Danske Kommuner), see lib/views/map.ts.
 */
import type { Topology } from "topojson-specification";
import { mapGeometry, type MapGeometry } from "@/lib/views/map";
import type { Directory } from "@/lib/views/types";
import topology from "./kommuner.topo.json";

const cache = new Map<string, MapGeometry>();

export function municipalityMap(region: string | null, directory: Directory): MapGeometry {
  const key = region ?? "DK";
  let g = cache.get(key);
  if (!g) {
    const codes = region === null ? null : new Set(directory.municipalities.filter((m) => m.regionCode === region).map((m) => m.code));
    g = mapGeometry(topology as unknown as Topology, codes);
    cache.set(key, g);
  }
  return g;
}
