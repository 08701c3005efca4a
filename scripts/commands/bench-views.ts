/**
 * `npm run ldbu -- bench:views`: server time of the dashboards and the completeness page under concurrent clients
 * (issues 6 and 7), on a copy of the loaded database (the demo's, or DATABASE_URL's), next to the bare SQL query that
 * fetches the same aggregate rows, measured in the same run; and each page's first-load JavaScript (gzip).
 *
 * Pages read precomputed aggregates, whose size depends on periods × indicators × areas, not on the number of
 * children: five cohorts at any scale give the same aggregate tables (the run prints their row counts).
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import { gzipSync } from "node:zlib";
import pg from "pg";
import { createUser } from "@/lib/auth/users";
import { closeDb } from "@/lib/db/client";
import { dropDatabase } from "@/lib/db/drop-database";
import { resolveDatabase } from "@/lib/db/server";
import { percentile } from "@/lib/stats/percentile";
import { startApp } from "../app-server";
import { appProcesses } from "../server/cluster";
import { loginCookie } from "../http-session";
import { parse } from "./args";
import { ensureBuild } from "./app";
import { prepareDatabase } from "./db";
import type { Command } from "./types";

interface Target {
  name: string;
  path: string;
  /** the bare SQL (and its parameters) that fetches the aggregate rows behind it */
  sql?: [string, unknown[]];
}

const RESULT_ROWS = `SELECT * FROM indicator_result WHERE indicator_id = $1 AND period = $2`;

function targets(indicator: string, period: string, year: string, kommune: string): { pages: Target[]; apis: Target[] } {
  const results: [string, unknown[]] = [RESULT_ROWS, [indicator, period]];
  const q = `indikator=${indicator}&periode=${encodeURIComponent(period)}`;
  return {
    pages: [
      { name: "Forside", path: "/" },
      { name: "Kommuneprofil", path: `/kommuner/${kommune}` },
      { name: "Sammenlign", path: `/sammenlign?${q}` },
      { name: "Udvikling", path: `/udvikling?indikator=${indicator}&kommune=${kommune}` },
      { name: "Indikatorer", path: "/indikatorer" },
      { name: "Datakomplethed", path: `/datakomplethed?periode=${year}` },
    ],
    apis: [
      { name: "api/results", path: `/api/results?${q}`, sql: results },
      { name: "api/series", path: `/api/series?indikator=${indicator}&kommune=${kommune}`, sql: [`SELECT * FROM indicator_result WHERE indicator_id = $1`, [indicator]] },
      { name: "api/profile", path: `/api/profile?kommune=${kommune}`, sql: [`SELECT * FROM indicator_result WHERE period = ANY($1::text[])`, [[period, `${year}/${String((Number(year) + 1) % 100).padStart(2, "0")}`]]] },
      { name: "api/datakomplethed", path: `/api/datakomplethed?periode=${year}`, sql: [`SELECT * FROM completeness_result WHERE period = ANY($1::text[])`, [[year, `${year}/${String((Number(year) + 1) % 100).padStart(2, "0")}`]]] },
    ],
  };
}

interface Figures {
  p50: number;
  p95: number;
  /** completed calls per second */
  rate: number;
  /** CPU time of the app processes per call (ms), where the system tells it (Linux), else null */
  cpu?: number | null;
}

/**
 * CPU time (ms) used so far by a process and its children that are still running (the app cluster: its primary and
 * workers), from Linux's /proc; null elsewhere. Steadier than a p95 on a machine whose cores the load generator and
 * PostgreSQL share: it shows what a call costs the app, whatever else the machine is doing.
 */
function treeCpuMs(root: number): number | null {
  if (!fs.existsSync(`/proc/${root}/stat`)) return null;
  const TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux architecture the app runs on
  let ticks = 0;
  for (const pid of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      // fields after the command name: state ppid … utime (12th) stime (13th)
      const f = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      if (Number(pid) === root || Number(f[1]) === root) ticks += Number(f[11]) + Number(f[12]);
    } catch {
      // the process ended meanwhile
    }
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** underLoad, with the app's CPU time per call. */
async function appUnderLoad(app: number, requests: number, clients: number, call: () => Promise<void>): Promise<Figures> {
  const before = treeCpuMs(app);
  const figures = await underLoad(requests, clients, call);
  const after = treeCpuMs(app);
  return { ...figures, cpu: before === null || after === null ? null : (after - before) / requests };
}

/** `requests` calls of `call` spread over `clients` concurrent workers; the latency of each, and the rate. */
async function underLoad(requests: number, clients: number, call: () => Promise<void>): Promise<Figures> {
  const times: number[] = [];
  let left = requests;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (left-- > 0) {
        const t = performance.now();
        await call();
        times.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const sorted = times.sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), rate: sorted.length / seconds };
}

