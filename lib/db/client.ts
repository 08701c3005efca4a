/**
 * The one Prisma client (Prisma 7 + @prisma/adapter-pg) and the pg pool it runs on; heavy
 * batch SQL (ingest, refresh) uses the same pool directly. DATABASE_URL is set by the
 * app's own scripts (embedded PostgreSQL) or by the deployment.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { stopListening } from "./data-generation";
import { PrismaClient } from "./generated/client";

interface Handles {
  pool: pg.Pool;
  prisma: PrismaClient;
}

const globalForDb = globalThis as unknown as { ldbuDb?: Handles };

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL er ikke sat: start LDBU med `npm run demo` eller sæt DATABASE_URL.");
  return url;
}

function handles(): Handles {
  if (!globalForDb.ldbuDb) {
    const pool = new pg.Pool({ connectionString: databaseUrl(), max: Number(process.env.LDBU_DB_POOL ?? 10) });
    globalForDb.ldbuDb = { pool, prisma: new PrismaClient({ adapter: new PrismaPg(pool) }) };
  }
  return globalForDb.ldbuDb;
}

export function db(): PrismaClient {
  return handles().prisma;
}

export function pool(): pg.Pool {
  return handles().pool;
}

export async function closeDb() {
  const h = globalForDb.ldbuDb;
  globalForDb.ldbuDb = undefined;
  await stopListening();
  if (h) {
    await h.prisma.$disconnect();
    // pool.end() resolves once its connections are told to close, not once they have; whoever drops or stops the
    // database next would cut the closing ones, and the pool would raise that as an unhandled error. Wait for all.
    let open = h.pool.totalCount;
    const gone = new Promise<void>((resolve) => {
      if (open === 0) resolve();
      h.pool.on("remove", () => --open === 0 && resolve());
    });
    await h.pool.end();
    await gone;
  }
}
