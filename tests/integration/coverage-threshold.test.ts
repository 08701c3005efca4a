/**
 * SundK's coverage warning threshold (lib/completeness/threshold-admin.ts) on a small synthetic Denmark: only SundK may
 * change it, bad input is refused and changes nothing, a change is stored with its author and audited, and the
 * dashboards' coverage warnings follow it on the very next read.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/roles";
import { AdminRefused } from "@/lib/accounts/admin";
import { setCoverageWarningThreshold, thresholdSetting } from "@/lib/completeness/threshold-admin";
import { pool } from "@/lib/db/client";
import { ensureDemoData } from "@/lib/demo/data";
import { ensureDemoUsers } from "@/lib/demo/users";
import { compareData } from "@/lib/queries/compare";
import { COVERAGE_WARNING_SETTING } from "@/lib/queries/completeness";
import { useAppDatabase } from "./helpers/app-db";
import { demoViewers } from "./helpers/viewers";

let db: Awaited<ReturnType<typeof useAppDatabase>>;
let viewers: Record<string, Viewer> = {};

beforeAll(async () => {
  db = await useAppDatabase();
  await ensureDemoData(pool(), { seed: 5, scale: 0.01, from: 2024, to: 2024 });
  await ensureDemoUsers();
  viewers = await demoViewers();
}, 1_200_000);
afterAll(async () => {
  await db?.close();
});

const stored = async () => (await pool().query(`SELECT value, updated_by FROM setting WHERE key = $1`, [COVERAGE_WARNING_SETTING])).rows;

async function refusal(viewer: Viewer, threshold: string): Promise<AdminRefused> {
  const e = await setCoverageWarningThreshold(viewer, { threshold }).then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AdminRefused);
  return e as AdminRefused;
}

/** LDBU-02's municipalities with a coverage warning, as SundK sees them. */
async function warned(): Promise<string[]> {
  const data = await compareData(viewers.sundk, { indicatorId: "LDBU-02", period: null, breakdown: "all", region: null });
  return data.coverageWarnings.map((w) => w.areaCode);
}

describe("coverage warning threshold", () => {
  it("starts at the default of 90 %, unstored", async () => {
    expect(await thresholdSetting()).toEqual({ threshold: 0.9, defaultThreshold: 0.9, updatedBy: null, updatedAt: null });
    expect(await stored()).toEqual([]);
  });

  it("refuses everybody but SundK, and bad input field by field, changing nothing", async () => {
    expect((await refusal(viewers.leder, "80")).message).toBe("Du har ikke adgang til at ændre indstillinger.");
    for (const [input, message] of [
      ["0", "Grænsen skal ligge mellem 1 og 100 %."],
      ["101", "Grænsen skal ligge mellem 1 og 100 %."],
      ["85,5", "Skriv grænsen som et helt antal procent, fx 90."],
      ["", "Skriv grænsen som et helt antal procent, fx 90."],
    ]) {
      expect((await refusal(viewers.sundk, input)).fields).toEqual({ threshold: message });
    }
    expect(await stored()).toEqual([]);
  });

  it("stores SundK's value with its author, audits it, and the dashboards warn by it at once", async () => {
    // 100 %: every municipality short of full coverage is warned; 1 %: only one with (almost) none
    await setCoverageWarningThreshold(viewers.sundk, { threshold: "100" });
    const strict = await warned();
    await setCoverageWarningThreshold(viewers.sundk, { threshold: " 1 " });
    const lenient = await warned();
    expect(strict.length).toBeGreaterThan(lenient.length);
    expect(lenient.every((c) => strict.includes(c))).toBe(true);

    expect(await stored()).toEqual([{ value: 0.01, updated_by: "sundk" }]);
    expect(await thresholdSetting()).toMatchObject({ threshold: 0.01, updatedBy: "sundk" });
    const { rows } = await pool().query(`SELECT username, action, resource, details FROM audit_entry WHERE resource = $1 ORDER BY id`, [`setting/${COVERAGE_WARNING_SETTING}`]);
    expect(rows).toEqual([
      { username: "sundk", action: "admin", resource: `setting/${COVERAGE_WARNING_SETTING}`, details: { før: null, efter: 1 } },
      { username: "sundk", action: "admin", resource: `setting/${COVERAGE_WARNING_SETTING}`, details: { før: 1, efter: 0.01 } },
    ]);
  });
});
