/**
 * Pseudonym key rotation (lib/ingest/key-chain.ts) on a real PostgreSQL: reports and a register extract stored under
 * the base key, rotated, then a correction and the register again for the same child link to the same citizen; the
 * old pseudonyms are gone; a server still holding the old keys cannot store; an interrupted rotation changes nothing.
 */
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/db/client";
import { KeyChainMismatch, rotatePseudonyms } from "@/lib/ingest/key-chain";
import { pseudonymise } from "@/lib/ingest/pseudonym";
import { storeReports } from "@/lib/ingest/store";
import { prepareSubmission } from "@/lib/ingest/submission";
import { importRegister } from "@/lib/register/import";
import { REGISTER_HEADER } from "@/lib/register/parse";
import { TEST_PSEUDONYM_KEY, useAppDatabase } from "./helpers/app-db";
import { citizen, encounter, report, weight, SOR_AARHUS, VISIT } from "./helpers/reports";

const CHILD = { id: "barn-1", cpr: "0503244012" };
const OTHER = { id: "barn-2", cpr: "1104244021" };
const NEW_KEY = "rotation-key-2026-abcdefghijklmnopqrstuvwxyz";

async function send(r: unknown) {
  const [res] = await storeReports(pool(), prepareSubmission(JSON.stringify(r), { channel: "cli" }).reports);
  return res;
}
const citizenOf = async (resourceId: string) => (await pool().query(`SELECT citizen_id::text AS id FROM citizen_record WHERE resource_id = $1`, [resourceId])).rows[0]?.id;
const pseudonyms = async () => (await pool().query<{ pseudonym: string }>(`SELECT pseudonym FROM citizen ORDER BY id`)).rows.map((r) => r.pseudonym);
const registerText = () => `${REGISTER_HEADER.join(";")}\n${CHILD.cpr};2024-03-05;K;3400;280;1;751;grundskole\n`;

let db: Awaited<ReturnType<typeof useAppDatabase>>;
beforeAll(async () => {
  db = await useAppDatabase();
  delete process.env.LDBU_PSEUDONYM_ROTATION_KEYS;
  await pool().query(`INSERT INTO organisation (sor_code, name, municipality_code, updated_at) VALUES ($1, 'Aarhus sundhedspleje', '751', now())`, [SOR_AARHUS]);
});
afterAll(async () => {
  delete process.env.LDBU_PSEUDONYM_ROTATION_KEYS;
  await db.close();
});

