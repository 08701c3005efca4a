/**
 * The HTTP receiver under load and faults, on synthetic reports with overlapping citizens:
 *  - 8 parallel senders, 2,000 reports: every report gets a receipt, the stored data equal a
 *    sequential (undisturbed) run, no duplicates, no errors surfacing to clients;
 *  - the server SIGKILLed while 4 senders post, restarted, unacknowledged reports re-sent:
 *    the stored data equal the undisturbed run;
 *  - PostgreSQL stopped and started during ingest (a dedicated embedded server): clients get
 *    503 with Retry-After, nothing half-stored, and ingest resumes by itself.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueGatewayToken } from "@/lib/auth/gateway";
import { closeDb, pool } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { seedReferenceData } from "@/lib/db/seed";
import { registerSyntheticOrganisations } from "@/lib/demo/data";
import { storeReports } from "@/lib/ingest/store";
import { prepareSubmission } from "@/lib/ingest/submission";
import { generate } from "@/lib/synth/generate";
import { startApp } from "../../scripts/app-server";
import { freshDatabase, withClient, type TestDatabase } from "./helpers/db";
import { TEST_PSEUDONYM_KEY } from "./helpers/app-db";

const N = 2000;
/** The test server; the app client is pointed at each test's database in turn and pointed back here. */
const SERVER_URL = process.env.DATABASE_URL;
const work = fs.mkdtempSync(path.join(os.tmpdir(), "ldbu-robust-"));
const lines: string[] = [];
let reference: string[] = [];
let referenceReceipts = 0;
const dbs: TestDatabase[] = [];

/** The stored data, independent of receipt ids and arrival times. */
async function snapshot(url: string): Promise<string[]> {
  return withClient(url, async (c) => {
    const q = async (sql: string) => (await c.query(sql)).rows.map((r) => JSON.stringify(r));
    return [
      ...(await q(`SELECT pseudonym, birth_date::text, sex FROM citizen ORDER BY pseudonym`)),
      ...(await q(`SELECT resource_id, c.pseudonym, sor_code, active, report_timestamp FROM citizen_record r JOIN citizen c ON c.id = r.citizen_id ORDER BY resource_id`)),
      ...(await q(`SELECT resource_id, active, child_id IS NOT NULL AS has_child, report_timestamp FROM parent_link ORDER BY resource_id`)),
      ...(await q(`SELECT resource_id, c.pseudonym, type_code, class_code, status, start, report_timestamp FROM encounter e JOIN citizen c ON c.id = e.citizen_id ORDER BY resource_id`)),
      ...(await q(`SELECT resource_id, kind, code, status, value_code, value_quantity::text, data_absent_reason, effective_start, effective_end, report_timestamp FROM observation ORDER BY resource_id`)),
      ...(await q(`SELECT resource_id, instrument, status, total_score, item_sum, report_timestamp FROM questionnaire_response ORDER BY resource_id`)),
      ...(await q(`SELECT resource_id, code, status, period_start, period_end, report_timestamp FROM intervention ORDER BY resource_id`)),
      ...(await q(`SELECT c.pseudonym, cc.report_timestamp, cc.sor_code FROM citizen_custodian cc JOIN citizen c ON c.id = cc.citizen_id ORDER BY 1, 2, 3`)),
    ];
  });
}

/** Equal to the undisturbed run; on failure, show what differs rather than two long lists. */
function expectSameData(got: string[]) {
  const extra = got.filter((l) => !reference.includes(l)).slice(0, 5);
  const missing = reference.filter((l) => !got.includes(l)).slice(0, 5);
  expect({ extra, missing }).toEqual({ extra: [], missing: [] });
  expect(got).toEqual(reference);
}

async function receiptCount(url: string): Promise<number> {
  return withClient(url, async (c) => (await c.query(`SELECT count(*)::int AS n FROM receipt`)).rows[0].n);
}

async function prepared(url: string): Promise<TestDatabase | null> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await seedReferenceData(c);
  await c.end();
  process.env.DATABASE_URL = url;
  await registerSyntheticOrganisations(pool());
  return null;
}

async function freshApp() {
  const t = await freshDatabase({ migrated: true });
  dbs.push(t);
  await prepared(t.url);
  const token = await issueGatewayToken("robust");
  await closeDb();
  return { t, token };
}

/** Senders share a queue; each report is re-sent until the server acknowledges it (2xx or 4xx). */
async function send(url: () => string, token: string, queue: string[], clients: number, onAck?: (n: number) => void) {
  let next = 0;
  let acked = 0;
  const statuses: Record<number, number> = {};
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < queue.length) {
        const body = queue[next++];
        for (;;) {
          try {
            const r = await fetch(`${url()}/fhir/Bundle`, { method: "POST", body, headers: { "content-type": "application/fhir+json", authorization: `Bearer ${token}` } });
            await r.arrayBuffer();
            statuses[r.status] = (statuses[r.status] ?? 0) + 1;
            if (r.status === 503) expect(r.headers.get("retry-after")).toBeTruthy();
            if (r.status < 500) break;
          } catch {
            // connection refused while the server is down: retry
          }
          await new Promise((res) => setTimeout(res, 100));
        }
        onAck?.(++acked);
      }
    }),
  );
  return statuses;
}

