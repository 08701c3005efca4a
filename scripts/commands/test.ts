/**
 * `npm test`: unit tests, integration tests against a real PostgreSQL (DATABASE_URL, or the
 * embedded one), and browser tests (Playwright + Debian Chromium) against the built app.
 * Ends with one line "N passed, N failed" summing all three.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import pg from "pg";
import { closeDb, pool } from "@/lib/db/client";
import { dropDatabase } from "@/lib/db/drop-database";
import { resolveDatabase } from "@/lib/db/server";
import { ensureDemoData } from "@/lib/demo/data";
import { ensureDemoUsers } from "@/lib/demo/users";
import { parse } from "./args";
import { ensureBuild } from "./app";
import { prepareDatabase } from "./db";
import { ensureLocalSecrets } from "./local-secrets";
import type { Command } from "./types";

const RESULTS = ".data/test-results";
/** The browser tests run on a smaller synthetic Denmark than the demo (same generator and ingest). */
export const E2E_DATA = { seed: 1, scale: 0.01, from: 2021, to: 2025 };

function run(cmd: string[], env: NodeJS.ProcessEnv): number {
  console.log(`\n$ ${cmd.join(" ")}`);
  return spawnSync(process.execPath, cmd, { stdio: "inherit", env }).status ?? 1;
}

async function recreateDatabase(serverUrl: (db: string) => string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl("postgres") });
  await client.connect();
  try {
    await dropDatabase(client, name);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  return serverUrl(name);
}

function counts(file: string, kind: "vitest" | "playwright"): { passed: number; failed: number } {
  try {
    const r = JSON.parse(fs.readFileSync(file, "utf8"));
    if (kind === "vitest") return { passed: r.numPassedTests ?? 0, failed: (r.numFailedTests ?? 0) + (r.success === false && !r.numFailedTests ? 1 : 0) };
    return { passed: r.stats?.expected ?? 0, failed: (r.stats?.unexpected ?? 0) + (r.stats?.flaky ?? 0) + (r.errors?.length ?? 0) };
  } catch {
    return { passed: 0, failed: 1 };
  }
}

export const testCmd: Command = {
  summary: "Kør alle tests: unit, integration (PostgreSQL) og browser (--only unit|integration|e2e [filer …])",
  async run(args) {
    const { values, positionals } = parse(args, { only: { type: "string" } });
    // Optional test files or name filters, passed on to the runner of the chosen part (with --only).
    const filters = values.only ? positionals : [];
    const want = (s: string) => !values.only || values.only === s;
    fs.rmSync(RESULTS, { recursive: true, force: true });
    fs.mkdirSync(RESULTS, { recursive: true });
    ensureLocalSecrets();
    const vitest = "node_modules/vitest/vitest.mjs";
    const parts: { file: string; kind: "vitest" | "playwright" }[] = [];
    let failed = false;

    if (want("unit")) {
      if (run([vitest, "run", "--project", "unit", "--reporter=default", "--reporter=json", `--outputFile=${RESULTS}/unit.json`, ...filters], process.env) !== 0) failed = true;
      parts.push({ file: `${RESULTS}/unit.json`, kind: "vitest" });
    }
    if (want("integration") || want("e2e")) {
      const db = await resolveDatabase();
      try {
        if (want("integration")) {
          ensureBuild(); // HTTP tests run against the built app
          const url = await recreateDatabase(db.serverUrl, "ldbu_test");
          if (run([vitest, "run", "--project", "integration", "--reporter=default", "--reporter=json", `--outputFile=${RESULTS}/integration.json`, ...filters], { ...process.env, DATABASE_URL: url }) !== 0) failed = true;
          parts.push({ file: `${RESULTS}/integration.json`, kind: "vitest" });
        }
        if (want("e2e")) {
          const url = await recreateDatabase(db.serverUrl, "ldbu_e2e");
          process.env.DATABASE_URL = url;
          await prepareDatabase(url);
          await ensureDemoUsers();
          await ensureDemoData(pool(), E2E_DATA);
          await closeDb();
          ensureBuild();
          if (run(["node_modules/@playwright/test/cli.js", "test", ...filters], { ...process.env, DATABASE_URL: url }) !== 0) failed = true;
          parts.push({ file: `${RESULTS}/e2e.json`, kind: "playwright" });
        }
      } finally {
        await db.stop();
      }
    }
    const total = parts.map((p) => counts(p.file, p.kind)).reduce((a, b) => ({ passed: a.passed + b.passed, failed: a.failed + b.failed }), { passed: 0, failed: 0 });
    if (failed && total.failed === 0) total.failed = 1;
    console.log(`\n${total.passed} passed, ${total.failed} failed`);
    return total.failed ? 1 : 0;
  },
};
