/**
 * Published annual reports as a viewer may see them: the one way the public pages, the open data API and their
 * exports read frozen figures. Only reports with status `published` (the current version) or `superseded` (an
 * earlier version, still reachable) are returned; drafts and reports in hearing are not public.
 *
 * Figures are suppressed per viewer by the same data-layer rule as current results (lib/queries/viewer-cells.ts),
 * with the entitlement of the action "read:published": anonymous callers and municipal users get the public
 * (suppressed) figures, SundK everything.
 */
import { decide } from "@/lib/auth/access";
import type { Viewer } from "@/lib/auth/roles";
import { pool } from "@/lib/db/client";
import { regionOfMunicipalities } from "@/lib/queries/municipalities";
import { cellsForViewer, type CellIdentity, type Entitlement, type ResultCell } from "@/lib/queries/viewer-cells";
import type { Snapshot } from "./snapshot";

export interface PublishedReport {
  id: number;
  year: number;
  version: number;
  status: "published" | "superseded";
  publishedAt: Date;
  summary: string | null;
  changeNote: string | null;
  snapshot: Snapshot;
}

export interface PublishedVersion {
  year: number;
  version: number;
  status: "published" | "superseded";
  publishedAt: Date;
  changeNote: string | null;
  dataCutoff: Date;
  catalogVersion: string;
}

/** Every published version of every year, newest year and version first. */
export async function publishedVersions(): Promise<PublishedVersion[]> {
  const { rows } = await pool().query<PublishedVersion>(
    `SELECT year, version, status::text AS status, published_at AS "publishedAt", change_note AS "changeNote",
            data_cutoff AS "dataCutoff", catalog_version AS "catalogVersion"
     FROM annual_report WHERE status IN ('published', 'superseded') ORDER BY year DESC, version DESC`,
  );
  return rows;
}

/** A published report: the given version, or the current (newest published) version of the year. Null if none. */
export async function publishedReport(year: number, version?: number): Promise<PublishedReport | null> {
  const { rows } = await pool().query<PublishedReport>(
    `SELECT id, year, version, status::text AS status, published_at AS "publishedAt", summary, change_note AS "changeNote", snapshot
     FROM annual_report
     WHERE year = $1 AND status IN ('published', 'superseded') AND ($2::int IS NULL OR version = $2)
     ORDER BY version DESC LIMIT 1`,
    [year, version ?? null],
  );
  return rows[0] ?? null;
}

/** Whether this version of the year's report is public (published, or superseded by a later version). */
export async function isPublished(year: number, version: number): Promise<boolean> {
  const { rowCount } = await pool().query(`SELECT 1 FROM annual_report WHERE year = $1 AND version = $2 AND status IN ('published', 'superseded')`, [year, version]);
  return rowCount === 1;
}

const publishedEntitlement = (viewer: Viewer): Entitlement => (level, code) => decide(viewer, "read:published", level === "municipality" ? code : undefined).unsuppressed;

/**
 * The frozen result cells of a published report for this viewer. Suppression sees every cell of each indicator ×
 * period; `keep` selects afterwards by what identifies a cell, never by its figures.
 */
export async function publishedCells(viewer: Viewer, snapshot: Snapshot, keep: (cell: CellIdentity) => boolean = () => true): Promise<ResultCell[]> {
  if (!decide(viewer, "read:published").allow) return [];
  const cells = cellsForViewer(snapshot.results, await regionOfMunicipalities(), publishedEntitlement(viewer));
  return cells.filter(keep);
}

export interface PublishedComments {
  /** SundK's professional commentary per indicator id */
  sundk: Map<string, string>;
  /** the municipalities' hearing comments per indicator id */
  municipalities: Map<string, { municipalityCode: string; text: string }[]>;
}

/** The comments of a published report (SundK's commentary and the hearing comments). Authors are not public. */
export async function publishedComments(report: Pick<PublishedReport, "id">): Promise<PublishedComments> {
  const { rows } = await pool().query<{ indicatorId: string; municipalityCode: string | null; text: string }>(
    `SELECT c.indicator_id AS "indicatorId", c.municipality_code AS "municipalityCode", c.text
     FROM annual_report_comment c JOIN annual_report r ON r.id = c.report_id
     WHERE c.report_id = $1 AND r.status IN ('published', 'superseded')
     ORDER BY c.indicator_id, c.municipality_code NULLS FIRST`,
    [report.id],
  );
  const out: PublishedComments = { sundk: new Map(), municipalities: new Map() };
  for (const r of rows) {
    if (r.municipalityCode === null) out.sundk.set(r.indicatorId, r.text);
    else (out.municipalities.get(r.indicatorId) ?? out.municipalities.set(r.indicatorId, []).get(r.indicatorId)!).push({ municipalityCode: r.municipalityCode, text: r.text });
  }
  return out;
}
