/**
 * SundK's indicator standards (lib/indicators/standard-admin.ts) on a small synthetic Denmark loaded through the real
 * ingest: only SundK may change one, bad input is refused field by field and changes nothing, and a change is stored
 * with its author, reclassifies every stored headline result of the indicator at once (the same classification a full
 * refresh then computes), moves the results' version for the caches, and is audited.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANONYMOUS, type Viewer } from "@/lib/auth/roles";
import { pool } from "@/lib/db/client";
import { ensureDemoData } from "@/lib/demo/data";
import { ensureDemoUsers } from "@/lib/demo/users";
import { refreshIndicators } from "@/lib/indicators/refresh";
import { listStandards, setStandard, StandardRefused } from "@/lib/indicators/standard-admin";
import { standardStatus } from "@/lib/stats/benchmark";
import { useAppDatabase } from "./helpers/app-db";
import { demoViewers } from "./helpers/viewers";

let db: Awaited<ReturnType<typeof useAppDatabase>>;
let viewers: Record<string, Viewer> = {};

beforeAll(async () => {
  db = await useAppDatabase();
  // default data folder: the generated files are reused by later runs
  await ensureDemoData(pool(), { seed: 5, scale: 0.01, from: 2024, to: 2024 });
  await ensureDemoUsers();
  viewers = await demoViewers();
}, 1_200_000);
afterAll(async () => {
  await db?.close();
});

/** Everything a standard change may touch. */
async function state() {
  const standards = (await pool().query(`SELECT * FROM indicator_standard ORDER BY indicator_id`)).rows;
  const results = (await pool().query(`SELECT id, standard_met, standard_ci_side, computed_at FROM indicator_result ORDER BY id`)).rows;
  return { standards, results };
}

async function refusal(viewer: Viewer, input: Record<string, string>): Promise<StandardRefused> {
  const e = await setStandard(viewer, input).then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(StandardRefused);
  return e as StandardRefused;
}

/** The headline rows of LDBU-02 with what their standard status must be under `target`. */
async function headline(target: number) {
  const { rows } = await pool().query<{ value: number | null; ci_low: number | null; ci_high: number | null; standard_met: boolean | null; standard_ci_side: string | null }>(
    `SELECT value, ci_low, ci_high, standard_met, standard_ci_side FROM indicator_result WHERE indicator_id = 'LDBU-02' AND breakdown = 'all'`,
  );
  return rows.map((r) => ({ stored: { met: r.standard_met, ciSide: r.standard_ci_side }, expected: standardStatus({ value: r.value, low: r.ci_low, high: r.ci_high, target, polarity: "higher" }) }));
}

