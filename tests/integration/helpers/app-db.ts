/**
 * Points the app's own database client (lib/db/client.ts) at a fresh migrated test
 * database, with a test pseudonym key. Each test file runs in its own worker.
 */
import { closeDb, pool } from "@/lib/db/client";
import { freshDatabase, type TestDatabase } from "./db";

export const TEST_PSEUDONYM_KEY = "test-pseudonym-key-0123456789abcdef-0123456789";

export async function useAppDatabase(): Promise<TestDatabase & { close: () => Promise<void> }> {
  const t = await freshDatabase({ migrated: true });
  process.env.DATABASE_URL_BEFORE ??= process.env.DATABASE_URL;
  process.env.DATABASE_URL = t.url;
  process.env.LDBU_PSEUDONYM_KEY = TEST_PSEUDONYM_KEY;
  return {
    ...t,
    close: async () => {
      await closeDb();
      process.env.DATABASE_URL = process.env.DATABASE_URL_BEFORE;
      await t.drop();
    },
  };
}

/** Row counts of every table that holds received data. */
export async function dataCounts(): Promise<Record<string, number>> {
  const tables = ["citizen", "citizen_record", "citizen_custodian", "parent_link", "location", "encounter", "observation", "questionnaire_response", "intervention", "refresh_citizen"];
  const r = await pool().query(tables.map((t) => `SELECT '${t}' AS t, count(*)::int AS n FROM ${t}`).join(" UNION ALL "));
  return Object.fromEntries(r.rows.map((x) => [x.t, x.n]));
}
