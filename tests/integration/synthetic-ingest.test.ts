/**
 * A small synthetic Denmark through the real batch ingest: exactly the manifest's invalid
 * reports are rejected, for the manifest's reasons, and everything else is accepted; then
 * region and national results equal the counts over all their children's facts. The last 15 % of the deliveries
 * arrive after a full refresh, and the incremental refresh that follows gives exactly what a full one gives.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/db/client";
import { registerSyntheticOrganisations } from "@/lib/demo/data";
import { refreshIndicators } from "@/lib/indicators/refresh";
import { ingestFiles } from "@/lib/ingest/batch";
import { importRegister } from "@/lib/register/import";
import { generate, type Manifest } from "@/lib/synth/generate";
import { useAppDatabase } from "./helpers/app-db";

const out = fs.mkdtempSync(path.join(os.tmpdir(), "ldbu-synth-ingest-"));
let manifest: Manifest;
let db: Awaited<ReturnType<typeof useAppDatabase>>;
const receipts: { bundleId: string | null; outcome: string; rules: string[] }[] = [];
let incremental: Awaited<ReturnType<typeof refreshIndicators>>;
let afterIncremental: unknown[];
/** What the batch ingest reported stored after each batch of earlier.ndjson, and the receipts there were then. */
const stored: { line: number; receipts: number }[] = [];
let earlierLines = 0;
const results = async () =>
  (await pool().query(`SELECT indicator_id, period, area_level, area_code, breakdown, breakdown_value, numerator, denominator, uoplyst,
                              value, ci_low, ci_high, benchmark, standard_met, standard_ci_side
                       FROM indicator_result ORDER BY indicator_id, period, area_level, area_code, breakdown, breakdown_value`)).rows;

beforeAll(async () => {
  db = await useAppDatabase();
  await generate({ seed: 3, scale: 0.01, from: 2023, to: 2024, out });
  manifest = JSON.parse(fs.readFileSync(path.join(out, "manifest.json"), "utf8"));
  await registerSyntheticOrganisations(pool());
  const reg = await importRegister(pool(), "register.csv", fs.readFileSync(path.join(out, "register.csv"), "utf8"));
  expect(reg.problems).toEqual([]);
  const lines = fs.readFileSync(path.join(out, "reports.ndjson"), "utf8").trimEnd().split("\n");
  const split = Math.floor(lines.length * 0.85);
  fs.writeFileSync(path.join(out, "earlier.ndjson"), lines.slice(0, split).join("\n") + "\n");
  fs.writeFileSync(path.join(out, "later.ndjson"), lines.slice(split).join("\n") + "\n");
  await ingestFiles(pool(), [path.join(out, "earlier.ndjson")], {
    quiet: true,
    onStored: async (last) => {
      stored.push({ line: last.line!, receipts: (await pool().query(`SELECT count(*)::int AS n FROM receipt`)).rows[0].n });
    },
  });
  earlierLines = split;
  await refreshIndicators(pool(), { all: true, quiet: true });
  await ingestFiles(pool(), [path.join(out, "later.ndjson")], { quiet: true });
  incremental = await refreshIndicators(pool(), { quiet: true });
  afterIncremental = await results();
  const r = await pool().query(`SELECT bundle_id, outcome, issues FROM receipt`);
  for (const row of r.rows)
    receipts.push({
      bundleId: row.bundle_id,
      outcome: row.outcome,
      rules: (row.issues as { severity: string; details: { coding: { code: string }[] } }[]).filter((i) => i.severity === "error" || i.severity === "fatal").map((i) => i.details.coding[0].code),
    });
  await refreshIndicators(pool(), { all: true, quiet: true });
}, 600_000);
afterAll(async () => {
  await db.close();
  fs.rmSync(out, { recursive: true, force: true });
});

describe("synthetic data through the real ingest", () => {
  it("rejects exactly the manifest's invalid reports, for its reasons", () => {
    const expected = new Map(manifest.invalid.map((i) => [i.bundleId, i.ruleId]));
    const rejected = receipts.filter((r) => r.outcome === "rejected");
    expect(manifest.invalid.length).toBeGreaterThan(10);
    expect(new Set(rejected.map((r) => r.bundleId))).toEqual(new Set(expected.keys()));
    for (const r of rejected) expect(r.rules, `${r.bundleId}`).toContain(expected.get(r.bundleId!));
    expect(receipts.filter((r) => r.outcome === "accepted").length).toBeGreaterThan(rejected.length * 20);
  });

  it("the batch ingest reports after each batch the line it has stored up to, in order, ending with the file's last", () => {
    expect(stored.length).toBeGreaterThan(1);
    expect(stored.at(-1)!.line).toBe(earlierLines);
    for (let i = 1; i < stored.length; i++) {
      expect(stored[i].line).toBeGreaterThan(stored[i - 1].line);
      expect(stored[i].receipts).toBeGreaterThan(stored[i - 1].receipts); // reported once the batch is stored
    }
  });

  it("an incremental refresh after more deliveries gives exactly the results of a full refresh", async () => {
    expect(incremental.cells.some((c) => c.children !== "all")).toBe(true);
    expect(afterIncremental.length).toBeGreaterThan(1000);
    expect(afterIncremental).toEqual(await results());
  });

  it("region and national results equal the counts over all their children", async () => {
    const { rows } = await pool().query(`
      WITH facts AS (
        SELECT f.indicator_id, f.period, m.region_code, f.municipality_code, f.status FROM indicator_fact f
        LEFT JOIN municipality m ON m.code = f.municipality_code
      ), expected AS (
        SELECT indicator_id, period, 'region' AS level, region_code AS code,
               count(*) FILTER (WHERE status = 'numerator')::int AS n, count(*) FILTER (WHERE status <> 'uoplyst')::int AS d
        FROM facts WHERE region_code IS NOT NULL GROUP BY 1, 2, 3, 4
        UNION ALL
        SELECT indicator_id, period, 'nation', 'DK', count(*) FILTER (WHERE status = 'numerator')::int, count(*) FILTER (WHERE status <> 'uoplyst')::int
        FROM facts GROUP BY 1, 2
      )
      SELECT e.*, r.numerator, r.denominator FROM expected e
      LEFT JOIN indicator_result r ON r.indicator_id = e.indicator_id AND r.period = e.period AND r.area_level::text = e.level
        AND r.area_code = e.code AND r.breakdown = 'all'`);
    expect(rows.length).toBeGreaterThan(50);
    for (const r of rows) expect([r.numerator, r.denominator], `${r.indicator_id} ${r.period} ${r.code}`).toEqual([r.n, r.d]);
    // And the regions add up to the nation: every synthetic child is placed in a municipality.
    const unplaced = await pool().query(`SELECT count(*)::int AS n FROM indicator_fact WHERE municipality_code IS NULL`);
    expect(unplaced.rows[0].n).toBe(0);
  });
});
