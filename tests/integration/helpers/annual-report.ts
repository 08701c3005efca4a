/** Test fixtures for annual reports: a report frozen from the database's current results, stored in a given state. */
import { buildSnapshot, type Snapshot } from "@/lib/aarsrapport/snapshot";
import { pool } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";

type Status = "draft" | "hearing" | "published" | "superseded";
export type FixtureComment = { indicatorId: string; municipalityCode: string | null; text: string };

/**
 * Freeze `year` from the app database and store it as version `version` with `status`, its summary and comments
 * (written by the demo user "sundk"). The report goes through the states the database allows (migration
 * 20261126165915: a published report and its comments never change), so summary and comments are written while it
 * is a draft.
 */
export async function storeReport(
  year: number,
  opts: { status?: Status; version?: number; changeNote?: string; summary?: string; comments?: FixtureComment[] } = {},
): Promise<{ id: number; snapshot: Snapshot }> {
  return withTransaction(pool(), async (c) => {
    await c.query(`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ`);
    const snapshot = await buildSnapshot(c, year);
    const status = opts.status ?? "published";
    const { rows } = await c.query<{ id: number }>(
      `INSERT INTO annual_report (year, version, status, snapshot, catalog_version, data_cutoff, change_note, summary)
       VALUES ($1, $2, 'draft', $3, $4, $5, $6, $7) RETURNING id`,
      [year, opts.version ?? 1, JSON.stringify(snapshot), snapshot.catalogVersion, snapshot.dataCutoff, opts.changeNote ?? null, opts.summary ?? null],
    );
    const id = rows[0].id;
    if (opts.comments?.length) {
      const author = (await c.query<{ id: number }>(`SELECT id FROM app_user WHERE username = 'sundk'`)).rows[0].id;
      for (const k of opts.comments)
        await c.query(
          `INSERT INTO annual_report_comment (report_id, indicator_id, municipality_code, author_id, text, updated_at)
           VALUES ($1, $2, $3, $4, $5, now())`,
          [id, k.indicatorId, k.municipalityCode, author, k.text],
        );
    }
    if (status === "hearing")
      await c.query(`UPDATE annual_report SET status = 'hearing', hearing_deadline = now() + interval '14 days' WHERE id = $1`, [id]);
    if (status === "published" || status === "superseded")
      await c.query(`UPDATE annual_report SET status = 'published', published_at = now() WHERE id = $1`, [id]);
    if (status === "superseded") await c.query(`UPDATE annual_report SET status = 'superseded' WHERE id = $1`, [id]);
    return { id, snapshot };
  });
}
