/**
 * SQL diffs between Prisma schemas, using Prisma 6.19's WASM schema engine (`engine: "js"`,
 * prisma/diff.config.ts): Prisma 7's migrate needs a native engine that cannot be downloaded
 * here. The WASM engine cannot introspect a database reliably (it fails on PostgreSQL's
 * `name`/`"char"` catalog columns), so diffs are schema → schema, and the drift test compares
 * real catalogs instead (lib/db/catalog.ts).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const PRISMA6 = path.resolve("node_modules/prisma6/build/index.js");

/** Prisma 6 wants `url` in the datasource block, which Prisma 7 forbids: diff copies that have it. */
function forPrisma6(schemaText: string, dir: string, name: string): string {
  const withUrl = schemaText.replace(/datasource db \{\n  provider = "postgresql"\n/, (m) => `${m}  url      = env("DATABASE_URL")\n`);
  if (withUrl === schemaText) throw new Error("schema.prisma: datasource-blokken har ikke den forventede form");
  const file = path.join(dir, name);
  fs.writeFileSync(file, withUrl);
  return file;
}

/**
 * SQL that takes a database shaped like `fromSchema` (or empty) to `toSchema`; "" when equal.
 * The engine insists on connecting through the config's adapter, so `databaseUrl` must reach a server.
 */
export function diffSchemas(fromSchema: string | null, toSchema: string, databaseUrl: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ldbu-schema-"));
  try {
    const to = forPrisma6(toSchema, dir, "to.prisma");
    const fromArgs = fromSchema === null ? ["--from-empty"] : ["--from-schema-datamodel", forPrisma6(fromSchema, dir, "from.prisma")];
    const res = spawnSync(
      process.execPath,
      [PRISMA6, "migrate", "diff", "--config", "prisma/diff.config.ts", ...fromArgs, "--to-schema-datamodel", to, "--script", "--exit-code"],
      {
        encoding: "utf8",
        env: {
          ...process.env,
          DATABASE_URL: databaseUrl,
          // Both only need to name an existing file: the JS engine is used instead.
          PRISMA_QUERY_ENGINE_LIBRARY: process.execPath,
          PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
          PRISMA_HIDE_UPDATE_MESSAGE: "1",
        },
      },
    );
    if (res.status === 0) return "";
    if (res.status === 2) return res.stdout;
    throw new Error(`prisma migrate diff fejlede: ${res.stderr || res.stdout}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
