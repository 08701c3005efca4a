/**
 * Map geometry of the 98 municipalities for the choropleth: the DAGI boundaries (lib/reference/kommuner.topo.json, a
 * copy of ../shared/reference/kommuner.topojson; source: Geodatastyrelsen og Danske Kommuner) gathered by municipality
 * code, projected once to SVG path data. Several polygons share a code (islands) and are merged; code 0411
 * (Christiansø) is not a municipality and is dropped. The projection is a transverse Mercator centred on 9° E (as
 * UTM zone 32, the usual grid for Denmark) fitted to the country without Bornholm; Bornholm is drawn at the same scale
 * in an inset box in the upper right corner, as on Danish overview maps.
 */
import { geoArea, geoPath, geoTransverseMercator, type GeoProjection } from "d3-geo";
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";

export { MAP_CREDIT } from "./labels";

export const BORNHOLM = "400";
const NOT_A_MUNICIPALITY = "0411";

export interface MapArea {
  code: string;
  name: string;
  /** SVG path data */
  d: string;
}

export interface MapGeometry {
  width: number;
  height: number;
  areas: MapArea[];
  /** the inset frame around Bornholm (zero size when Bornholm is not on the map) */
  inset: { x: number; y: number; width: number; height: number };
}

type Props = { KOMKODE: string; KOMNAVN: string };

/**
 * d3-geo reads polygons on the sphere: an exterior ring clockwise, holes anticlockwise; a ring wound the other way
 * encloses the rest of the globe. The source and the merge do not keep to that, so every ring is set right by its
 * area: an exterior ring must enclose less than a hemisphere, a hole (as a ring of its own) more.
 */
function rewind(geometry: Polygon | MultiPolygon): MultiPolygon {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  const small = (ring: Position[]) => geoArea({ type: "Polygon", coordinates: [ring] }) < 2 * Math.PI;
  return {
    type: "MultiPolygon",
    coordinates: polygons.map((rings) => rings.map((ring, i) => (small(ring) === (i === 0) ? ring : [...ring].reverse()))),
  };
}

/**
 * The polygons of each municipality code gathered into one feature: code (3 digits) → feature. The polygons of one
 * code are separate islands, so gathering them is all the merge needed (topojson's merge() misreads some of the
 * islands as holes here).
 */
export function municipalityFeatures(topology: Topology): Feature<MultiPolygon, { code: string; name: string }>[] {
  const object = Object.values(topology.objects)[0] as GeometryCollection<Props>;
  const collection = feature(topology, object) as FeatureCollection<Polygon | MultiPolygon, Props>;
  const byCode = new Map<string, { name: string; polygons: Position[][][] }>();
  for (const f of collection.features) {
    const props = f.properties;
    if (!props || props.KOMKODE === NOT_A_MUNICIPALITY || !f.geometry) continue;
    const entry = byCode.get(props.KOMKODE) ?? byCode.set(props.KOMKODE, { name: props.KOMNAVN, polygons: [] }).get(props.KOMKODE)!;
    entry.polygons.push(...rewind(f.geometry).coordinates);
  }
  return [...byCode].map(([komkode, { name, polygons }]) => ({
    type: "Feature",
    properties: { code: String(Number(komkode)).padStart(3, "0"), name },
    geometry: { type: "MultiPolygon", coordinates: polygons },
  }));
}

/**
 * SVG path data of a projected multipolygon, thinned for the screen: a point closer than `tolerance` pixels to the
 * last point kept is left out, and rings that shrink below three points are dropped. At the map's size this keeps
 * every visible detail and makes the path data a fraction of the source.
 */
export function pathData(geometry: MultiPolygon, project: (p: [number, number]) => [number, number] | null, tolerance = 1): string {
  const out: string[] = [];
  const t2 = tolerance * tolerance;
  for (const polygon of geometry.coordinates)
    for (const ring of polygon) {
      const kept: [number, number][] = [];
      for (const position of ring) {
        const p = project([position[0], position[1]]);
        if (!p) continue;
        const last = kept[kept.length - 1];
        if (!last || (p[0] - last[0]) ** 2 + (p[1] - last[1]) ** 2 >= t2) kept.push(p);
      }
      if (kept.length < 3) continue;
      out.push(`M${kept.map(([x, y]) => `${Math.round(x * 10) / 10},${Math.round(y * 10) / 10}`).join("L")}Z`);
    }
  return out.join("");
}

/**
 * Project the municipalities (all, or only those of `codes`, e.g. one region, which then fill the box) into a
 * width × height box, Bornholm in an inset.
 */
export function mapGeometry(topology: Topology, codes: ReadonlySet<string> | null = null, width = 560, height = 440): MapGeometry {
  const features = municipalityFeatures(topology).filter((f) => codes === null || codes.has(f.properties.code));
  const main: FeatureCollection = { type: "FeatureCollection", features: features.filter((f) => f.properties.code !== BORNHOLM) };
  const bornholm = features.find((f) => f.properties.code === BORNHOLM);
  const margin = 8;
  const projection = geoTransverseMercator().rotate([-9, 0]).fitExtent([[margin, margin], [width - margin, height - margin]], main);
  const path = geoPath(projection);
  const areas: MapArea[] = features
    .filter((f) => f.properties.code !== BORNHOLM)
    .map((f) => ({ code: f.properties.code, name: f.properties.name, d: pathData(f.geometry, projection) }));
  let inset = { x: 0, y: 0, width: 0, height: 0 };
  if (bornholm) {
    const [[x0, y0], [x1, y1]] = path.bounds(bornholm);
    const pad = 6;
    inset = { x: width - margin - (x1 - x0) - 2 * pad, y: margin, width: x1 - x0 + 2 * pad, height: y1 - y0 + 2 * pad };
    const [tx, ty] = projection.translate();
    const moved: GeoProjection = geoTransverseMercator()
      .rotate([-9, 0])
      .scale(projection.scale())
      .translate([tx + inset.x + pad - x0, ty + inset.y + pad - y0]);
    areas.push({ code: BORNHOLM, name: bornholm.properties.name, d: pathData(bornholm.geometry, moved) });
  }
  areas.sort((a, b) => a.code.localeCompare(b.code));
  return { width, height, areas, inset };
}
