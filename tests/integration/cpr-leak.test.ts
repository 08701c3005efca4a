/**
 * CPR never stored, logged or returned: a small synthetic Denmark (one birth year at scale 0.002) goes through the real CLI ingest (register extract,
 * reports with the generator's defects – among them CPR numbers sent with a hyphen – and the refresh), more reports
 * through the HTTP receiver, and the pages and exports that show record-level data are fetched as SundK. Then every
 * table of the database (each row as text), the CLI's and the app server's output and every HTTP answer are searched
 * for each CPR number of the input (with and without hyphen) and for any CPR-shaped string naming a real date.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueGatewayToken } from "@/lib/auth/gateway";
import { createUser } from "@/lib/auth/users";
import { pool } from "@/lib/db/client";
import { registerSyntheticOrganisations } from "@/lib/demo/data";
import { generate } from "@/lib/synth/generate";
import { startApp, type AppServer } from "../../scripts/app-server";
import { TEST_PSEUDONYM_KEY, useAppDatabase } from "./helpers/app-db";
import { login } from "./helpers/login";

const out = fs.mkdtempSync(path.join(os.tmpdir(), "ldbu-cpr-leak-"));
let database: Awaited<ReturnType<typeof useAppDatabase>>;
let app: AppServer | undefined;
const outputs: { source: string; text: string }[] = [];

/** Runs the real command line (npm run ldbu -- …) against the test database and keeps all it prints. */
function cli(args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/ldbu.ts", ...args], {
      env: { ...process.env, DATABASE_URL: database.url, LDBU_PSEUDONYM_KEY: TEST_PSEUDONYM_KEY, LDBU_MODE: "demo" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let text = "";
    child.stdout.on("data", (b) => (text += b));
    child.stderr.on("data", (b) => (text += b));
    child.on("exit", (code) => {
      outputs.push({ source: `ldbu ${args[0]}`, text });
      resolve(code ?? 1);
    });
  });
}

/** Every CPR-shaped string (DDMMYY, optional hyphen, four digits, not inside a longer word or number). */
const CPR_SHAPED = /(?<![0-9A-Za-z])(\d{6})-?(\d{4})(?![0-9A-Za-z])/g;
/** DDMMYY names a real calendar date (in the 1900s or 2000s: the CPR's seventh digit would pick the century). */
function namesDate(ddmmyy: string): boolean {
  const [d, m, yy] = [0, 2, 4].map((i) => Number(ddmmyy.slice(i, i + 2)));
  return [1900, 2000].some((c) => {
    const date = new Date(Date.UTC(c + yy, m - 1, d));
    return date.getUTCDate() === d && date.getUTCMonth() === m - 1;
  });
}

/** Input CPR numbers anywhere in the text, also inside longer digit runs or words: every 10- and 11-character window of every run of digits and hyphens. */
function inputCprsIn(text: string, cprs: Set<string>): string[] {
  const hits: string[] = [];
  for (const m of text.matchAll(/[0-9-]{10,}/g))
    for (let i = 0; i + 10 <= m[0].length; i++) for (const len of [10, 11]) if (cprs.has(m[0].slice(i, i + len))) hits.push(m[0].slice(i, i + len));
  return hits;
}

function inputCprs(): Set<string> {
  const cprs = new Set<string>();
  for (const line of fs.readFileSync(path.join(out, "register.csv"), "utf8").split("\n").slice(1)) if (line) cprs.add(line.split(";")[0]);
  // every identifier value of every Patient in every report (also the malformed ones the receiver rejects)
  const text = fs.readFileSync(path.join(out, "reports.ndjson"), "utf8");
  for (const m of text.matchAll(/"system":"urn:oid:1\.2\.208\.176\.1\.2","value":"([^"]+)"/g)) cprs.add(m[1]);
  return new Set([...cprs].flatMap((c) => {
    const digits = c.replace("-", "");
    return [digits, `${digits.slice(0, 6)}-${digits.slice(6)}`];
  }));
}

