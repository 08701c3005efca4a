/**
 * schema.prisma and prisma/migrations must describe the same database: one database is built
 * from the migrations, another from the SQL Prisma derives from schema.prisma, and their
 * catalogs must match exactly — apart from what schema.prisma cannot express (lib/db/sql-only.ts), which is added to
 * the schema's database and must come from a migration.
 */
import fs from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { describeSchema } from "@/lib/db/catalog";
import { SQL_ONLY_INDEXES } from "@/lib/db/sql-only";
import { migrate } from "@/lib/db/migrate";
import { diffSchemas } from "@/lib/db/schema-diff";
import { freshDatabase, withClient, type TestDatabase } from "./helpers/db";

const dbs: TestDatabase[] = [];
afterAll(async () => Promise.all(dbs.map((d) => d.drop())));

describe("schema drift", () => {
  it("migrations produce exactly the schema that schema.prisma describes", async () => {
    const fromMigrations = await freshDatabase();
    const fromSchema = await freshDatabase();
    dbs.push(fromMigrations, fromSchema);
    await migrate(fromMigrations.url, () => {});
    const sql = diffSchemas(null, fs.readFileSync("prisma/schema.prisma", "utf8"), fromSchema.url);
    expect(sql).toContain("CREATE TABLE");
    await withClient(fromSchema.url, (c) => c.query(sql));
    for (const ix of SQL_ONLY_INDEXES) await withClient(fromSchema.url, (c) => c.query(ix.sql));

    const a = await withClient(fromMigrations.url, describeSchema);
    const b = await withClient(fromSchema.url, describeSchema);
    const onlyInMigrations = a.filter((l) => !b.includes(l));
    const onlyInSchema = b.filter((l) => !a.includes(l));
    expect({ onlyInMigrations, onlyInSchema }).toEqual({ onlyInMigrations: [], onlyInSchema: [] });
    expect(a.length).toBeGreaterThan(100);
    for (const ix of SQL_ONLY_INDEXES) expect(a.some((l) => l.includes(`.${ix.name} CREATE INDEX`))).toBe(true);
  });
});
