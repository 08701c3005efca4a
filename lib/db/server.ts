/**
 * Which PostgreSQL to use: DATABASE_URL when set (any PostgreSQL ≥ 15), otherwise the
 * embedded one started by this process (or reused if already running for this checkout).
 */
import { ensureDatabaseExists, startEmbeddedPostgres } from "./embedded";

export interface Database {
  url: string;
  /** Server-level URL builder, for tests that create throwaway databases. */
  serverUrl: (database: string) => string;
  embedded: boolean;
  stop: () => Promise<void>;
}

export const APP_DATABASE = "ldbu";

export async function resolveDatabase(log: (m: string) => void = console.log): Promise<Database> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const serverUrl = (db: string) => {
      const u = new URL(external);
      u.pathname = `/${db}`;
      return u.toString();
    };
    return { url: external, serverUrl, embedded: false, stop: async () => {} };
  }
  const pg = await startEmbeddedPostgres(log);
  await ensureDatabaseExists(pg.databaseUrl, APP_DATABASE);
  return { url: pg.databaseUrl(APP_DATABASE), serverUrl: pg.databaseUrl, embedded: true, stop: pg.stop };
}
