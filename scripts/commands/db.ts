import { execSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { embeddedStatus } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { diffSchemas } from "@/lib/db/schema-diff";
import { seedReferenceData } from "@/lib/db/seed";
import { resolveDatabase } from "@/lib/db/server";
import { untilSignal } from "./process";
import type { Command } from "./types";

/** Apply migrations and the reference data (regions, municipalities). */
export async function prepareDatabase(url: string) {
  await migrate(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await seedReferenceData(client);
  } finally {
    await client.end();
  }
}

export const migrateCmd: Command = {
  summary: "Kør databasemigreringer og indlæs referencedata (regioner, kommuner)",
  async run() {
    const db = await resolveDatabase();
    try {
      await prepareDatabase(db.url);
      console.log("[migrate] databasen er opdateret");
    } finally {
      await db.stop();
    }
  },
};

export const dbStart: Command = {
  summary: "Start den indlejrede PostgreSQL og hold den kørende (Ctrl-C stopper)",
  async run() {
    const db = await resolveDatabase();
    console.log(`DATABASE_URL=${db.url}`);
    await untilSignal();
    await db.stop();
  },
};

export const dbStatus: Command = {
  summary: "Vis om den indlejrede PostgreSQL kører",
  async run() {
    const s = embeddedStatus();
    console.log(s.running ? `Indlejret PostgreSQL kører på port ${s.port}.` : "Indlejret PostgreSQL kører ikke.");
  },
};

export const migrationNew: Command = {
  summary: "Skriv en ny migration ud fra ændringer i prisma/schema.prisma siden sidste commit",
  async run([name]) {
    if (!name || !/^[a-z0-9_]+$/.test(name)) {
      console.error("Brug: npm run ldbu -- migration:new <navn_med_små_bogstaver>");
      return 2;
    }
    const before = execSync("git show HEAD:prisma/schema.prisma", { encoding: "utf8" });
    const after = fs.readFileSync("prisma/schema.prisma", "utf8");
    const db = await resolveDatabase();
    try {
      const sql = diffSchemas(before, after, db.url);
      if (!sql) {
        console.log("Ingen ændringer i skemaet.");
        return 0;
      }
      const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
      const dir = path.join("prisma/migrations", `${stamp}_${name}`);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, "migration.sql"), sql);
      console.log(`Skrev ${dir}/migration.sql`);
    } finally {
      await db.stop();
    }
  },
};
