/**
 * Writing audit entries (lib/audit/index.ts) on a real PostgreSQL: concurrent entries are stored together, each caller
 * returns only once its own entry is committed, one entry the database refuses fails alone, and an entry written in a
 * transaction is stored with that transaction or not at all.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { audit } from "@/lib/audit";
import type { Viewer } from "@/lib/auth/roles";
import { db, pool } from "@/lib/db/client";
import { useAppDatabase } from "./helpers/app-db";

let database: Awaited<ReturnType<typeof useAppDatabase>>;
const viewer: Viewer = { kind: "user", id: 7, username: "lene", name: "Lene", role: "leder", municipalityCode: "751" };

beforeAll(async () => {
  database = await useAppDatabase();
});
afterAll(async () => {
  await database?.close();
});

const stored = async (resource: string) =>
  (await pool().query(`SELECT username, role, action, details->>'n' AS n, municipality_code FROM audit_entry WHERE resource = $1 ORDER BY id`, [resource])).rows;

describe("writing audit entries", () => {
  it("stores concurrent entries, in arrival order, each committed before its caller goes on", async () => {
    const seen = await Promise.all(
      Array.from({ length: 60 }, async (_, i) => {
        await audit(viewer, "view", "audit-write/concurrent", { n: String(i) }, "751");
        // visible to another connection the moment the call returns
        return (await pool().query(`SELECT count(*)::int AS c FROM audit_entry WHERE resource = 'audit-write/concurrent' AND details->>'n' = $1`, [String(i)])).rows[0].c;
      }),
    );
    expect(seen).toEqual(Array(60).fill(1));
    const rows = await stored("audit-write/concurrent");
    expect(rows.map((r) => r.n)).toEqual(Array.from({ length: 60 }, (_, i) => String(i)));
    expect(rows[0]).toEqual({ username: "lene", role: "leder", action: "view", n: "0", municipality_code: "751" });
  });

  it("fails only the entry the database refuses", async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => audit(viewer, "export", "audit-write/one-bad", { n: String(i), note: i === 7 ? "nul \u0000 tegn" : "ok" })),
    );
    expect(outcomes.map((o) => o.status)).toEqual(Array.from({ length: 20 }, (_, i) => (i === 7 ? "rejected" : "fulfilled")));
    expect((await stored("audit-write/one-bad")).map((r) => r.n)).toEqual(Array.from({ length: 20 }, (_, i) => String(i)).filter((n) => n !== "7"));
  });

  it("writes an entry given a transaction with that transaction", async () => {
    await db()
      .$transaction(async (tx) => {
        await audit(viewer, "admin", "audit-write/rolled-back", { n: "1" }, null, tx);
        throw new Error("rollback");
      })
      .catch(() => {});
    expect(await stored("audit-write/rolled-back")).toEqual([]);
    await db().$transaction((tx) => audit(viewer, "admin", "audit-write/committed", { n: "1" }, null, tx));
    expect(await stored("audit-write/committed")).toHaveLength(1);
  });
});
