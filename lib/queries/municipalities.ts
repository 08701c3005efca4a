/** Municipality and region lookups for pages. */
import { db } from "@/lib/db/client";

export async function municipalityName(code: string): Promise<string | null> {
  const m = await db().municipality.findUnique({ where: { code }, select: { name: true } });
  return m?.name ?? null;
}

export async function listMunicipalitiesByRegion() {
  const regions = await db().region.findMany({
    orderBy: { code: "asc" },
    include: { municipalities: { orderBy: { name: "asc" }, select: { code: true, name: true } } },
  });
  const collator = new Intl.Collator("da-DK");
  return regions.map((r) => ({ ...r, municipalities: [...r.municipalities].sort((a, b) => collator.compare(a.name, b.name)) }));
}
