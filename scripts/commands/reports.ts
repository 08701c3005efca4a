import { issueGatewayToken } from "@/lib/auth/gateway";
import { closeDb, pool } from "@/lib/db/client";
import { resolveDatabase } from "@/lib/db/server";
import fs from "node:fs";
import { refreshIndicators } from "@/lib/indicators/refresh";
import { ingestFiles } from "@/lib/ingest/batch";
import { kindOf, listInputs, submissionsIn } from "@/lib/ingest/files";
import { importRegister } from "@/lib/register/import";
import { prepareSubmission } from "@/lib/ingest/submission";
import { parse } from "./args";
import { prepareDatabase } from "./db";
import { ensureLocalSecrets } from "./local-secrets";
import type { Command } from "./types";

export const validateCmd: Command = {
  summary: "Validér indberetninger (.json/.ndjson) uden at gemme: én JSON-linje pr. fil; exit 0/1/2",
  async run(args) {
    if (args.length === 0) {
      console.error("Brug: npm run --silent ldbu -- validate <fil>...");
      return 2;
    }
    let files: string[];
    try {
      files = listInputs(args);
    } catch (e) {
      console.error((e as Error).message);
      return 2;
    }
    let anyInvalid = false;
    let readError = false;
    for (const file of files) {
      try {
        for await (const sub of submissionsIn(file)) {
          const prepared = prepareSubmission(sub.text, { channel: "cli" });
          const valid = prepared.reports.every((r) => r.valid);
          anyInvalid ||= !valid;
          const outcome = prepared.validation?.outcome ?? { resourceType: "OperationOutcome", language: "da", issue: prepared.reports[0].issues };
          console.log(JSON.stringify({ file: sub.line ? `${file}:${sub.line}` : file, valid, outcome }));
        }
      } catch (e) {
        readError = true;
        console.error(`${file}: ${(e as Error).message}`);
      }
    }
    return readError ? 2 : anyInvalid ? 1 : 0;
  },
};

export const ingestCmd: Command = {
  summary: "Indlæs registerudtræk (.csv) og indberetninger (.json, .ndjson, mapper); genberegner derefter de berørte indikatorer",
  async run(args) {
    const { positionals, values } = parse(args, { "no-refresh": { type: "boolean" } });
    if (positionals.length === 0) {
      console.error("Brug: npm run ldbu -- ingest <fil eller mappe>... [--no-refresh]");
      return 2;
    }
    ensureLocalSecrets();
    const files = listInputs(positionals);
    const registers = files.filter((f) => kindOf(f) === "csv");
    const reports = files.filter((f) => kindOf(f) !== "csv");
    const db = await resolveDatabase();
    process.env.DATABASE_URL = db.url;
    try {
      await prepareDatabase(db.url);
      for (const file of registers) {
        const r = await importRegister(pool(), file, fs.readFileSync(file, "utf8"));
        if (!r.ok) {
          console.error(`${file}: afvist – intet er indlæst. ${r.problems.length} fejl:`);
          for (const p of r.problems.slice(0, 50)) console.error(`  linje ${p.line}${p.column ? ` (${p.column})` : ""}: ${p.message}`);
          if (r.problems.length > 50) console.error(`  … og ${r.problems.length - 50} mere`);
          return 1;
        }
        console.log(`${file}: ${r.rows} personer indlæst fra registerudtrækket.`);
      }
      if (reports.length === 0) {
        if (!values["no-refresh"]) await refreshIndicators(pool());
        return 0;
      }
      const s = await ingestFiles(pool(), reports);
      console.log(`Indlæst: ${s.reports} rapporter (${s.accepted} gemt, ${s.duplicate} dubletter, ${s.rejected} afvist), ${s.resources} ressourcer på ${s.seconds.toFixed(1)} s (${Math.round(s.reports / s.seconds)} rapporter/s).`);
      const top = (m: Record<string, number>) => Object.entries(m).sort((a, b) => b[1] - a[1]).map(([k, v]) => `  ${k}: ${v}`).join("\n");
      if (Object.keys(s.errors).length) console.log(`Fejl efter regel:\n${top(s.errors)}`);
      if (Object.keys(s.warnings).length) console.log(`Advarsler efter regel:\n${top(s.warnings)}`);
      if (!values["no-refresh"]) await refreshIndicators(pool());
      return 0;
    } finally {
      await closeDb();
      await db.stop();
    }
  },
};

export const gatewayClientCmd: Command = {
  summary: "Opret eller forny en gateway-klient (--name); adgangstokenet vises én gang",
  async run(args) {
    const { values } = parse(args, { name: { type: "string" } });
    if (!values.name) {
      console.error("Brug: npm run ldbu -- create-gateway-client --name <navn>");
      return 2;
    }
    const db = await resolveDatabase();
    process.env.DATABASE_URL = db.url;
    try {
      await prepareDatabase(db.url);
      console.log(await issueGatewayToken(values.name));
    } finally {
      await closeDb();
      await db.stop();
    }
  },
};

export const refreshCmd: Command = {
  summary: "Genberegn indikatorerne: de berørte perioder siden sidst, eller alle (--all)",
  async run(args) {
    const { values } = parse(args, { all: { type: "boolean" } });
    const db = await resolveDatabase();
    process.env.DATABASE_URL = db.url;
    try {
      await prepareDatabase(db.url);
      const r = await refreshIndicators(pool(), { all: values.all });
      console.log(`Genberegnet ${r.cells.length} indikator × periode på ${r.seconds.toFixed(1)} s.`);
    } finally {
      await closeDb();
      await db.stop();
    }
  },
};
