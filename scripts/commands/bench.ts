/**
 * `npm run ldbu -- bench`: speed figures on synthetic national-shaped data, each next to a
 * baseline measured in the same run (never a timed unit test).
 *  - validator alone (reports/s);
 *  - batch ingest (reports/s, resources/s) against a fresh database;
 *  - HTTP ingest with 8 concurrent clients against the built app;
 *  - full refresh, and incremental refresh after one more day of deliveries, next to
 *    `SELECT count(*) FROM observation`.
 * Each figure is printed as it is measured, and again together at the end. At scale 1 the batch ingest takes hours;
 * a run stopped during it leaves its database, and `--resume <database>` goes on after the last stored batch.
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import readline from "node:readline";
import pg from "pg";
import { issueGatewayToken } from "@/lib/auth/gateway";
import { closeDb, pool } from "@/lib/db/client";
import { dropDatabase } from "@/lib/db/drop-database";
import { resolveDatabase } from "@/lib/db/server";
import { registerSyntheticOrganisations } from "@/lib/demo/data";
import { benchValidator } from "@/lib/fhir/bench";
import { refreshIndicators } from "@/lib/indicators/refresh";
import { ingestFiles } from "@/lib/ingest/batch";
import { importRegister } from "@/lib/register/import";
import { generate } from "@/lib/synth/generate";
import { startApp } from "../app-server";
import { appProcesses } from "../server/cluster";
import { parse } from "./args";
import { ensureBuild } from "./app";
import { prepareDatabase } from "./db";
import { ensureLocalSecrets } from "./local-secrets";
import type { Command } from "./types";

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

async function firstLines(file: string, n: number): Promise<string[]> {
  const out: string[] = [];
  const rl = readline.createInterface({ input: fs.createReadStream(file, "utf8"), crlfDelay: Infinity });
  for await (const line of rl) {
    if (line.trim()) out.push(line);
    if (out.length >= n) break;
  }
  rl.close();
  return out;
}

/** Reports a day nationally: ~600,000 delivery reports a year at scale 1 (PRODUCT.md "Scale") ÷ 365. */
const REPORTS_PER_DAY_AT_SCALE_1 = 1650;

/**
 * One national day of deliveries from an .ndjson file (lines in timestamp order): the `dayLines` lines just before the
 * 95th-percentile timestamp, an ordinary day late in the data, written to their own file; the rest is ingested from
 * the file itself, leaving out those lines (`range`, 1-based line numbers) — no copy of a file that is ~22 GB at scale 1.
 */
async function splitDay(file: string, dir: string, totalLines: number, dayLines: number): Promise<{ range: [number, number]; oneDay: string; first: string; last: string }> {
  const end = Math.floor(totalLines * 0.95); // 1-based, inclusive
  const start = Math.max(1, end - dayLines + 1);
  const oneDay = path.join(dir, "one-day.ndjson");
  const out = fs.createWriteStream(oneDay);
  const ts = (l: string) => /"timestamp":"([^"]+)"/.exec(l)?.[1] ?? "";
  let line = 0;
  let first = "";
  let last = "";
  for await (const l of readline.createInterface({ input: fs.createReadStream(file, "utf8"), crlfDelay: Infinity })) {
    line++;
    if (line < start) continue;
    if (line > end) break;
    if (line === start) first = ts(l);
    if (line === end) last = ts(l);
    if (!out.write(l + "\n")) await new Promise<void>((r) => out.once("drain", () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
  return { range: [start, end], oneDay, first, last };
}

/**
 * The gateway's 8 connections, each posting one report after the other over keep-alive. Plain node:http rather than
 * fetch: the load generator shares the machine's two cores with the app and the database, and fetch (undici) costs
 * it about a millisecond per request that the app under test would otherwise get.
 */
async function httpIngest(url: string, token: string, lines: string[], clients: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const post = (body: string) =>
    new Promise<number>((resolve, reject) => {
      const req = http.request(`${url}/fhir/Bundle`, {
        method: "POST", agent,
        headers: { "content-type": "application/fhir+json", "accept-encoding": "gzip", authorization: `Bearer ${token}`, "content-length": Buffer.byteLength(body) },
      }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      });
      req.on("error", reject);
      req.end(body);
    });
  const entries = lines.map((l) => (JSON.parse(l) as { entry?: unknown[] }).entry?.length ?? 0);
  let next = 0;
  let resources = 0;
  const statuses = new Map<number, number>();
  const t0 = process.hrtime.bigint();
  try {
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (next < lines.length) {
          const i = next++;
          const status = await post(lines[i]);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if (status === 201) resources += entries[i]; // stored (accepted) reports' resources
        }
      }),
    );
  } finally {
    agent.destroy();
  }
  return { seconds: ms(t0) / 1000, resources, statuses: Object.fromEntries(statuses) };
}

/** A bare scan of the observations (median of three, the first warms the cache): the in-run baseline of the refresh figures. */
export async function countObservations(): Promise<{ n: number; ms: number }> {
  const runs: { n: number; ms: number }[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = process.hrtime.bigint();
    const n = (await pool().query(`SELECT count(*)::int AS n FROM observation`)).rows[0].n;
    runs.push({ n, ms: ms(t0) });
  }
  return runs.sort((a, b) => a.ms - b.ms)[1];
}

