/**
 * Throughput benchmark of the validator alone (no parsing, no I/O): validates the given reports
 * round-robin on the calling thread for at least `minMs` after a warm-up, and reports
 * reports per second. Run it on a single thread (one core).
 */
import { validateDeliveryReport, type ValidateOptions } from "./validate";

export interface BenchOptions {
  /** Minimum measured time in ms (default 2000). */
  minMs?: number;
  /** Warm-up validations before measuring (default 2000). */
  warmup?: number;
  /** Validator options (e.g. engine "reference" to measure plain fhirpath.js evaluation). */
  validate?: ValidateOptions;
}

export interface BenchResult {
  reportsPerSecond: number;
  /** Mean time per report in microseconds. */
  meanMicros: number;
  validated: number;
  elapsedMs: number;
  /** Distinct reports in the input. */
  distinctReports: number;
  /** Mean number of entries per report in the input. */
  meanEntries: number;
  validCount: number;
  invalidCount: number;
}

export function benchValidator(reports: unknown[], options: BenchOptions = {}): BenchResult {
  if (reports.length === 0) throw new Error("benchValidator: no reports");
  const minMs = options.minMs ?? 2000;
  const warmup = options.warmup ?? 2000;
  const opts = options.validate ?? {};
  let validCount = 0;
  let invalidCount = 0;
  for (const r of reports) {
    if (validateDeliveryReport(r, opts).valid) validCount++;
    else invalidCount++;
  }
  for (let i = 0; i < warmup; i++) validateDeliveryReport(reports[i % reports.length], opts);

  let validated = 0;
  const start = performance.now();
  let now = start;
  while (now - start < minMs) {
    for (let k = 0; k < reports.length; k++) validateDeliveryReport(reports[k], opts);
    validated += reports.length;
    now = performance.now();
  }
  const elapsedMs = now - start;
  const entries = reports.map((r) => {
    const e = (r as { entry?: unknown })?.entry;
    return Array.isArray(e) ? e.length : 0;
  });
  return {
    reportsPerSecond: (validated / elapsedMs) * 1000,
    meanMicros: (elapsedMs * 1000) / validated,
    validated,
    elapsedMs,
    distinctReports: reports.length,
    meanEntries: entries.reduce((a, b) => a + b, 0) / reports.length,
    validCount,
    invalidCount,
  };
}
