/**
 * schema.prisma and prisma/migrations must describe the same database: one database is built
 * from the migrations, another from the SQL Prisma derives from schema.prisma, and their
 * catalogs must match exactly — apart from what schema.prisma cannot express (lib/db/sql-only.ts), whose statements are
 * taken from their migrations and run on the schema's database too.
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
    for (const ix of SQL_ONLY_INDEXES) {
      const migration = fs.readFileSync(`prisma/migrations/${ix.migration}/migration.sql`, "utf8");
      const statement = new RegExp(`^CREATE INDEX "${ix.name}" [^;]+;`, "m").exec(migration);
      expect(statement, `${ix.migration} opretter ${ix.name}`).not.toBeNull();
      await withClient(fromSchema.url, (c) => c.query(statement![0]));
    }

    const a = await withClient(fromMigrations.url, describeSchema);
    const b = await withClient(fromSchema.url, describeSchema);
    const onlyInMigrations = a.filter((l) => !b.includes(l));
    const onlyInSchema = b.filter((l) => !a.includes(l));
    expect({ onlyInMigrations, onlyInSchema }).toEqual({ onlyInMigrations: [], onlyInSchema: [] });
    expect(a.length).toBeGreaterThan(100);
  });
});
