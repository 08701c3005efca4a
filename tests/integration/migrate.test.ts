import { createHash } from "node:crypto";
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMigrations, migrate } from "@/lib/db/migrate";
import { seedReferenceData } from "@/lib/db/seed";
import { freshDatabase, withClient, type TestDatabase } from "./helpers/db";

let t: TestDatabase;
beforeAll(async () => {
  t = await freshDatabase({ migrated: true });
});
afterAll(async () => t.drop());

describe("migrate", () => {
  it("records migrations the way Prisma does (name, sha-256 checksum, finished)", async () => {
    const rows = await withClient(t.url, (c) => c.query(`SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`));
    const files = listMigrations();
    expect(rows.rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    for (const [i, f] of files.entries()) {
      const sql = fs.readFileSync(`prisma/migrations/${f.name}/migration.sql`);
      expect(rows.rows[i].checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(rows.rows[i].finished_at).not.toBeNull();
    }
  });

  it("is idempotent, and seeding twice keeps 5 regions and 98 municipalities", async () => {
    expect(await migrate(t.url, () => {})).toEqual([]);
    await withClient(t.url, seedReferenceData);
    const r = await withClient(t.url, (c) => c.query(`SELECT (SELECT count(*) FROM region)::int AS regions, (SELECT count(*) FROM municipality)::int AS kommuner`));
    expect(r.rows[0]).toEqual({ regions: 5, kommuner: 98 });
    const names = await withClient(t.url, (c) => c.query(`SELECT name FROM municipality WHERE code IN ('101', '825', '563') ORDER BY code`));
    expect(names.rows.map((x) => x.name)).toEqual(["København", "Fanø", "Læsø"]);
  });

  it("keeps the audit log append-only", async () => {
    await withClient(t.url, async (c) => {
      await c.query(`INSERT INTO audit_entry (action, resource) VALUES ('view', '/test')`);
      await expect(c.query(`UPDATE audit_entry SET action = 'x'`)).rejects.toThrow(/append-only/);
      await expect(c.query(`DELETE FROM audit_entry`)).rejects.toThrow(/append-only/);
    });
  });

  it("never has a CPR column", async () => {
    const r = await withClient(t.url, (c) => c.query(`SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name ILIKE '%cpr%'`));
    expect(r.rows).toEqual([]);
  });
});
