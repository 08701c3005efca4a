/**
 * The deterministic synthetic-data generator.
 *
 *   generate({ seed, scale, from, to, out }) writes into `out`:
 *     reports.ndjson  one delivery report (or incremental-delivery wrapper) per line, in the order a
 *                     gateway forwards them: by Bundle.timestamp (wrapper: its own timestamp), ties
 *                     broken by family serial and report sequence (wrappers after single reports of
 *                     the same second, by municipality code). Same arguments → byte-identical files.
 *     register.csv    the register extract, one row per child of the infant and school cohorts.
 *     manifest.json   parameters, counts, the invalid reports (line, bundle id, rule, reason), the
 *                     corrections, the SOR → municipality list and ground-truth rates.
 *
 * Memory stays bounded: one pass simulates every family once and appends each report's JSON to a
 * spool file of its time slab (out/.spool); a second pass reads the slabs in time order, sorts each,
 * groups the incremental-delivery wrappers and streams the lines out. Only the manifest material
 * (the ~2 % of reports with a defect or a correction note) is kept in memory.
 */
import { closeSync, createWriteStream, mkdirSync, openSync, readFileSync, rmSync, writeSync, writevSync, type WriteStream } from "node:fs";
import { join } from "node:path";
import { dayFromYmd, isoInstant } from "./dates";
import type { DefectKind } from "./defects";
import { incrementalDeliveryBuffer } from "./fhir";
import { reportJson, simulateFamily, type CorrectionKind, type CorrectionNote, type SimContext } from "./life";
import { SYNTHETIC_SOR_CODES } from "./municipalities";
import { buildPopulation, type Population } from "./population";
import { uuidFor, rngFor } from "./random";
import { REGISTER_HEADER, registerRows } from "./register";
import { TruthAccumulator, type TruthRates } from "./truth";

export interface GenerateOptions {
  seed: number;
  scale: number;
  /** First and last calendar year of the window (birth cohorts; school years starting in August). */
  from: number;
  to: number;
  out: string;
  /** Optional snapshot date (ISO, inclusive): lines timestamped after it are not written. */
  cutoff?: string;
  onProgress?: (done: number, total: number, label: string) => void;
}

export interface InvalidEntry {
  /** 1-based line number in reports.ndjson. */
  line: number;
  bundleId: string;
  /** When the report travels inside an incremental-delivery wrapper: its id and the entry index. */
  wrapperId?: string;
  entryIndex?: number;
  municipality: string;
  sor: string;
  timestamp: string;
  kind: DefectKind;
  /** Rule id (OperationOutcome issue details.coding code) that must reject the report. */
  ruleId: string;
  reason: string;
  /** Bundle id of the corrected resend, or null when the vendor never resent it. */
  resentAs: string | null;
}

export interface CorrectionEntry {
  line: number;
  bundleId: string;
  wrapperId?: string;
  entryIndex?: number;
  municipality: string;
  timestamp: string;
  kind: CorrectionKind;
  description: string;
  resources: string[];
  relatesTo: string;
}

export interface GenerateCounts {
  families: number;
  children: number;
  registerRows: number;
  lines: number;
  /** Delivery reports, counting those inside wrappers (and every copy of a duplicate delivery). */
  reports: number;
  wrappers: number;
  wrappedReports: number;
  invalid: number;
  invalidByKind: Record<string, number>;
  corrections: Record<string, number>;
  /** Reports whose timestamp is more than two days after the documented contact (timeliness). */
  lateReports: number;
  bytes: number;
}

export interface GenerateSummary {
  out: string;
  files: { reports: string; register: string; manifest: string };
  parameters: { seed: number; scale: number; from: number; to: number; cutoff: string | null };
  counts: GenerateCounts;
  truth: TruthRates;
  durationMs: number;
  /** Milliseconds spent per phase. */
  timings: { population: number; simulate: number; write: number };
}

