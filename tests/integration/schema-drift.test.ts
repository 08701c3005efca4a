/**
 * schema.prisma and prisma/migrations must describe the same database: one database is built
 * from the migrations, another from the SQL Prisma derives from schema.prisma, and their
 * catalogs must match exactly.
 */
import fs from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { describeSchema } from "@/lib/db/catalog";
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

    const a = await withClient(fromMigrations.url, describeSchema);
    const b = await withClient(fromSchema.url, describeSchema);
    const onlyInMigrations = a.filter((l) => !b.includes(l));
    const onlyInSchema = b.filter((l) => !a.includes(l));
    expect({ onlyInMigrations, onlyInSchema }).toEqual({ onlyInMigrations: [], onlyInSchema: [] });
    expect(a.length).toBeGreaterThan(100);
  });
});