/**
 * The clients: keep-alive connections asking for gzip as browsers do, over plain node:http — the load generator shares
 * the machine's cores with the app and the database, and fetch (undici) costs it about a millisecond per request.
 */
function loadClient(base: string, cookie: string, clients: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const get = (path: string) =>
    new Promise<void>((resolve, reject) => {
      const req = http.get(base + path, { agent, headers: { cookie, "accept-encoding": "gzip" } }, (res) => {
        res.resume();
        res.on("end", () => (res.statusCode === 200 ? resolve() : reject(new Error(`${path}: HTTP ${res.statusCode}`))));
      });
      req.on("error", reject);
    });
  return { get, close: () => agent.destroy() };
}

async function getOk(url: string, cookie: string): Promise<string> {
  const res = await fetch(url, { headers: { Cookie: cookie } });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}`);
  return body;
}

/** gzip size of the JavaScript a page's HTML loads before any interaction (its <script src> chunks). */
async function firstLoadJs(base: string, html: string, cookie: string): Promise<number> {
  const srcs = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+\.js[^"]*)"/g)].map((m) => m[1]))];
  let total = 0;
  for (const src of srcs) total += gzipSync(Buffer.from(await getOk(new URL(src, base).toString(), cookie))).length;
  return total;
}

/**
 * Every process's caches and compiled code warm, as on any running server, before anything is measured: each target
 * gets `calls` calls from all the clients (whose connections the cluster spreads over the processes), in two rounds.
 * V8 keeps optimising the rendering code for hundreds of requests: on the demo data, four rounds of 600 calls to one
 * Kommuneprofil after a start gave p95 313, 214, 252 and 192 ms — a few dozen warm-up calls measured a cold server.
 */
async function warmUp(targets: Target[], calls: number, clients: number, get: (path: string) => Promise<void>) {
  for (let round = 0; round < 2; round++) for (const t of targets) await underLoad(Math.ceil(calls / 2), clients, () => get(t.path));
}

const fmt = (x: number) => x.toFixed(1).padStart(7);

export const benchViewsCmd: Command = {
  summary: "Mål visningernes svartider under samtidige klienter mod den rå SQL (--db, --clients, --requests, --warmup, --role, --kommune, --indikator, --processes)",
  async run(args) {
    const { values } = parse(args, {
      db: { type: "string" }, clients: { type: "string" }, requests: { type: "string" }, warmup: { type: "string" }, role: { type: "string" }, kommune: { type: "string" }, indikator: { type: "string" },
      processes: { type: "string" },
    });
    // as in production (`ldbu start`): one app process per core unless told otherwise
    const processes = appProcesses(values.processes ? { LDBU_APP_PROCESSES: values.processes } : process.env);
    const clients = Number(values.clients ?? 20);
    const requests = Number(values.requests ?? 400);
    const warmupCalls = Number(values.warmup ?? 300);
    if (!Number.isInteger(warmupCalls) || warmupCalls < 0) throw new Error("--warmup skal være et helt tal ≥ 0.");
    const role = (values.role ?? "sundhedsplejerske") as "sundhedsplejerske" | "politiker" | "leder" | "sundk";
    const kommune = values.kommune ?? "751";
    const indicator = values.indikator ?? "LDBU-02";
    ensureBuild();
    const db = await resolveDatabase();
    const source = values.db ?? new URL(db.url).pathname.slice(1);
    const copy = `${source}_bench_views`;
    const admin = new pg.Client({ connectionString: db.serverUrl("postgres") });
    await admin.connect();
    let app: Awaited<ReturnType<typeof startApp>> | null = null;
    let bare: pg.Pool | null = null;
    try {
      // A copy, so the bench's user and audit entries never land in the real database.
      console.log(`[bench:views] kopierer databasen ${source} …`);
      await dropDatabase(admin, copy);
      await admin.query(`CREATE DATABASE "${copy}" TEMPLATE "${source}"`);
      const url = db.serverUrl(copy);
      await prepareDatabase(url); // a database loaded by an earlier version gets this version's migrations, as at start-up
      bare = new pg.Pool({ connectionString: url, max: clients });
      const size = await bare.query(`SELECT (SELECT count(*) FROM indicator_result)::int AS results, (SELECT count(*) FROM completeness_result)::int AS completeness,
        (SELECT max(period) FROM indicator_result WHERE period NOT LIKE '%/%') AS period, (SELECT count(DISTINCT period) FROM indicator_result WHERE period NOT LIKE '%/%')::int AS cohorts,
        (SELECT count(*) FROM observation)::int AS observations`);
      const s = size.rows[0];
      if (!s.period) throw new Error("Databasen har ingen indikatorresultater – kør fx `npm run demo` eller `ldbu ingest` først.");
      console.log(`[bench:views] ${s.cohorts} fødselsårgange, ${s.observations} observationer; aggregater: ${s.results} indikatorrækker, ${s.completeness} datakomplethedsrækker`);

      process.env.DATABASE_URL = url;
      const password = randomBytes(18).toString("base64url");
      const username = `bench-${randomBytes(4).toString("hex")}`;
      await createUser({ username, name: "Benchmark", role, municipalityCode: role === "sundk" ? null : kommune, password });
      await closeDb();
      app = await startApp(url, undefined, { processes });
      const cookie = await loginCookie(app.url, username, password);
      const { pages, apis } = targets(indicator, s.period, s.period, kommune);
      const client = loadClient(app.url, cookie, clients);

      console.log(`[bench:views] opvarmning: ${warmupCalls} kald pr. mål …`);
      await warmUp([...apis, ...pages], warmupCalls, clients, client.get);
      // The app first, the bare queries last: their large results leave this process (the load generator) with garbage
      // whose collection showed up in the p95 of whatever target was measured next.
      const apiFigures: Figures[] = [];
      for (const t of apis) {
        console.log(`[bench:views] ${t.name} …`);
        apiFigures.push(await appUnderLoad(app.child.pid!, requests, clients, () => client.get(t.path)));
      }
      const pageFigures: (Figures & { js: number })[] = [];
      for (const t of pages) {
        console.log(`[bench:views] ${t.name} …`);
        const html = await getOk(app.url + t.path, cookie);
        const page = await appUnderLoad(app.child.pid!, Math.ceil(requests / 2), clients, () => client.get(t.path));
        pageFigures.push({ ...page, js: await firstLoadJs(app.url, html, cookie) });
      }
      const sqlFigures: Figures[] = [];
      for (const t of apis) {
        console.log(`[bench:views] rå SQL for ${t.name} …`);
        const [sql, params] = t.sql!;
        sqlFigures.push(await underLoad(requests, clients, async () => void (await bare!.query(sql, params))));
      }

      console.log(`\n${clients} samtidige klienter, ${requests} kald pr. mål efter ${warmupCalls} til opvarmning, som ${role} (${kommune}), ${processes} appprocesser; tider i ms`);
      const cpu = (f: Figures) => (f.cpu == null ? "      –" : fmt(f.cpu));
      console.log(`${"mål".padEnd(20)}     p50     p95   kald/s  app-CPU/kald | rå SQL p50     p95 | p95-forhold`);
      apis.forEach((t, i) => {
        const [api, q] = [apiFigures[i], sqlFigures[i]];
        console.log(`${t.name.padEnd(20)} ${fmt(api.p50)} ${fmt(api.p95)} ${fmt(api.rate)}       ${cpu(api)}  |    ${fmt(q.p50)} ${fmt(q.p95)} | ${(api.p95 / q.p95).toFixed(1)}×`);
      });
      console.log(`\n${"side".padEnd(20)}     p50     p95   kald/s  app-CPU/kald | første JS (gzip)`);
      pages.forEach((t, i) => {
        const page = pageFigures[i];
        console.log(`${t.name.padEnd(20)} ${fmt(page.p50)} ${fmt(page.p95)} ${fmt(page.rate)}       ${cpu(page)}  | ${(page.js / 1024).toFixed(0).padStart(5)} kB`);
      });
      client.close();
      return 0;
    } finally {
      await app?.stop();
      await bare?.end();
      // pool.end() returns before its connections have closed; one still open when FORCE ends it reports an error
      for (let i = 0; i < 50; i++) {
        const open = await admin.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1`, [copy]).catch(() => ({ rows: [{ n: 0 }] }));
        if (open.rows[0].n === 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      await dropDatabase(admin, copy).catch(() => {});
      await admin.end();
      await db.stop();
    }
  },
};
