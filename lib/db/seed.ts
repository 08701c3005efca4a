/** Reference data every database needs: the 5 regions and 98 municipalities. Idempotent. */
import pg from "pg";
import reference from "@/lib/reference/municipalities.json";

export interface MunicipalityRef {
  code: string;
  name: string;
  regionCode: string;
  approxPopulation: number;
}

export const REGIONS: { code: string; name: string }[] = reference.regions;
export const MUNICIPALITIES: MunicipalityRef[] = (reference.municipalities as Record<string, unknown>[]).map((m) => ({
  code: String(m.code),
  name: String(m.name),
  regionCode: String(m.regionCode),
  approxPopulation: Number(m.approxPopulation),
}));

export async function seedReferenceData(client: pg.ClientBase) {
  await client.query(
    `INSERT INTO region (code, name) SELECT * FROM unnest($1::text[], $2::text[])
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name`,
    [REGIONS.map((r) => r.code), REGIONS.map((r) => r.name)],
  );
  await client.query(
    `INSERT INTO municipality (code, name, region_code) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, region_code = EXCLUDED.region_code`,
    [MUNICIPALITIES.map((m) => m.code), MUNICIPALITIES.map((m) => m.name), MUNICIPALITIES.map((m) => m.regionCode)],
  );
}
