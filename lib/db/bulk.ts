/**
 * Multi-row INSERT … SELECT FROM unnest(…) with one array parameter per column: one round
 * trip per table per batch, which is what makes batch ingest fast — or, with `bulkInsertAll`,
 * one round trip for several tables.
 */
import type pg from "pg";

/** A connection or the pool: a single statement needs no connection of its own. */
type Queryable = pg.ClientBase | pg.Pool;

export interface Column {
  name: string;
  /** PostgreSQL element type of the array parameter, e.g. "text", "timestamptz", "jsonb". */
  type: string;
  /** Optional expression turning the unnested value into the column value (e.g. jsonb → text[]). */
  expr?: (v: string) => string;
}

export interface BulkInsert {
  table: string;
  cols: Column[];
  rows: unknown[][];
  /** ON CONFLICT … */
  suffix?: string;
  /** RETURNING … (in `bulkInsertAll`, of one insert at most: what the statement returns). */
  returning?: string;
}

/** The INSERT of one table, its array parameters numbered from $`first`. */
function statement({ table, cols, rows, suffix = "", returning }: BulkInsert, first: number): { sql: string; params: unknown[] } {
  const params = cols.map((_, i) => rows.map((r) => r[i]));
  const aliases = cols.map((_, i) => `c${i}`);
  const select = cols.map((c, i) => (c.expr ? c.expr(`u.${aliases[i]}`) : `u.${aliases[i]}`)).join(", ");
  const unnest = cols.map((c, i) => `$${first + i}::${c.type}[]`).join(", ");
  return { sql: `INSERT INTO ${table} (${cols.map((c) => c.name).join(", ")}) SELECT ${select} FROM unnest(${unnest}) AS u(${aliases.join(", ")}) ${suffix}${returning ? ` RETURNING ${returning}` : ""}`, params };
}

export async function bulkInsert(client: Queryable, table: string, cols: Column[], rows: unknown[][], suffix = ""): Promise<pg.QueryResult> {
  if (rows.length === 0) return { rows: [], rowCount: 0 } as unknown as pg.QueryResult;
  const { sql, params } = statement({ table, cols, rows, suffix }, 1);
  return client.query(sql, params);
}

/**
 * Several tables' inserts as one statement (data-modifying WITH clauses; empty ones left out): one round trip
 * instead of one per table. PostgreSQL runs them in one fixed order for a given statement (not necessarily the order
 * given), so transactions sending the same list take their row locks table by table alike. All see the statement's
 * snapshot, so none may depend on rows another writes — except foreign keys, checked at the end of the statement.
 * Returns the rows the one insert with `returning` returns (none without).
 */
export async function bulkInsertAll<R extends pg.QueryResultRow = pg.QueryResultRow>(client: Queryable, inserts: BulkInsert[]): Promise<R[]> {
  const parts: string[] = [];
  const params: unknown[] = [];
  let returned: string | null = null;
  if (inserts.filter((i) => i.returning).length > 1) throw new Error("bulkInsertAll: RETURNING fra højst én tabel");
  for (const insert of inserts) {
    if (insert.rows.length === 0) continue;
    const s = statement(insert, params.length + 1);
    if (insert.returning) returned = `w${parts.length}`;
    parts.push(`w${parts.length} AS (${s.sql})`);
    params.push(...s.params);
  }
  if (!parts.length) return [];
  return (await client.query<R>(`WITH ${parts.join(",\n")} ${returned ? `SELECT * FROM ${returned}` : "SELECT 1 WHERE false"}`, params)).rows;
}

/** jsonb array → text[] (unnest cannot yield array-valued rows from a 2-D array). */
export const jsonToTextArray = (v: string) => `ARRAY(SELECT jsonb_array_elements_text(${v}))`;