beforeAll(async () => {
  process.env.LDBU_PSEUDONYM_KEY = TEST_PSEUDONYM_KEY;
  const out = path.join(work, "synth");
  await generate({ seed: 11, scale: 0.004, from: 2024, to: 2024, out });
  const rl = readline.createInterface({ input: fs.createReadStream(path.join(out, "reports.ndjson"), "utf8"), crlfDelay: Infinity });
  for await (const l of rl) if (l.trim() && lines.length < N) lines.push(l);
  expect(lines.length).toBe(N);
  // The undisturbed run: sequential, through the same storage code.
  const ref = await freshDatabase({ migrated: true });
  dbs.push(ref);
  await prepared(ref.url);
  for (let i = 0; i < lines.length; i += 100) await storeReports(pool(), lines.slice(i, i + 100).flatMap((l) => prepareSubmission(l, { channel: "cli" }).reports));
  await closeDb();
  reference = await snapshot(ref.url);
  referenceReceipts = await receiptCount(ref.url); // wrappers hold several reports: one receipt each
  expect(reference.length).toBeGreaterThan(N);
}, 300_000);

afterAll(async () => {
  await closeDb();
  process.env.DATABASE_URL = SERVER_URL;
  await Promise.all(dbs.map((d) => d.drop()));
  fs.rmSync(work, { recursive: true, force: true });
});

describe("receiver robustness", () => {
  it("8 parallel senders: a receipt for every report, the same data as a sequential run, no server errors", async () => {
    const { t, token } = await freshApp();
    const app = await startApp(t.url);
    try {
      const statuses = await send(() => app.url, token, lines, 8);
      expect(Object.keys(statuses).filter((s) => Number(s) >= 500)).toEqual([]);
    } finally {
      await app.stop();
    }
    expect(await receiptCount(t.url)).toBe(referenceReceipts);
    expectSameData(await snapshot(t.url));
  }, 300_000);

  it("SIGKILL of the server mid-ingest, restart, re-send of the unacknowledged → the same data", async () => {
    const { t, token } = await freshApp();
    let app = await startApp(t.url);
    let killed = false;
    const sending = send(() => app.url, token, lines, 4, (n) => {
      if (n === 500 && !killed) {
        killed = true;
        const port = Number(new URL(app.url).port);
        app.child.kill("SIGKILL");
        void startApp(t.url, port).then((a) => (app = a));
      }
    });
    await sending;
    await app.stop();
    expect(killed).toBe(true);
    expectSameData(await snapshot(t.url));
  }, 300_000);

  it("PostgreSQL stopped and started during ingest: 503 with Retry-After, nothing half-stored, resumes", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ldbu-pgstop-"));
    const env: NodeJS.ProcessEnv = { ...process.env, LDBU_DATA_DIR: dataDir };
    delete env.DATABASE_URL;
    const startDb = () =>
      new Promise<{ child: ChildProcess; url: string }>((resolve, reject) => {
        const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/ldbu.ts", "db:start"], { env });
        let out = "";
        child.stdout!.on("data", (b) => {
          out += b;
          const m = out.match(/DATABASE_URL=(\S+)/);
          if (m) resolve({ child, url: m[1] });
        });
        child.on("exit", (c) => reject(new Error(`db:start sluttede (${c}): ${out}`)));
      });
    let db = await startDb();
    const stopDb = () => new Promise<void>((r) => (db.child.once("exit", () => r()), db.child.kill("SIGINT")));
    try {
      await migrate(db.url, () => {});
      await prepared(db.url);
      const token = await issueGatewayToken("robust");
      await closeDb();
      const app = await startApp(db.url);
      const first = lines.slice(0, 600);
      let stopped = false;
      const statuses = await send(() => app.url, token, first, 4, (n) => {
        if (n === 200 && !stopped) {
          stopped = true;
          void stopDb().then(async () => {
            await new Promise((r) => setTimeout(r, 1500));
            db = await startDb(); // same data folder, same port: the app reconnects by itself
          });
        }
      });
      await app.stop();
      expect(statuses[503] ?? 0).toBeGreaterThan(0);
      // Every report has a receipt (an ack lost after COMMIT is re-sent and recorded as a duplicate).
      expect(await receiptCount(db.url)).toBeGreaterThanOrEqual(first.length);
      // Nothing half-stored: every accepted receipt's encounters are there, and nothing without a receipt.
      const orphans = await withClient(db.url, (c) => c.query(`SELECT count(*)::int AS n FROM encounter e WHERE NOT EXISTS (SELECT 1 FROM receipt r WHERE r.id = e.receipt_id)`));
      expect(orphans.rows[0].n).toBe(0);
    } finally {
      await closeDb();
      process.env.DATABASE_URL = SERVER_URL;
      await stopDb().catch(() => {});
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 300_000);
});
