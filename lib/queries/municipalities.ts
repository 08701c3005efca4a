/** Municipality and region lookups for pages. */
import { db } from "@/lib/db/client";
import type { Directory } from "@/lib/views/types";

export async function listMunicipalitiesByRegion() {
  const regions = await db().region.findMany({
    orderBy: { code: "asc" },
    include: { municipalities: { orderBy: { name: "asc" }, select: { code: true, name: true } } },
  });
  const collator = new Intl.Collator("da-DK");
  return regions.map((r) => ({ ...r, municipalities: [...r.municipalities].sort((a, b) => collator.compare(a.name, b.name)) }));
}

let directory: Promise<Directory> | null = null;

/**
 * Regions and municipalities (Danish alphabetical order) for pickers, filters, tables and the suppression groups.
 * Reference data (loaded by `migrate` from lib/reference/municipalities.json), so it is read once per process; a
 * change of the municipal map takes a restart.
 */
export function areaDirectory(): Promise<Directory> {
  directory ??= loadDirectory().catch((e) => {
    directory = null;
    throw e;
  });
  return directory;
}

async function loadDirectory(): Promise<Directory> {
  const regions = await listMunicipalitiesByRegion();
  const collator = new Intl.Collator("da-DK");
  return {
    regions: regions.map((r) => ({ code: r.code, name: r.name })),
    municipalities: regions
      .flatMap((r) => r.municipalities.map((m) => ({ code: m.code, name: m.name, regionCode: r.code })))
      .sort((a, b) => collator.compare(a.name, b.name)),
  };
}

/** municipality code → region code */
export async function regionOfMunicipalities(): Promise<Map<string, string>> {
  return new Map((await areaDirectory()).municipalities.map((m) => [m.code, m.regionCode]));
}
