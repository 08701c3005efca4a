/**
 * Rewrites every row of a table by building the new contents in a table beside it and swapping the two within the
 * caller's transaction. Deleting all rows and inserting them again maintained every index row by row (for the
 * national visit facts, two thirds of their refresh) and left the old rows for vacuum; here the indexes are built once
 * over the finished rows, and readers keep the old contents until commit, waiting only for the swap itself.
 *
 * The replacement gets the same columns, defaults, constraints, indexes and names, so the schema stays exactly what the
 * migrations made (tests/integration/completeness.test.ts compares the catalogs). Tables that foreign keys or triggers
 * tie to others are refused: those would not follow the swap.
 */
import type pg from "pg";

const INDEX_DEF = /^CREATE (UNIQUE )?INDEX \S+ ON \S+ (USING .+)$/;

export async function rebuildTable(client: pg.ClientBase, table: string, fill: (target: string) => Promise<void>): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`rebuildTable: ugyldigt tabelnavn ${table}`);
  const next = `${table}_next`;
  const ties = await client.query<{ n: number }>(
    `SELECT (SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND (conrelid = $1::regclass OR confrelid = $1::regclass))
          + (SELECT count(*) FROM pg_trigger WHERE tgrelid = $1::regclass AND NOT tgisinternal) AS n`,
    [table],
  );
  if (Number(ties.rows[0].n) > 0) throw new Error(`rebuildTable: ${table} har fremmednøgler eller triggere`);
  // a replacement left by a failed run is rolled back with it; this only guards against one left by hand
  await client.query(`DROP TABLE IF EXISTS ${next}`);
  await client.query(`CREATE TABLE ${next} (LIKE ${table} INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING STORAGE INCLUDING GENERATED)`);
  await fill(next);
  // each index is sorted in memory, not in runs on disk
  await client.query(`SET LOCAL maintenance_work_mem = '256MB'`);

  const { rows: indexes } = await client.query<{ name: string; def: string; primary: boolean }>(
    `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS def, x.indisprimary AS primary
     FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = $1::regclass ORDER BY i.relname`,
    [table],
  );
  for (const ix of indexes) {
    const m = INDEX_DEF.exec(ix.def);
    if (!m || !/^[a-z_][a-z0-9_]*$/.test(ix.name)) throw new Error(`rebuildTable: kan ikke genskabe indekset ${ix.name}`);
    await client.query(`CREATE ${m[1] ?? ""}INDEX ${ix.name}_next ON ${next} ${m[2]}`);
    if (ix.primary) await client.query(`ALTER TABLE ${next} ADD CONSTRAINT ${ix.name}_next PRIMARY KEY USING INDEX ${ix.name}_next`);
  }
  await client.query(`ANALYZE ${next}`);

  await client.query(`DROP TABLE ${table}`);
  await client.query(`ALTER TABLE ${next} RENAME TO ${table}`);
  // renaming a primary key's index renames its constraint too
  for (const ix of indexes) await client.query(`ALTER INDEX ${ix.name}_next RENAME TO ${ix.name}`);
}
