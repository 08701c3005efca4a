/**
 * Batch ingest for the command line (and the demo and benchmarks): the same prepare →
 * store path as the HTTP receiver, with reports stored in batches while the next batch is
 * validated, so the database and the validator work at the same time.
 */
import type pg from "pg";
import { issueRule, rejects } from "@/lib/fhir/outcome";
import { listInputs, kindOf, submissionsIn, type Submission } from "./files";
import { progress } from "./progress";
import { storeReports, type ReportToStore, type StoreResult } from "./store";
import { prepareSubmission } from "./submission";

export interface IngestSummary {
  submissions: number;
  reports: number;
  accepted: number;
  duplicate: number;
  rejected: number;
  resources: number;
  /** Warning and error counts by rule id. */
  warnings: Record<string, number>;
  errors: Record<string, number>;
  seconds: number;
}

const BATCH = 250;

/** Accepted reports in one batch ingest after which the tables are vacuumed and their planner statistics refreshed. */
const VACUUM_AFTER = 1000;

export interface IngestOptions {
  quiet?: boolean;
  onResult?: (r: StoreResult) => void;
  /** Only the submissions this accepts (the benchmark leaves out one day of a file without copying the rest). */
  accept?: (s: Submission) => boolean;
  /** After each stored batch, in order: the submission it ended with (everything up to it is stored); awaited before the next batch is stored. */
  onStored?: (last: Submission) => void | Promise<void>;
}

export async function ingestFiles(pool: pg.Pool, paths: string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  const s: IngestSummary = { submissions: 0, reports: 0, accepted: 0, duplicate: 0, rejected: 0, resources: 0, warnings: {}, errors: {}, seconds: 0 };
  const p = progress("ingest");
  let pending: ReportToStore[] = [];
  let inFlight: Promise<void> = Promise.resolve();

  const tally = (results: StoreResult[]) => {
    for (const r of results) {
      s.reports++;
      s[r.outcome]++;
      s.resources += r.resourceCount;
      for (const i of r.issues) {
        const rule = issueRule(i);
        const bucket = i.severity === "warning" ? s.warnings : rejects(i.severity) ? s.errors : null;
        if (bucket) bucket[rule] = (bucket[rule] ?? 0) + 1;
      }
      opts.onResult?.(r);
    }
    if (!opts.quiet) p.update(`${s.reports.toLocaleString("da-DK")} rapporter: ${s.accepted} gemt, ${s.duplicate} dubletter, ${s.rejected} afvist — ${Math.round(s.reports / Math.max(p.elapsed(), 0.001))}/s`);
  };
  const flush = async (last: Submission) => {
    const batch = pending;
    pending = [];
    await inFlight;
    inFlight = storeReports(pool, batch).then(tally).then(() => opts.onStored?.(last));
    inFlight.catch(() => {}); // handled where it is awaited; avoid an unhandled-rejection crash meanwhile
  };

  let last: Submission | null = null;
  for (const file of listInputs(paths)) {
    const kind = kindOf(file);
    if (kind !== "json" && kind !== "ndjson") throw new Error(`${file}: kun .json og .ndjson er indberetninger (registerudtræk: .csv)`);
    for await (const sub of submissionsIn(file)) {
      if (opts.accept && !opts.accept(sub)) continue;
      s.submissions++;
      last = sub;
      pending.push(...prepareSubmission(sub.text, { channel: "cli" }).reports);
      if (pending.length >= BATCH) await flush(sub);
    }
  }
  if (pending.length && last) await flush(last);
  await inFlight;
  // A bulk load changes the tables faster than autovacuum follows them. The refresh that follows would be planned on
  // the statistics of a near-empty database (seen: minutes instead of seconds), look up every new row's commit in the
  // commit log (and write its hint bits), and fetch table rows in the index-only scans of the covering indexes (no
  // page marked all-visible yet), while autovacuum's own pass over the new rows ran beside it. VACUUM (ANALYZE) does
  // that once, as part of the load.
  if (s.accepted >= VACUUM_AFTER) {
    if (!opts.quiet) p.update("VACUUM (ANALYZE) efter indlæsningen");
    await pool.query(`VACUUM (ANALYZE)`);
  }
  s.seconds = p.elapsed();
  if (!opts.quiet) p.done(`${s.reports.toLocaleString("da-DK")} rapporter: ${s.accepted} gemt, ${s.duplicate} dubletter, ${s.rejected} afvist`);
  return s;
}
