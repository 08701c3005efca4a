/**
 * A normalised, sorted description of the `public` schema (tables, columns, enums,
 * indexes, constraints) read from PostgreSQL's catalogs, so two databases can be compared
 * structurally. The drift test builds one database from the migrations and one from
 * schema.prisma and requires equal descriptions.
 */
import type pg from "pg";

export async function describeSchema(client: pg.ClientBase): Promise<string[]> {
  const lines: string[] = [];
  const cols = await client.query(`
    SELECT c.table_name, c.column_name, c.data_type, c.udt_name, c.is_nullable, c.column_default,
           c.character_maximum_length, c.numeric_precision, c.numeric_scale, c.datetime_precision
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.table_name <> '_prisma_migrations'`);
  for (const r of cols.rows) {
    lines.push(
      `column ${r.table_name}.${r.column_name} ${r.data_type}/${r.udt_name}` +
        ` len=${r.character_maximum_length ?? ""} num=${r.numeric_precision ?? ""},${r.numeric_scale ?? ""}` +
        ` dt=${r.datetime_precision ?? ""} null=${r.is_nullable} default=${r.column_default ?? ""}`,
    );
  }
  const enums = await client.query(`
    SELECT t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS labels
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
    JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' GROUP BY t.typname`);
  for (const r of enums.rows) lines.push(`enum ${r.typname} ${r.labels}`);
  const idx = await client.query(`
    SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`);
  for (const r of idx.rows) lines.push(`index ${r.tablename}.${r.indexname} ${r.indexdef}`);
  const cons = await client.query(`
    SELECT cl.relname, co.conname, pg_get_constraintdef(co.oid) AS def
    FROM pg_constraint co JOIN pg_class cl ON cl.oid = co.conrelid
    JOIN pg_namespace n ON n.oid = cl.relnamespace
    WHERE n.nspname = 'public' AND cl.relname <> '_prisma_migrations'`);
  for (const r of cons.rows) lines.push(`constraint ${r.relname}.${r.conname} ${r.def}`);
  return lines.sort();
}