export const beside = (seconds: number, c: { n: number; ms: number }) =>
  `= ${((seconds * 1000) / c.ms).toFixed(0)} × SELECT count(*) over ${c.n} observationer (${c.ms.toFixed(0)} ms)`;

/** Issue 5's goals in seconds, for five national birth cohorts (scale 1): a full refresh, and an incremental one after a day. */
export const REFRESH_GOALS = { full: 60, incremental: 2 } as const;

/** The size of a bench's synthetic data: its scale and birth cohorts. */
type DataSize = { scale: number; from: number; to: number };

/** The size the goals are set for: five national birth cohorts. */
const goalSized = (data: DataSize) => data.scale === 1 && data.to - data.from === 4;

/** A refresh time against its goal, judged only on data of the goal's size (null: size unknown, as in bench:refresh). */
export function againstGoal(seconds: number, goal: number, data: DataSize | null): string {
  if (data === null) return `mål ≤ ${goal} s ved skala 1 med fem årgange`;
  if (!goalSized(data)) return `mål ≤ ${goal} s gælder kun skala 1 med fem årgange`;
  return `mål ≤ ${goal} s: ${seconds <= goal ? "nået" : "IKKE nået"}`;
}

/**
 * Where a bench database's batch ingest has got to: the last line of the file stored (every line before it, but the
 * one day, is stored too). Kept beside the data, so that `--resume` can go on with a database whose run was stopped.
 */
const progressFile = (dir: string, dbName: string) => path.join(dir, `${dbName}.progress.json`);
const storedUpTo = (dir: string, dbName: string): number => {
  const line = (JSON.parse(fs.readFileSync(progressFile(dir, dbName), "utf8")) as { line?: unknown }).line;
  if (!Number.isInteger(line)) throw new Error(`${progressFile(dir, dbName)}: ingen linje`);
  return line as number;
};

/** Batch ingest of everything but one day (after line `resumeAfter`), full refresh, that day, incremental refresh. */
async function ingestAndRefresh(
  dir: string,
  reportsFile: string,
  data: DataSize,
  dbName: string,
  resumeAfter: number,
  figure: (k: string, v: string) => void,
) {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8")) as { counts: { lines: number } };
  const split = await splitDay(reportsFile, dir, manifest.counts.lines, Math.round(REPORTS_PER_DAY_AT_SCALE_1 * data.scale));
  const [from, to] = split.range;
  const b = await ingestFiles(pool(), [reportsFile], {
    accept: (sub) => sub.line === undefined || (sub.line > resumeAfter && (sub.line < from || sub.line > to)),
    onStored: (last) => {
      if (last.line !== undefined) fs.writeFileSync(progressFile(dir, dbName), JSON.stringify({ line: last.line }));
    },
  });
  figure(
    resumeAfter ? `batch-indlæsning (fra linje ${resumeAfter + 1})` : "batch-indlæsning",
    `${Math.round(b.reports / b.seconds)} rapporter/s, ${Math.round(b.resources / b.seconds)} ressourcer/s (${b.reports} rapporter på ${b.seconds.toFixed(1)} s inkl. VACUUM (ANALYZE) til sidst; ${b.accepted} gemt, ${b.rejected} afvist)`,
  );

  const c1 = await countObservations();
  const full = await refreshIndicators(pool(), { all: true });
  figure("fuld genberegning", `${full.seconds.toFixed(1)} s ${beside(full.seconds, c1)}; ${againstGoal(full.seconds, REFRESH_GOALS.full, data)}; ${full.cells.length} indikator × periode; datakomplethed ${full.completenessSeconds.toFixed(1)} s (besøgsfakta og besøgsmål samtidig med indikatorerne, dækning efter dem)`);

  const day = await ingestFiles(pool(), [split.oneDay], { quiet: true });
  const c2 = await countObservations();
  const inc = await refreshIndicators(pool(), { quiet: true });
  figure(
    "inkrementel genberegning",
    `${inc.seconds.toFixed(2)} s ${beside(inc.seconds, c2)}; ${againstGoal(inc.seconds, REFRESH_GOALS.incremental, data)}; efter én dags indberetninger (${split.first.slice(0, 10)}–${split.last.slice(0, 10)}: ${day.reports} rapporter), ` +
      `${inc.cells.length} indikator × periode; datakomplethed ${inc.completenessSeconds.toFixed(2)} s (besøgsfakta og besøgsmål samtidig med indikatorerne, dækning efter dem)`,
  );
}

