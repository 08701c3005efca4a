/**
 * Multi-row INSERT … SELECT FROM unnest(…) with one array parameter per column: one round
 * trip per table per batch, which is what makes batch ingest fast.
 */
import type pg from "pg";

export interface Column {
  name: string;
  /** PostgreSQL element type of the array parameter, e.g. "text", "timestamptz", "jsonb". */
  type: string;
  /** Optional expression turning the unnested value into the column value (e.g. jsonb → text[]). */
  expr?: (v: string) => string;
}

export async function bulkInsert(client: pg.ClientBase, table: string, cols: Column[], rows: unknown[][], suffix = ""): Promise<pg.QueryResult> {
  if (rows.length === 0) return { rows: [], rowCount: 0 } as unknown as pg.QueryResult;
  const params = cols.map((_, i) => rows.map((r) => r[i]));
  const aliases = cols.map((_, i) => `c${i}`);
  const select = cols.map((c, i) => (c.expr ? c.expr(`u.${aliases[i]}`) : `u.${aliases[i]}`)).join(", ");
  const unnest = cols.map((c, i) => `$${i + 1}::${c.type}[]`).join(", ");
  const sql = `INSERT INTO ${table} (${cols.map((c) => c.name).join(", ")}) SELECT ${select} FROM unnest(${unnest}) AS u(${aliases.join(", ")}) ${suffix}`;
  return client.query(sql, params);
}

/** jsonb array → text[] (unnest cannot yield array-valued rows from a 2-D array). */
export const jsonToTextArray = (v: string) => `ARRAY(SELECT jsonb_array_elements_text(${v}))`;