describe("pseudonym key rotation", () => {
  let before: string[];
  let childId: string;

  it("stores under the base key and records the chain", async () => {
    expect((await send(report("r1", "2024-03-10T10:00:00+01:00", [citizen(CHILD, SOR_AARHUS), encounter("e1", CHILD.id, VISIT.etablering, "2024-03-10T09:00:00+01:00"), weight("w1", CHILD.id, "2024-03-10T09:00:00+01:00", 3300)]))).outcome).toBe("accepted");
    expect((await send(report("r2", "2024-04-12T10:00:00+01:00", [citizen(OTHER, SOR_AARHUS), encounter("e2", OTHER.id, VISIT.etablering, "2024-04-12T09:00:00+01:00")]))).outcome).toBe("accepted");
    expect((await importRegister(pool(), "register.csv", registerText())).ok).toBe(true);
    childId = await citizenOf(CHILD.id);
    before = await pseudonyms();
    expect(before).toContain(pseudonymise(CHILD.cpr));
    expect(before).toHaveLength(2);
    const state = (await pool().query(`SELECT generation FROM pseudonym_key_state`)).rows;
    expect(state).toEqual([{ generation: 0 }]);
  });

  it("an interrupted rotation changes nothing", async () => {
    process.env.LDBU_PSEUDONYM_ROTATION_KEYS = NEW_KEY;
    await expect(rotatePseudonyms(pool(), { batchSize: 1, onProgress: () => { throw new Error("afbrudt"); } })).rejects.toThrow("afbrudt");
    expect(await pseudonyms()).toEqual(before);
    expect((await pool().query(`SELECT generation FROM pseudonym_key_state`)).rows).toEqual([{ generation: 0 }]);
  });

  it("a server with the new key refuses to store until the rotation has run", async () => {
    const r = report("r-early", "2024-05-01T10:00:00+01:00", [citizen(CHILD, SOR_AARHUS)]);
    await expect(send(r)).rejects.toThrow(KeyChainMismatch);
    await expect(send(r)).rejects.toThrow(/rotate-pseudonym-key/);
  });

  it("rotates every pseudonym in batches; the old values are gone", async () => {
    const seen: number[] = [];
    const result = await rotatePseudonyms(pool(), { batchSize: 1, onProgress: (done) => seen.push(done) });
    expect(result).toEqual({ from: 0, to: 1, citizens: 2 });
    expect(seen).toEqual([1, 2]);
    const after = await pseudonyms();
    expect(after).toHaveLength(2);
    for (const old of before) expect(after).not.toContain(old);
    expect(after).toContain(pseudonymise(CHILD.cpr)); // the chain gives an incoming CPR the rotated value
    const tables = (await pool().query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`)).rows.map((r) => r.table_name);
    for (const t of tables) {
      const text = (await pool().query(`SELECT coalesce(string_agg(x::text, E'\\n'), '') AS s FROM "${t}" x`)).rows[0].s as string;
      for (const old of before) expect(text.includes(old), `${t} still holds an old pseudonym`).toBe(false);
    }
  });

  it("a rotation run again finds nothing to do", async () => {
    const again = await rotatePseudonyms(pool());
    expect(again).toEqual({ from: 1, to: 1, citizens: 0 });
  });

  it("a correction and a new register extract for the same child link to the same citizen", async () => {
    const fix = report("r3", "2024-03-11T10:00:00+01:00", [citizen(CHILD, SOR_AARHUS), weight("w1", CHILD.id, "2024-03-10T09:00:00+01:00", 3350)]);
    expect((await send(fix)).outcome).toBe("accepted");
    expect(await citizenOf(CHILD.id)).toBe(childId);
    expect((await pool().query(`SELECT value_quantity::int AS g, citizen_id::text AS c FROM observation WHERE resource_id = 'w1'`)).rows).toEqual([{ g: 3350, c: childId }]);
    // a new resource id for the same CPR still finds the child
    expect((await send(report("r4", "2024-06-01T10:00:00+01:00", [citizen({ id: "barn-1-ny", cpr: CHILD.cpr }, SOR_AARHUS)]))).outcome).toBe("accepted");
    expect(await citizenOf("barn-1-ny")).toBe(childId);
    expect((await importRegister(pool(), "register-2.csv", registerText())).ok).toBe(true);
    expect((await pool().query(`SELECT citizen_id::text AS c FROM register_person`)).rows).toEqual([{ c: childId }]);
    expect(await pseudonyms()).toHaveLength(2);
  });

  it("a server still holding the old keys cannot store after the rotation", async () => {
    delete process.env.LDBU_PSEUDONYM_ROTATION_KEYS;
    await expect(send(report("r5", "2024-07-01T10:00:00+01:00", [citizen(CHILD, SOR_AARHUS)]))).rejects.toThrow(/roteret 1 gang/);
    await expect(importRegister(pool(), "register-3.csv", registerText())).rejects.toThrow(KeyChainMismatch);
    process.env.LDBU_PSEUDONYM_ROTATION_KEYS = `${NEW_KEY.replace("2026", "2027")}`; // same length, wrong key
    await expect(send(report("r6", "2024-07-01T10:00:00+01:00", [citizen(CHILD, SOR_AARHUS)]))).rejects.toThrow(/passer ikke/);
    await expect(rotatePseudonyms(pool())).rejects.toThrow(KeyChainMismatch);
    expect(await pseudonyms()).toHaveLength(2);
  });

  it("the documented command rotates to the next key, reports progress, and then finds nothing to do", async () => {
    const keys = `${NEW_KEY},third-key-0123456789-abcdefghijklmnopqrstuvwxyz`;
    const run = () => {
      const r = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/ldbu.ts", "rotate-pseudonym-key"], {
        env: { ...process.env, DATABASE_URL: db.url, LDBU_PSEUDONYM_KEY: TEST_PSEUDONYM_KEY, LDBU_PSEUDONYM_ROTATION_KEYS: keys },
        encoding: "utf8",
      });
      return { status: r.status, out: `${r.stdout}${r.stderr}` };
    };
    const before = await pseudonyms();
    const first = run();
    expect(first.out).toContain("2 pseudonymer roteret fra generation 1 til 2");
    expect(first.out).toContain("VACUUM FULL citizen");
    expect(first.status).toBe(0);
    const after = await pseudonyms();
    for (const old of before) expect(after).not.toContain(old);
    const again = run();
    expect([again.status, again.out]).toEqual([0, expect.stringContaining("intet at gøre")]);
    process.env.LDBU_PSEUDONYM_ROTATION_KEYS = keys;
    expect((await send(report("r7", "2024-08-01T10:00:00+01:00", [citizen(CHILD, SOR_AARHUS)]))).outcome).toBe("accepted");
    expect(await citizenOf(CHILD.id)).toBe(childId);
    expect(await pseudonyms()).toHaveLength(2);
  });
});
