/**
 * Throwaway databases for integration tests, on the server DATABASE_URL points at
 * (the embedded PostgreSQL under `npm test`, Debian's PostgreSQL 15 in CI's second run).
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { dropDatabase } from "@/lib/db/drop-database";
import { migrate } from "@/lib/db/migrate";
import { seedReferenceData } from "@/lib/db/seed";

export function serverUrl(database: string): string {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error("Integrationstests kræver DATABASE_URL (kør dem med `npm test`).");
  const u = new URL(base);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Runs `fn` on a connection to the server as the role DATABASE_URL names. */
export async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export interface TestDatabase {
  name: string;
  url: string;
  drop: () => Promise<void>;
}

/** An empty database; with `migrated` the migrations and reference data are applied. */
export async function freshDatabase(opts: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const name = `ldbu_t_${randomBytes(5).toString("hex")}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  const url = serverUrl(name);
  if (opts.migrated) {
    await migrate(url, () => {});
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await seedReferenceData(c);
    await c.end();
  }
  return { name, url, drop: () => admin((c) => dropDatabase(c, name)) };
}

export async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}
