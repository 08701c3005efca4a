/**
 * The annual-report snapshot (lib/aarsrapport/snapshot.ts) and its public reader (lib/aarsrapport/published.ts) on a
 * small synthetic Denmark loaded through the real ingest: the snapshot holds exactly the stored cells of each
 * indicator × its report period, later refreshes do not change a stored snapshot, only published versions are
 * readable, and the public figures are suppressed.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishedCells, publishedReport, publishedVersions } from "@/lib/aarsrapport/published";
import { reportPeriod, type Snapshot } from "@/lib/aarsrapport/snapshot";
import { ANONYMOUS, type Viewer } from "@/lib/auth/roles";
import { pool } from "@/lib/db/client";
import { ensureDemoData } from "@/lib/demo/data";
import { INDICATORS } from "@/lib/indicators/catalog";
import { storeReport } from "./helpers/annual-report";
import { useAppDatabase } from "./helpers/app-db";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ldbu-aarsrapport-"));
let db: Awaited<ReturnType<typeof useAppDatabase>>;
let snapshot: Snapshot;
const sundk: Viewer = { kind: "user", id: 1, username: "s", name: "S", role: "sundk", municipalityCode: null };

beforeAll(async () => {
  db = await useAppDatabase();
  await ensureDemoData(pool(), { seed: 5, scale: 0.01, from: 2024, to: 2024 }, dir);
  ({ snapshot } = await storeReport(2024));
}, 1_200_000);
afterAll(async () => {
  await db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("annual-report snapshot", () => {
  it("holds every stored cell of each indicator × its report period, and nothing else", async () => {
    for (const d of INDICATORS) {
      const period = reportPeriod(d, 2024);
      const stored = await pool().query(`SELECT count(*)::int AS n FROM indicator_result WHERE indicator_id = $1 AND period = $2`, [d.id, period]);
      const frozen = snapshot.results.filter((r) => r.indicatorId === d.id);
      expect(frozen.length, d.id).toBe(stored.rows[0].n);
      expect(new Set(frozen.map((r) => r.period))).toEqual(new Set(stored.rows[0].n ? [period] : []));
    }
    expect(snapshot.results.length).toBeGreaterThan(98 * 5);
    expect(snapshot.indicators.map((i) => i.id)).toEqual(INDICATORS.map((i) => i.id));
    expect(snapshot.indicators.find((i) => i.id === "LDBU-10")?.period).toBe("2024/25");
    expect(new Set(snapshot.completeness.map((r) => r.period))).toEqual(new Set(["2024", "2024/25"]));
  });

  it("keeps its figures when the live results change afterwards", async () => {
    const nation = (s: Snapshot) => s.results.find((r) => r.indicatorId === "LDBU-02" && r.areaLevel === "nation" && r.breakdown === "all")!;
    await pool().query(`UPDATE indicator_result SET numerator = numerator + 7 WHERE indicator_id = 'LDBU-02' AND period = '2024'`);
    const read = await publishedReport(2024);
    expect(nation(read!.snapshot).numerator).toBe(nation(snapshot).numerator);
  });

  it("is readable only when published, by version, with earlier versions still reachable", async () => {
    await storeReport(2023, { status: "draft" });
    await storeReport(2022, { status: "hearing" });
    expect(await publishedReport(2023)).toBeNull();
    expect(await publishedReport(2022)).toBeNull();
    await pool().query(`UPDATE annual_report SET status = 'superseded' WHERE year = 2024 AND version = 1`);
    await storeReport(2024, { version: 2, changeNote: "Rettelse" });
    expect((await publishedReport(2024))?.version).toBe(2);
    expect((await publishedReport(2024, 1))?.status).toBe("superseded");
    expect((await publishedVersions()).map((v) => `${v.year}.${v.version}`)).toEqual(["2024.2", "2024.1"]);
  });

  it("suppresses small numbers for the public and shows SundK everything", async () => {
    const isSmall = (n: number | null) => n !== null && n > 0 && n < 5;
    const small = snapshot.results.filter((r) => r.areaLevel === "municipality" && (isSmall(r.numerator) || isSmall(r.denominator)));
    expect(small.length).toBeGreaterThan(0);
    const publicCells = await publishedCells(ANONYMOUS, snapshot);
    expect(publicCells).toHaveLength(snapshot.results.length);
    expect(publicCells.filter((c) => isSmall(c.numerator) || isSmall(c.denominator))).toEqual([]);
    expect(publicCells.filter((c) => c.state === "suppressed").length).toBeGreaterThanOrEqual(small.length);
    const all = await publishedCells(sundk, snapshot);
    expect(all.filter((c) => c.state === "suppressed")).toEqual([]);
    expect(await publishedCells({ kind: "gateway", clientId: 1, name: "gw" }, snapshot)).toEqual([]);
  });
});
