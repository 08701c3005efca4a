/**
 * Demo data: a synthetic Denmark (lib/synth) loaded through the same ingest path as real
 * data – register extract, delivery reports, refresh. Loaded once; later starts reuse it.
 */
import fs from "node:fs";
import path from "node:path";
import type pg from "pg";
import { refreshIndicators } from "@/lib/indicators/refresh";
import { ingestFiles } from "@/lib/ingest/batch";
import { progress } from "@/lib/ingest/progress";
import { importRegister } from "@/lib/register/import";
import { generate } from "@/lib/synth/generate";
import { SYNTHETIC_SOR_CODES } from "@/lib/synth/municipalities";

export interface DemoDataOptions {
  seed: number;
  scale: number;
  from: number;
  to: number;
}

/** Four full birth cohorts and the current one, all 98 municipalities, small enough for a quick first start. */
export const DEMO_DATA: DemoDataOptions = { seed: 1, scale: 0.05, from: 2021, to: 2025 };

/** SundK's SOR → municipality mapping for the synthetic custodians (a real deployment maintains its own). */
export async function registerSyntheticOrganisations(pool: pg.Pool) {
  await pool.query(
    `INSERT INTO organisation (sor_code, name, municipality_code, updated_at)
     SELECT * , now() FROM unnest($1::text[], $2::text[], $3::text[])
     ON CONFLICT (sor_code) DO NOTHING`,
    [SYNTHETIC_SOR_CODES.map((s) => s.sor), SYNTHETIC_SOR_CODES.map((s) => s.name), SYNTHETIC_SOR_CODES.map((s) => s.municipalityCode)],
  );
}

export async function hasData(pool: pg.Pool): Promise<boolean> {
  return ((await pool.query(`SELECT 1 FROM receipt LIMIT 1`)).rowCount ?? 0) > 0;
}

/** Generates (or reuses generated files) and loads them; returns false when data were already loaded. */
export async function ensureDemoData(pool: pg.Pool, opts: DemoDataOptions = DEMO_DATA, dataDir = path.resolve(process.env.LDBU_DATA_DIR ?? ".data")): Promise<boolean> {
  if (await hasData(pool)) return false;
  await registerSyntheticOrganisations(pool);
  const out = path.join(dataDir, `synth-${opts.seed}-${opts.scale}-${opts.from}-${opts.to}`);
  if (!fs.existsSync(path.join(out, "manifest.json"))) {
    const p = progress("generate");
    await generate({ ...opts, out, onProgress: (done, total, label) => p.update(`${label} ${done}/${total}`) });
    p.done(`syntetiske data skrevet til ${out}`);
  }
  const register = await importRegister(pool, "register.csv", fs.readFileSync(path.join(out, "register.csv"), "utf8"));
  if (!register.ok) throw new Error(`Det syntetiske registerudtræk blev afvist: ${JSON.stringify(register.problems.slice(0, 3))}`);
  await ingestFiles(pool, [path.join(out, "reports.ndjson")]);
  await refreshIndicators(pool, { all: true });
  return true;
}