export interface Manifest {
  generator: "ldbu-synth";
  formatVersion: 1;
  parameters: GenerateSummary["parameters"];
  files: GenerateSummary["files"];
  ordering: string;
  counts: GenerateCounts;
  invalid: InvalidEntry[];
  corrections: CorrectionEntry[];
  sorCodes: typeof SYNTHETIC_SOR_CODES;
  truth: ReturnType<TruthAccumulator["toJSON"]>;
  notes: string[];
}

const LINES_PER_YEAR_AT_SCALE_1 = 650_000;

/** Bytes of serialised reports kept in memory before spilling to spool files (env LDBU_SYNTH_SPOOL_MB, default 256). */
function spoolBudget(): number {
  const mb = Number(process.env.LDBU_SYNTH_SPOOL_MB ?? "");
  return (Number.isFinite(mb) && mb >= 0 && process.env.LDBU_SYNTH_SPOOL_MB ? mb : 256) * 1024 * 1024;
}

/**
 * Per-slab buffers of serialised report lines, encoded straight into 4 MB chunks: kept in memory up
 * to a budget, then appended to one spool file per slab (out/.spool/<slab>.spool).
 */
class Spool {
  private static readonly CHUNK = 4 << 20;
  private readonly mem = new Map<number, { chunks: Buffer[]; used: number }>();
  private readonly onDisk = new Set<number>();
  private bytes = 0;
  constructor(
    private readonly dir: string,
    private readonly budget: number,
  ) {
    rmSync(dir, { recursive: true, force: true });
  }

  add(slab: number, line: string): void {
    let s = this.mem.get(slab);
    if (!s) this.mem.set(slab, (s = { chunks: [], used: 0 }));
    let last = s.chunks[s.chunks.length - 1];
    const worst = line.length * 3; // UTF-8 bytes per UTF-16 unit, at most
    if (!last || s.used + worst > last.length) {
      if (last) s.chunks[s.chunks.length - 1] = last.subarray(0, s.used);
      last = Buffer.allocUnsafe(Math.max(Spool.CHUNK, worst));
      s.chunks.push(last);
      s.used = 0;
    }
    const n = last.write(line, s.used, "utf8");
    s.used += n;
    this.bytes += n;
    if (this.bytes > this.budget) this.spill();
  }

  private parts(slab: number): Buffer[] {
    const s = this.mem.get(slab);
    if (!s || s.chunks.length === 0) return [];
    const out = s.chunks.slice(0, -1);
    out.push(s.chunks[s.chunks.length - 1]!.subarray(0, s.used));
    return out;
  }

  private spill(): void {
    mkdirSync(this.dir, { recursive: true });
    for (const slab of this.mem.keys()) {
      const parts = this.parts(slab);
      if (parts.length === 0) continue;
      const fd = openSync(join(this.dir, `${slab}.spool`), "a");
      try {
        writevAll(fd, parts);
      } finally {
        closeSync(fd);
      }
      this.onDisk.add(slab);
    }
    this.mem.clear();
    this.bytes = 0;
  }

  slabs(): number[] {
    return [...new Set([...this.mem.keys(), ...this.onDisk])].sort((a, b) => a - b);
  }