describe("indicator standards", () => {
  it("lists the catalog's provisional values for the indicators that have a standard, and none for descriptive ones", async () => {
    const list = await listStandards();
    const ldbu02 = list.find((s) => s.indicatorId === "LDBU-02")!;
    expect(ldbu02).toMatchObject({ target: 0.9, catalogTarget: 0.9, provisional: true, updatedBy: null, polarity: "higher" });
    expect(list.map((s) => s.indicatorId)).not.toContain("LDBU-03"); // EPDS: descriptive, no standard
  });

  it("refuses everyone but SundK, and bad input field by field, changing nothing", async () => {
    const before = await state();
    for (const v of [ANONYMOUS, viewers.politiker, viewers.leder, { kind: "gateway", clientId: 1, name: "g" } as Viewer])
      expect((await refusal(v, { indicatorId: "LDBU-02", target: "50", provisional: "false" })).message).toBe("Du har ikke adgang til at ændre standarder.");
    const bad: [Record<string, string>, string, RegExp][] = [
      [{ indicatorId: "LDBU-02", target: "halvfems", provisional: "false" }, "target", /helt antal procent/],
      [{ indicatorId: "LDBU-02", target: "0", provisional: "false" }, "target", /mellem 0 og 100/],
      [{ indicatorId: "LDBU-02", target: "100", provisional: "false" }, "target", /mellem 0 og 100/],
      [{ indicatorId: "LDBU-02", target: "85,5", provisional: "false" }, "target", /helt antal procent/],
      [{ indicatorId: "LDBU-02", target: "-5", provisional: "false" }, "target", /helt antal procent/],
      [{ indicatorId: "LDBU-03", target: "50", provisional: "false" }, "indicatorId", /uden standard/],
      [{ indicatorId: "LDBU-99'; DROP TABLE indicator_standard; --", target: "50", provisional: "false" }, "indicatorId", /Ukendt indikator/],
      [{ indicatorId: "LDBU-02", target: "50", provisional: "måske" }, "provisional", /foreløbig/],
    ];
    for (const [input, field, message] of bad) {
      const e = await refusal(viewers.sundk, input);
      expect(e.message).toBe("Standarden er ikke gemt.");
      expect(e.fields[field]).toMatch(message);
    }
    expect(await state()).toEqual(before);
  });

  it("stores SundK's standard and reclassifies every stored headline result of the indicator at once", async () => {
    const versionBefore = (await pool().query(`SELECT max(computed_at) AS t FROM indicator_result WHERE indicator_id = 'LDBU-02'`)).rows[0].t as Date;
    const otherBefore = (await pool().query(`SELECT id, standard_met, computed_at FROM indicator_result WHERE indicator_id <> 'LDBU-02' ORDER BY id`)).rows;
    // a level most municipalities miss, so the classification visibly changes
    const r = await setStandard(viewers.sundk, { indicatorId: "LDBU-02", target: "99", provisional: "false" });
    expect(r).toMatchObject({ indicatorId: "LDBU-02", target: 0.99, provisional: false });
    expect(r.results).toBeGreaterThan(98);

    const stored = (await pool().query(`SELECT target, provisional, updated_by FROM indicator_standard WHERE indicator_id = 'LDBU-02'`)).rows;
    expect(stored).toEqual([{ target: 0.99, provisional: false, updated_by: "sundk" }]);
    const rows = await headline(0.99);
    expect(rows.length).toBe(r.results);
    for (const row of rows) expect(row.stored).toEqual(row.expected);
    expect(rows.some((x) => x.stored.met === false)).toBe(true);
    // breakdown rows carry no standard; other indicators are untouched
    expect((await pool().query(`SELECT count(*)::int AS n FROM indicator_result WHERE indicator_id = 'LDBU-02' AND breakdown <> 'all' AND standard_met IS NOT NULL`)).rows[0].n).toBe(0);
    expect((await pool().query(`SELECT id, standard_met, computed_at FROM indicator_result WHERE indicator_id <> 'LDBU-02' ORDER BY id`)).rows).toEqual(otherBefore);
    // the results' version moves, so every app process reloads them (lib/queries/result-cache.ts)
    const versionAfter = (await pool().query(`SELECT min(computed_at) AS t FROM indicator_result WHERE indicator_id = 'LDBU-02'`)).rows[0].t as Date;
    expect(versionAfter.getTime()).toBeGreaterThan(versionBefore.getTime());

    expect((await listStandards()).find((s) => s.indicatorId === "LDBU-02")).toMatchObject({ target: 0.99, provisional: false, updatedBy: "sundk" });
    const audit = (await pool().query(`SELECT username, action, resource, details FROM audit_entry WHERE resource = 'standard' ORDER BY id DESC LIMIT 1`)).rows[0];
    expect(audit).toMatchObject({ username: "sundk", action: "admin", resource: "standard" });
    expect(audit.details).toMatchObject({ indikator: "LDBU-02", før: null, efter: { standard: 0.99, foreløbig: false } });
  });

  it("is what a full refresh computes afterwards", async () => {
    await refreshIndicators(pool(), { all: true, quiet: true });
    for (const row of await headline(0.99)) expect(row.stored).toEqual(row.expected);
  });
});
