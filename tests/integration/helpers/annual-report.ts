/** Test fixtures for annual reports: a report frozen from the database's current results, stored in a given state. */
import { buildSnapshot, type Snapshot } from "@/lib/aarsrapport/snapshot";
import { pool } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";

/** Freeze `year` from the app database and store it as version `version` with `status`. Returns the row id. */
export async function storeReport(year: number, opts: { status?: "draft" | "hearing" | "published" | "superseded"; version?: number; changeNote?: string } = {}): Promise<{ id: number; snapshot: Snapshot }> {
  return withTransaction(pool(), async (c) => {
    await c.query(`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ`);
    const snapshot = await buildSnapshot(c, year);
    const status = opts.status ?? "published";
    const { rows } = await c.query<{ id: number }>(
      `INSERT INTO annual_report (year, version, status, snapshot, catalog_version, data_cutoff, change_note, published_at)
       VALUES ($1, $2, $3::text::annual_report_status, $4, $5, $6, $7, CASE WHEN $3::text IN ('published', 'superseded') THEN now() END) RETURNING id`,
      [year, opts.version ?? 1, status, JSON.stringify(snapshot), snapshot.catalogVersion, snapshot.dataCutoff, opts.changeNote ?? null],
    );
    return { id: rows[0].id, snapshot };
  });
}