  /** All lines of a slab (disk part first), removing them from the spool. */
  take(slab: number): Buffer {
    const parts: Buffer[] = [];
    if (this.onDisk.has(slab)) {
      const file = join(this.dir, `${slab}.spool`);
      parts.push(readFileSync(file));
      rmSync(file);
    }
    parts.push(...this.parts(slab));
    this.mem.delete(slab);
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Write all buffers to a file descriptor (writev, handling partial writes). */
function writevAll(fd: number, bufs: Uint8Array[]): void {
  let i = 0;
  while (i < bufs.length) {
    const batch = bufs.slice(i, i + 512);
    let written = writevSync(fd, batch);
    let total = batch.reduce((s, b) => s + b.length, 0);
    if (written === total) {
      i += batch.length;
      continue;
    }
    // partial write: finish this batch buffer by buffer
    for (const b of batch) {
      if (written >= b.length) {
        written -= b.length;
        total -= b.length;
        continue;
      }
      let off = written;
      written = 0;
      while (off < b.length) off += writeSync(fd, b, off, b.length - off);
    }
    i += batch.length;
  }
}

async function write(stream: WriteStream, chunk: string | Buffer): Promise<void> {
  if (!stream.write(chunk)) await new Promise<void>((resolve) => stream.once("drain", () => resolve()));
}

async function close(stream: WriteStream): Promise<void> {
  await new Promise<void>((resolve, reject) => stream.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

/** What the manifest needs of a report with a defect or a correction note. */
interface MetaRecord {
  bundleId: string;
  muni: string;
  sor: string;
  time: number;
  defect?: { kind: DefectKind; ruleId: string; reason: string };
  resentAs?: string;
  note?: CorrectionNote;
}

interface Inner {
  family: number;
  seq: number;
  metaIdx: number;
  bundleId: string;
  json: Buffer;
}

const NEWLINE = Buffer.from("\n");

interface Line {
  lineTime: number;
  /** 0 = single report, 1 = wrapper */
  wrapper: 0 | 1;
  family: number;
  seq: number;
  muni: string;
  json: Buffer;
  /** Index into the manifest material (specs with a defect or note), −1 if none. */
  metaIdx: number;
  inner?: Inner[];
  wrapperId?: string;
}

function compareLines(a: Line, b: Line): number {
  return a.lineTime - b.lineTime || a.wrapper - b.wrapper || (a.wrapper === 1 ? (a.muni < b.muni ? -1 : a.muni > b.muni ? 1 : 0) : a.family - b.family || a.seq - b.seq);
}

export function simContext(pop: Population, seed: number): SimContext {
  return { seed, profiles: new Map(pop.profiles.map((p) => [p.code, p])) };
}

/** Generate a dataset into `opts.out`. */
export async function generate(opts: GenerateOptions): Promise<GenerateSummary> {
  const started = Date.now();
  const { seed, scale, from, to, out } = opts;
  if (!Number.isInteger(seed)) throw new Error("seed must be an integer");
  if (!(scale > 0 && scale <= 5)) throw new Error("scale must be in (0, 5]");
  if (!(Number.isInteger(from) && Number.isInteger(to) && from <= to && from >= 1990 && to <= 2036)) throw new Error("from/to must be years with 1990 <= from <= to <= 2036");
  const progress = opts.onProgress ?? (() => {});
  const cutoffSec = opts.cutoff ? (Date.parse(`${opts.cutoff.slice(0, 10)}T23:59:59Z`) / 1000) | 0 : Infinity;
  mkdirSync(out, { recursive: true });
  const files = { reports: "reports.ndjson", register: "register.csv", manifest: "manifest.json" };

  // ---- population and register
  progress(0, 1, "population");
  const pop = buildPopulation({ seed, scale, from, to });
  const ctx = simContext(pop, seed);
  const reg = createWriteStream(join(out, files.register), { encoding: "utf8" });
  await write(reg, `${REGISTER_HEADER}\n`);
  let registerCount = 0;
  let buf = "";
  for (const fam of pop.families) {
    for (const row of registerRows(fam)) {
      buf += `${row}\n`;
      registerCount++;
    }
    if (buf.length > 1 << 16) {
      await write(reg, buf);
      buf = "";
    }
  }
  await write(reg, buf);
  await close(reg);
  progress(1, 1, "population");
  const tPopulation = Date.now();

  // ---- pass 1: simulate every family once; serialise its reports into time-slab spool files
  const t0 = dayFromYmd(from - 2, 1, 1) * 86400;
  const expectedPerDay = (LINES_PER_YEAR_AT_SCALE_1 * scale) / 365;
  const slabDays = Math.max(1, Math.min(92, Math.floor(40_000 / Math.max(1, expectedPerDay))));
  const slabSec = slabDays * 86400;
  const spool = new Spool(join(out, ".spool"), spoolBudget());
  const meta: MetaRecord[] = []; // reports with a defect or a note (manifest material), without closures
  const wrapperKeys = new Set<string>();
  let singleLines = 0;
  const truth = new TruthAccumulator();
  const nFam = pop.families.length;
  const counts: GenerateCounts = {
    families: nFam,
    children: pop.families.reduce((s, f) => s + f.children.length, 0),
    registerRows: registerCount,
    lines: 0,
    reports: 0,
    wrappers: 0,
    wrappedReports: 0,
    invalid: 0,
    invalidByKind: {},
    corrections: {},
    lateReports: 0,
    bytes: 0,
  };
  for (let i = 0; i < nFam; i++) {
    const fam = pop.families[i]!;
    const life = simulateFamily(fam, ctx);
    truth.addFamily(life.truth);
    for (const s of life.reports) {
      if (s.lineTime > cutoffSec) continue;
      if (s.lineTime < t0) throw new Error("report before the planning epoch");
      const slab = Math.floor((s.lineTime - t0) / slabSec);
      counts.reports++;
      if (s.time - s.contactTime > 2 * 86400) counts.lateReports++;
      let metaIdx = -1;
      if (s.defect || s.note) {
        metaIdx = meta.length;
        meta.push({
          bundleId: s.bundleId,
          muni: s.muni,
          sor: s.sor,
          time: s.time,
          defect: s.defect ? { kind: s.defect.kind, ruleId: s.defect.ruleId, reason: s.defect.reason } : undefined,
          resentAs: s.resentAs,
          note: s.note,
        });
        if (s.defect) {
          counts.invalid++;
          counts.invalidByKind[s.defect.kind] = (counts.invalidByKind[s.defect.kind] ?? 0) + 1;
        }
        if (s.note) counts.corrections[s.note.kind] = (counts.corrections[s.note.kind] ?? 0) + 1;
      }
      if (s.wrapped) {
        wrapperKeys.add(`${s.muni}:${s.lineTime}`);
        counts.wrappedReports++;
      } else singleLines++;
      spool.add(slab, `${s.lineTime} ${s.family} ${s.seq} ${s.wrapped ? 1 : 0} ${s.muni} ${metaIdx} ${s.bundleId}\t${reportJson(s)}\n`);
    }
    if ((i & 1023) === 0) progress(i, nFam, "simulating");
  }
  progress(nFam, nFam, "simulating");
  const tSimulate = Date.now();
  const totalLines = singleLines + wrapperKeys.size;
  counts.wrappers = wrapperKeys.size;

  // ---- pass 2: each slab in time order: read, sort, wrap, write
  const repFd = openSync(join(out, files.reports), "w");
  const invalid: InvalidEntry[] = [];
  const corrections: CorrectionEntry[] = [];
  let lineNo = 0;
  const slabIds = spool.slabs();
  const record = (spec: MetaRecord, wrapperId?: string, entryIndex?: number) => {
    if (spec.defect)
      invalid.push({
        line: lineNo,
        bundleId: spec.bundleId,
        ...(wrapperId ? { wrapperId, entryIndex } : {}),
        municipality: spec.muni,
        sor: spec.sor,
        timestamp: isoInstant(spec.time),
        kind: spec.defect.kind,
        ruleId: spec.defect.ruleId,
        reason: spec.defect.reason,
        resentAs: spec.resentAs ?? null,
      });
    if (spec.note)
      corrections.push({
        line: lineNo,
        bundleId: spec.bundleId,
        ...(wrapperId ? { wrapperId, entryIndex } : {}),
        municipality: spec.muni,
        timestamp: isoInstant(spec.time),
        kind: spec.note.kind,
        description: spec.note.description,
        resources: spec.note.resources,
        relatesTo: spec.note.relatesTo,
      });
  };
  for (const slab of slabIds) {
    // Work on bytes: the JSON is passed through without decoding or re-encoding.
    const buf = spool.take(slab);
    const lines: Line[] = [];
    const wrapped = new Map<string, Inner[]>();
    let pos = 0;
    while (pos < buf.length) {
      const tab = buf.indexOf(9, pos);
      const nl = buf.indexOf(10, tab);
      const head = buf.toString("latin1", pos, tab).split(" ");
      const json = buf.subarray(tab + 1, nl);
      pos = nl + 1;
      const lineTime = Number(head[0]);
      const family = Number(head[1]);
      const seq = Number(head[2]);
      const muni = head[4]!;
      const metaIdx = Number(head[5]);
      const bundleId = head[6]!;
      if (head[3] === "1") {
        const key = `${muni}:${lineTime}`;
        let list = wrapped.get(key);
        if (!list) wrapped.set(key, (list = []));
        list.push({ family, seq, metaIdx, bundleId, json });
      } else lines.push({ lineTime, wrapper: 0, family, seq, muni, json, metaIdx });
    }
    for (const [key, list] of wrapped) {
      const [muni, lt] = key.split(":") as [string, string];
      const lineTime = Number(lt);
      list.sort((a, b) => a.family - b.family || a.seq - b.seq);
      rngFor(seed, "wrapper-order", key).shuffle(list); // the wrapper is unordered
      const id = uuidFor(seed, "wrapper", key);
      const json = incrementalDeliveryBuffer(id, isoInstant(lineTime), list.map((x) => ({ id: x.bundleId, json: x.json })));
      lines.push({ lineTime, wrapper: 1, family: -1, seq: 0, muni, json, metaIdx: -1, inner: list, wrapperId: id });
    }
    lines.sort(compareLines);
    const parts: Buffer[] = [];
    for (const l of lines) {
      lineNo++;
      parts.push(l.json, NEWLINE);
      counts.bytes += l.json.length + 1;
      counts.lines++;
      if (l.metaIdx >= 0) record(meta[l.metaIdx]!);
      if (l.inner) l.inner.forEach((x, idx) => x.metaIdx >= 0 && record(meta[x.metaIdx]!, l.wrapperId, idx));
    }
    writevAll(repFd, parts);
    progress(lineNo, totalLines, "writing");
    await new Promise<void>((resolve) => setImmediate(resolve)); // let progress output flush
  }
  closeSync(repFd);
  spool.dispose();

  const parameters = { seed, scale, from, to, cutoff: opts.cutoff ?? null };
  const manifest: Manifest = {
    generator: "ldbu-synth",
    formatVersion: 1,
    parameters,
    files,
    ordering:
      "Lines are ordered by Bundle.timestamp (for an incremental-delivery wrapper: the wrapper's timestamp), then single reports before wrappers, then by family serial and report sequence (wrappers by municipality code). Apply reports by their own timestamp; ties keep line order.",
    counts,
    invalid,
    corrections,
    sorCodes: SYNTHETIC_SOR_CODES,
    truth: truth.toJSON(),
    notes: [
      "Every invalid report is a first attempt; resentAs names the corrected resend (null: never resent, the visit's data never arrive).",
      "missing-mandatory first attempts are resent 1-2 days later, with the observation either valued or sent without value and dataAbsentReason 'unknown'.",
      "Corrections: duplicate-delivery = the same bytes twice; duplicate-documentation = a visit documented twice under new ids, later retracted by an entered-in-error report; value-correction = a visit re-sent with the same ids and a corrected weight.",
      "truth: rates computed from the simulation (accepted data), per PRODUCT.md's indicator definitions; municipality = custodian of the child's latest accepted infant report.",
      "Motor function and parent relationship at 8-11 months are sometimes omitted (the published invariants do not enforce them): such reports are valid but should raise the 'intended' warnings.",
    ],
  };
  await new Promise<void>((resolve, reject) => {
    const ms = createWriteStream(join(out, files.manifest), { encoding: "utf8" });
    ms.on("error", reject);
    ms.end(`${JSON.stringify(manifest, null, 1)}\n`, () => resolve());
  });

  const end = Date.now();
  return {
    out,
    files,
    parameters,
    counts,
    truth: truth.national,
    durationMs: end - started,
    timings: { population: tPopulation - started, simulate: tSimulate - tPopulation, write: end - tSimulate },
  };
}
