/**
 * Everything a page, CSV file or PDF of a published annual report reads, for one viewer: the report (current or a
 * given version), the year's other versions, the viewer's suppressed frozen cells (./published.ts), the comments and
 * the completeness chapter. Null when the year or version is not published; drafts and hearings never show.
 */
import { decide } from "@/lib/auth/access";
import type { Viewer } from "@/lib/auth/roles";
import { areaDirectory, regionOfMunicipalities } from "@/lib/queries/municipalities";
import type { Directory, ResultCell } from "@/lib/views/types";
import { completenessChapter, type CompletenessChapter } from "./completeness-view";
import { publishedCells, publishedComments, publishedReport, publishedVersions, type PublishedComments, type PublishedReport, type PublishedVersion } from "./published";

export interface ReportData {
  report: PublishedReport;
  /** the year's published versions, newest first (the first is the current one) */
  versions: PublishedVersion[];
  /** the version this page shows is the current one */
  isCurrent: boolean;
  directory: Directory;
  cells: ResultCell[];
  comments: PublishedComments;
}

export async function reportData(viewer: Viewer, year: number, version: number | null): Promise<ReportData | null> {
  if (!decide(viewer, "read:published").allow) return null;
  const report = await publishedReport(year, version ?? undefined);
  if (!report) return null;
  const [all, directory, cells, comments] = await Promise.all([publishedVersions(), areaDirectory(), publishedCells(viewer, report.snapshot), publishedComments(report)]);
  const versions = all.filter((v) => v.year === year);
  return { report, versions, isCurrent: versions[0]?.version === report.version, directory, cells, comments };
}

/** The completeness chapter of a report for the viewer, suppressed like the Datakomplethed page (read:published). */
export async function reportCompleteness(viewer: Viewer, report: PublishedReport, directory: Directory): Promise<CompletenessChapter> {
  const everything = decide(viewer, "read:published").unsuppressed;
  const entitled = (level: string, code: string) => decide(viewer, "read:published", level === "municipality" ? code : undefined).unsuppressed;
  return completenessChapter(report.snapshot.completeness, report.year, directory, await regionOfMunicipalities(), everything ? null : entitled);
}