export const benchCmd: Command = {
  summary: "Mål hastighed: validator, batch- og HTTP-indlæsning, fuld og inkrementel genberegning (--scale, --from, --to, --http, --processes, --http-only, --keep, --resume <database>)",
  async run(args) {
    const { values } = parse(args, {
      scale: { type: "string" }, from: { type: "string" }, to: { type: "string" }, seed: { type: "string" }, http: { type: "string" }, keep: { type: "boolean" },
      processes: { type: "string" }, "http-only": { type: "boolean" }, resume: { type: "string" },
    });
    const processes = appProcesses(values.processes ? { LDBU_APP_PROCESSES: values.processes } : process.env);
    const opts = { seed: Number(values.seed ?? 7), scale: Number(values.scale ?? 0.1), from: Number(values.from ?? 2021), to: Number(values.to ?? 2025) };
    const httpReports = Number(values.http ?? 4000);
    ensureLocalSecrets();
    const dir = path.resolve(".data", `bench-${opts.seed}-${opts.scale}-${opts.from}-${opts.to}`);
    if (!fs.existsSync(path.join(dir, "manifest.json"))) {
      console.log(`[bench] genererer syntetiske data (skala ${opts.scale}, ${opts.from}–${opts.to}) …`);
      const t0 = process.hrtime.bigint();
      const s = await generate({ ...opts, out: dir, onProgress: (d, t, l) => process.stderr.write(`\r[generate] ${l} ${d}/${t}   `) });
      console.log(`\n[bench] generering: ${(ms(t0) / 1000).toFixed(1)} s, ${s.counts.lines} linjer, ${(s.counts.bytes / 1e6).toFixed(0)} MB`);
    }
    const reportsFile = path.join(dir, "reports.ndjson");
    const figures: Record<string, string> = {};
    // each figure is printed when measured too: a run stopped later keeps what it measured
    const figure = (k: string, v: string) => {
      figures[k] = v;
      console.log(`[bench] ${k}: ${v}`);
    };
    if (values.resume !== undefined && !/^ldbu_bench_\d+$/.test(values.resume)) throw new Error("--resume: navnet på en database fra bench (ldbu_bench_…)");
    const resumeAfter = values.resume ? storedUpTo(dir, values.resume) : 0;

    // 1. Validator alone.
    const sample = (await firstLines(reportsFile, 3000)).map((l) => JSON.parse(l));
    const v = benchValidator(sample, { minMs: 3000 });
    figure("validator", `${Math.round(v.reportsPerSecond)} rapporter/s (gns. ${v.meanEntries.toFixed(1)} ressourcer pr. rapport)`);

    const server = await resolveDatabase();
    const dbName = values.resume ?? `ldbu_bench_${Date.now()}`;
    const admin = new pg.Client({ connectionString: server.serverUrl("postgres") });
    await admin.connect();
    if (!values.resume) await admin.query(`CREATE DATABASE "${dbName}"`);
    const url = server.serverUrl(dbName);
    process.env.DATABASE_URL = url;
    try {
      await prepareDatabase(url);
      if (!values.resume) {
        await registerSyntheticOrganisations(pool());
        const reg = await importRegister(pool(), "register.csv", fs.readFileSync(path.join(dir, "register.csv"), "utf8"));
        if (!reg.ok) throw new Error("registerudtrækket blev afvist");
      } else console.log(`[bench] fortsætter ${dbName} efter linje ${resumeAfter}`);

      if (!values["http-only"]) await ingestAndRefresh(dir, reportsFile, opts, dbName, resumeAfter, figure);

      // 5. HTTP ingest with 8 concurrent clients against the app cluster (fresh ids: a second database).
      await closeDb();
      const httpDb = `${dbName}_http`;
      await admin.query(`CREATE DATABASE "${httpDb}"`);
      const httpUrl = server.serverUrl(httpDb);
      process.env.DATABASE_URL = httpUrl;
      await prepareDatabase(httpUrl);
      await registerSyntheticOrganisations(pool());
      const token = await issueGatewayToken("bench");
      await closeDb();
      ensureBuild();
      const app = await startApp(httpUrl, undefined, { processes });
      try {
        const lines = await firstLines(reportsFile, httpReports);
        const h = await httpIngest(app.url, token, lines, 8);
        const received = lines.length - (h.statuses[429] ?? 0); // a throttled report was not received
        figure(`HTTP-indlæsning (${processes} appprocesser, 8 klienter)`, `${Math.round(received / h.seconds)} rapporter/s, ${Math.round(h.resources / h.seconds)} ressourcer/s (${lines.length} rapporter på ${h.seconds.toFixed(1)} s; svar ${JSON.stringify(h.statuses)})`);
      } finally {
        await app.stop();
      }
      await dropDatabase(admin, httpDb);
    } finally {
      await closeDb();
      // --keep leaves the refreshed database for profiling (EXPLAIN ANALYZE on national-shaped data).
      if (values.keep) console.log(`[bench] databasen ${dbName} er beholdt`);
      else {
        await dropDatabase(admin, dbName);
        fs.rmSync(progressFile(dir, dbName), { force: true });
      }
      await admin.end();
      await server.stop();
    }
    console.log(`\nLDBU benchmark (skala ${opts.scale}, ${opts.from}–${opts.to}, seed ${opts.seed})`);
    for (const [k, val] of Object.entries(figures)) console.log(`  ${k.padEnd(42)} ${val}`);
  },
};