beforeAll(async () => {
  database = await useAppDatabase();
  await generate({ seed: 7, scale: 0.002, from: 2025, to: 2025, out }); // ≈ 1,100 reports, 350 children, 15 defective
  await registerSyntheticOrganisations(pool());
  expect(await cli(["ingest", path.join(out, "register.csv"), path.join(out, "reports.ndjson")])).toBe(0);

  await createUser({ username: "signe", name: "Signe SundK", role: "sundk", municipalityCode: null, password: "test-password-123456" });
  const token = await issueGatewayToken("fk-gateway");
  app = await startApp(database.url);
  const cookie = await login(app.url, "signe", "test-password-123456");
  const lines = fs.readFileSync(path.join(out, "reports.ndjson"), "utf8").split("\n").filter(Boolean);
  // the receiver: the first reports again (duplicates), and every report the generator made defective (rejections)
  const manifest = JSON.parse(fs.readFileSync(path.join(out, "manifest.json"), "utf8")) as { invalid: { bundleId: string }[] };
  const invalid = new Set(manifest.invalid.map((i) => i.bundleId));
  const send = [...lines.slice(0, 20), ...lines.filter((l) => invalid.has(JSON.parse(l).id))];
  for (const body of send) {
    const r = await fetch(`${app.url}/fhir/Bundle`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/fhir+json" }, body });
    outputs.push({ source: `POST /fhir/Bundle → ${r.status}`, text: await r.text() });
  }
  const kommune = (await pool().query(`SELECT municipality_code FROM receipt WHERE outcome = 'rejected' AND municipality_code IS NOT NULL LIMIT 1`)).rows[0].municipality_code;
  for (const p of [
    `/fejlliste?kommune=${kommune}`, `/fejlliste?kommune=${kommune}&visning=mangler`, `/api/fejlliste?kommune=${kommune}`, `/api/fejlliste/csv?kommune=${kommune}`,
    `/api/fejlliste/csv?kommune=${kommune}&visning=mangler`, `/api/fejlliste/csv?kommune=${kommune}&visning=sene`, `/admin/modtagelser?resultat=rejected`,
    `/admin/audit`, `/api/admin/audit/csv`, `/datakomplethed`,
  ]) {
    const r = await fetch(`${app.url}${p}`, { headers: { cookie } });
    expect(r.status, p).toBe(200);
    outputs.push({ source: `GET ${p}`, text: await r.text() });
  }
}, 900_000);
afterAll(async () => {
  await app?.stop();
  if (app) outputs.push({ source: "next start", text: app.log() });
  await database.close();
  fs.rmSync(out, { recursive: true, force: true });
});

describe("no CPR number anywhere", () => {
  it("the input had CPR numbers, and reports were accepted and rejected (with CPR problems among them)", async () => {
    expect(inputCprs().size).toBeGreaterThan(600); // each with and without hyphen
    const r = await pool().query(`SELECT outcome, count(*)::int AS n FROM receipt GROUP BY outcome`);
    const n = Object.fromEntries(r.rows.map((x) => [x.outcome, x.n]));
    expect(n.accepted).toBeGreaterThan(500);
    expect(n.rejected).toBeGreaterThan(5);
    expect((await pool().query(`SELECT count(*)::int AS n FROM receipt WHERE issues::text LIKE '%"cpr"%'`)).rows[0].n).toBeGreaterThan(0);
  });

  it("the database dump, the logs and the answers hold neither an input CPR nor any CPR-shaped date", async () => {
    const tables = (await pool().query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`)).rows.map((r) => r.table_name as string);
    expect(tables).toContain("citizen");
    const corpus = [...outputs];
    for (const t of tables) {
      // every row as PostgreSQL's own text form of the row: what a dump (COPY … TO) would write
      const rows = (await pool().query<{ r: string }>(`SELECT x::text AS r FROM "${t}" x`)).rows;
      corpus.push({ source: `table ${t}`, text: rows.map((x) => x.r).join("\n") });
    }
    expect(corpus.filter((c) => c.source.startsWith("ldbu ingest"))[0].text).toMatch(/rapporter/);
    const cprs = inputCprs();
    const found: string[] = [];
    for (const { source, text } of corpus) {
      for (const m of text.matchAll(CPR_SHAPED)) {
        const s = m[0];
        if (namesDate(m[1])) found.push(`${source}: CPR-shaped ${s} …${text.slice(Math.max(0, m.index! - 40), m.index! + 50)}…`);
      }
      for (const cpr of inputCprsIn(text, cprs)) found.push(`${source}: input CPR ${cpr}`);
    }
    expect(found.slice(0, 20)).toEqual([]);
    expect(corpus.reduce((n, c) => n + c.text.length, 0)).toBeGreaterThan(500_000);
  });
});
