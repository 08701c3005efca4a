/**
 * The view cache (lib/queries/view-cache.ts) on the data generation (lib/db/data-generation.ts), against a real
 * PostgreSQL: a payload is computed once per viewer scope and generation; a change committed before a call — by this
 * process or any other connection — is always seen by that call; an uncommitted or rolled-back change is not heard;
 * a lost listener turns caching off until it listens again; and cached payloads cannot be changed by a caller.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import type { Viewer } from "@/lib/auth/roles";
import { pool } from "@/lib/db/client";
import { viewDataGeneration } from "@/lib/db/data-generation";
import { ensureDemoData } from "@/lib/demo/data";
import { ensureDemoUsers } from "@/lib/demo/users";
import { setStandard } from "@/lib/indicators/standard-admin";
import { compareData } from "@/lib/queries/compare";
import { COVERAGE_WARNING_SETTING, completenessData, coverageWarningThreshold } from "@/lib/queries/completeness";
import { profileData } from "@/lib/queries/profile";
import { viewContext } from "@/lib/queries/view-context";
import { useAppDatabase } from "./helpers/app-db";
import { demoViewers } from "./helpers/viewers";

let db: Awaited<ReturnType<typeof useAppDatabase>>;
let viewers: Record<string, Viewer> = {};
const Q = { indicatorId: "LDBU-02", period: null, breakdown: "all", region: null };
const COMPLETENESS = { year: null, measure: "daekning" as const, region: null, sort: "navn", dir: "stigende" as const, municipality: null };

beforeAll(async () => {
  db = await useAppDatabase();
  await ensureDemoData(pool(), { seed: 5, scale: 0.01, from: 2024, to: 2024 });
  await ensureDemoUsers();
  viewers = await demoViewers();
}, 1_200_000);
afterAll(async () => {
  await db?.close();
});

/** A second connection, as another app process or an operator would write. */
async function otherConnection<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

describe("data generation", () => {
  it("counts every change committed before the call, by this process or another connection, and nothing uncommitted", async () => {
    const g0 = await viewDataGeneration();
    expect(g0).not.toBeNull();
    expect(await viewDataGeneration()).toBe(g0); // nothing changed

    await pool().query(`INSERT INTO setting (key, value) VALUES ($1, '0.8'::jsonb) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`, [COVERAGE_WARNING_SETTING]);
    const g1 = await viewDataGeneration();
    expect(g1).toBeGreaterThan(g0!);

    await otherConnection(async (c) => {
      await c.query("BEGIN");
      await c.query(`UPDATE setting SET value = '0.7'::jsonb WHERE key = $1`, [COVERAGE_WARNING_SETTING]);
      expect(await viewDataGeneration()).toBe(g1); // written, not committed: not visible, not heard
      await c.query("ROLLBACK");
    });
    expect(await viewDataGeneration()).toBe(g1); // rolled back: never heard

    await otherConnection((c) => c.query(`UPDATE setting SET value = '0.75'::jsonb WHERE key = $1`, [COVERAGE_WARNING_SETTING]));
    expect(await viewDataGeneration()).toBeGreaterThan(g1!);
    expect(await coverageWarningThreshold()).toBe(0.75); // the other connection's commit is read at once
  });

  it("turns caching off when the listener is lost, and listens again on the next call", async () => {
    const before = await compareData(viewers.sundk, Q);
    expect(await compareData(viewers.sundk, Q)).toBe(before);
    const g0 = await viewDataGeneration();
    await otherConnection((c) =>
      c.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE 'SELECT 1%'`),
    );
    // the lost connection is noticed on its next use at the latest; a new listener starts from a newer generation
    let g: number | null = null;
    for (let i = 0; i < 50 && (g === null || g === g0); i++) {
      g = await viewDataGeneration();
      if (g === null || g === g0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(g).toBeGreaterThan(g0!);
    const after = await compareData(viewers.sundk, Q);
    expect(after).not.toBe(before); // computed again: a change could have gone unheard meanwhile
    expect(after).toEqual(before);
  });
});

describe("view cache", () => {
  it("computes a payload once per viewer scope, and never shares it between scopes", async () => {
    const sundk = await compareData(viewers.sundk, Q);
    expect(await compareData(viewers.sundk, Q)).toBe(sundk);
    const politiker = await compareData(viewers.politiker, Q);
    expect(await compareData(viewers.politiker, Q)).toBe(politiker);
    expect(politiker).not.toBe(sundk);
    // the small municipalities' counts SundK sees are suppressed for a politician of another municipality
    const hidden = politiker.municipalities.filter((m) => m.state === "suppressed");
    expect(hidden.length).toBeGreaterThan(0);
    for (const m of hidden) expect(sundk.municipalities.find((s) => s.areaCode === m.areaCode)?.state).toBe("ok");
    // a leader and a health visitor of the same municipality see the same: one payload
    expect(viewers.leder.kind === "user" && viewers.sundhedsplejerske.kind === "user" && viewers.leder.municipalityCode === viewers.sundhedsplejerske.municipalityCode).toBe(true);
    expect(await compareData(viewers.sundhedsplejerske, Q)).toBe(await compareData(viewers.leder, Q));
  });

  it("refuses a caller that would change a cached payload", async () => {
    const data = await compareData(viewers.sundk, Q);
    expect(Object.isFrozen(data.municipalities[0])).toBe(true);
    expect(() => (data.municipalities as unknown[]).sort()).toThrow(TypeError);
    expect(() => ((data.municipalities[0] as { value: number | null }).value = 0)).toThrow(TypeError);
  });

  it("shows a standard SundK just changed on the very next read", async () => {
    const before = await profileData(viewers.sundk, "751");
    const ctx = await viewContext();
    const old = ctx.indicators.find((i) => i.id === "LDBU-02")!.target;
    const target = old === 0.95 ? 90 : 95;
    await setStandard(viewers.sundk, { indicatorId: "LDBU-02", target: String(target), provisional: "false" });
    expect((await viewContext()).indicators.find((i) => i.id === "LDBU-02")).toMatchObject({ target: target / 100, provisional: false });
    const after = await profileData(viewers.sundk, "751");
    expect(after).not.toBe(before);
    const { rows } = await pool().query(`SELECT standard_met FROM indicator_result WHERE indicator_id = 'LDBU-02' AND area_level = 'municipality' AND area_code = '751' AND breakdown = 'all' ORDER BY period DESC LIMIT 1`);
    expect(after!.rows.find((r) => r.indicatorId === "LDBU-02")!.municipality!.standardMet).toBe(rows[0].standard_met);
  });

  it("serves completeness from the cache until a refresh writes new figures", async () => {
    const first = await completenessData(viewers.sundk, COMPLETENESS);
    expect(await completenessData(viewers.sundk, COMPLETENESS)).toBe(first);
    await otherConnection((c) => c.query(`UPDATE completeness_result SET computed_at = now() WHERE measure = 'version'`));
    const again = await completenessData(viewers.sundk, COMPLETENESS);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });
});
