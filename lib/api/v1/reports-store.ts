/**
 * Published report versions for the API: the light list on every request (it decides which version is current and
 * the ETag), the full report only when a body is sent. A published version never changes, so the parsed report is
 * kept in memory per process (a few at a time), keyed by year, version and publication time.
 */
import { publishedReport, type PublishedReport, type PublishedVersion } from "@/lib/aarsrapport/published";

const KEEP = 6;
const loaded = new Map<string, Promise<PublishedReport | null>>();

/** The current (newest) version of `year`, or version `version` of it; null when not published. */
export function pickVersion(versions: readonly PublishedVersion[], year: number, version?: number): PublishedVersion | null {
  return versions.filter((v) => v.year === year && (version === undefined || v.version === version)).sort((a, b) => b.version - a.version)[0] ?? null;
}

/** The newest version of each year, newest year first. */
export function currentVersions(versions: readonly PublishedVersion[]): PublishedVersion[] {
  const years = [...new Set(versions.map((v) => v.year))].sort((a, b) => b - a);
  return years.map((y) => pickVersion(versions, y)!);
}

export function loadReport(v: PublishedVersion): Promise<PublishedReport | null> {
  const key = `${v.year}:${v.version}:${v.publishedAt.toISOString()}`;
  let report = loaded.get(key);
  if (!report) {
    // a failed or empty read is not kept
    report = publishedReport(v.year, v.version).then(
      (r) => {
        if (!r) loaded.delete(key);
        return r;
      },
      (e) => {
        loaded.delete(key);
        throw e;
      },
    );
    loaded.set(key, report);
    if (loaded.size > KEEP) loaded.delete(loaded.keys().next().value!);
  }
  return report;
}
