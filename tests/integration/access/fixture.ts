/**
 * One built app and one database for the access tests (matrix and fuzz): a small synthetic Denmark loaded through
 * the real ingest (register extract, delivery reports, refresh), the demo users of every role logged in through the
 * real next-auth credentials flow, a deactivated user's cookie and a gateway client's token.
 */
import fs from "node:fs";
import path from "node:path";
import { issueGatewayToken } from "@/lib/auth/gateway";
import { createUser } from "@/lib/auth/users";
import { db, pool } from "@/lib/db/client";
import { registerSyntheticOrganisations, type DemoDataOptions } from "@/lib/demo/data";
import { refreshIndicators } from "@/lib/indicators/refresh";
import { ingestFiles } from "@/lib/ingest/batch";
import { importRegister } from "@/lib/register/import";
import { generate } from "@/lib/synth/generate";
import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/demo/users";
import { startApp, type AppServer } from "../../../scripts/app-server";
import { storeReport } from "../helpers/annual-report";
// aliased: the helper is not a React hook, whatever its name says
import { useAppDatabase as appDatabase } from "../helpers/app-db";
import { loginCookie, type Principal, type PrincipalName } from "./principals";

/** Two birth cohorts at 1 % of Denmark: Aarhus has hundreds of children, the islands a handful (small numbers). */
export const ACCESS_DATA: DemoDataOptions = { seed: 1, scale: 0.01, from: 2024, to: 2025 };

export interface AccessFixture {
  app: AppServer;
  principals: Record<PrincipalName, Principal>;
  close: () => Promise<void>;
}

/** Register extract, delivery reports and refresh through the real ingest; the generated files are cached under .data. */
async function loadSyntheticDenmark(log: (m: string) => void) {
  const out = path.resolve(".data", `synth-${ACCESS_DATA.seed}-${ACCESS_DATA.scale}-${ACCESS_DATA.from}-${ACCESS_DATA.to}`);
  if (!fs.existsSync(path.join(out, "manifest.json"))) await generate({ ...ACCESS_DATA, out });
  await registerSyntheticOrganisations(pool());
  const register = await importRegister(pool(), "register.csv", fs.readFileSync(path.join(out, "register.csv"), "utf8"));
  if (!register.ok) throw new Error(`registerudtrækket blev afvist: ${JSON.stringify(register.problems.slice(0, 3))}`);
  const ingest = await ingestFiles(pool(), [path.join(out, "reports.ndjson")], { quiet: true });
  log(`[access] ${ingest.reports} indberetninger: ${ingest.accepted} gemt, ${ingest.rejected} afvist`);
  // planner statistics for the freshly loaded tables (autovacuum may not have run yet on a new database)
  await pool().query("ANALYZE");
  await refreshIndicators(pool(), { all: true, quiet: true });
}

export async function accessFixture(log: (m: string) => void = () => {}): Promise<AccessFixture> {
  const started = Date.now();
  const database = await appDatabase();
  await loadSyntheticDenmark(log);
  log(`[access] syntetiske data indlæst på ${((Date.now() - started) / 1000).toFixed(0)} s`);
  // a published annual report (the public routes' content) and a correction of it in hearing (the hearing page and
  // its comments); 2025 is left to the workflow's server actions, which the matrix calls for real
  await storeReport(2024, { status: "published" });
  const hearing = await storeReport(2024, { status: "hearing", version: 2, changeNote: "Rettelse sendt i høring." });
  await pool().query(`UPDATE annual_report SET hearing_deadline = now() + interval '30 days' WHERE id = $1`, [hearing.id]);
  for (const u of DEMO_USERS) await createUser({ ...u, password: DEMO_PASSWORD });
  await createUser({ username: "deaktiveret", name: "Dorte Deaktiveret", role: "leder", municipalityCode: "751", password: DEMO_PASSWORD });
  const token = await issueGatewayToken("access-test-gateway");
  const app = await startApp(database.url);
  const cookie = (username: string) => loginCookie(app.url, username, DEMO_PASSWORD);
  const principals: Record<PrincipalName, Principal> = {
    anonymous: { name: "anonymous", headers: {} },
    politiker: { name: "politiker", headers: { cookie: await cookie("politiker") } },
    sundhedsplejerske: { name: "sundhedsplejerske", headers: { cookie: await cookie("sundhedsplejerske") } },
    leder: { name: "leder", headers: { cookie: await cookie("leder") } },
    sundk: { name: "sundk", headers: { cookie: await cookie("sundk") } },
    gateway: { name: "gateway", headers: { authorization: `Bearer ${token}` } },
    deaktiveret: { name: "deaktiveret", headers: { cookie: await cookie("deaktiveret") } },
  };
  // the account is deactivated after it logged in: its still-signed session cookie must open nothing
  await db().user.update({ where: { username: "deaktiveret" }, data: { active: false } });
  log(`[access] app og brugere klar efter ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return {
    app,
    principals,
    close: async () => {
      await app.stop();
      await database.close();
    },
  };
}
