/**
 * The audit-log search (lib/audit/search.ts) on a real PostgreSQL – filters, Danish days, prefix match with literal
 * wildcards, newest first, paging – and over HTTP against the built app: only SundK may read and export it, the
 * export is itself audited, and the app offers no way to change or delete an entry.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { PAGE_SIZE, searchAudit } from "@/lib/audit/search";
import { createUser } from "@/lib/auth/users";
import { pool } from "@/lib/db/client";
import { startApp, type AppServer } from "../../scripts/app-server";
import { useAppDatabase } from "./helpers/app-db";
import { login } from "./helpers/login";

let database: Awaited<ReturnType<typeof useAppDatabase>>;
let app: AppServer;
const PASSWORD = "test-password-123456";

async function entry(at: string, username: string, action: string, resource: string, municipality: string | null, details: object = {}) {
  await pool().query(`INSERT INTO audit_entry (at, username, role, action, resource, municipality_code, details) VALUES ($1, $2, 'leder', $3, $4, $5, $6)`, [at, username, action, resource, municipality, details]);
}

beforeAll(async () => {
  database = await useAppDatabase();
  await entry("2026-03-01T22:30:00Z", "lene", "view", "fejlliste", "751", { visning: "afviste" }); // 23:30 on 1 March, Danish time
  await entry("2026-03-01T23:30:00Z", "lene", "export", "fejlliste", "751", { rækker: 12 }); // 00:30 on 2 March
  await entry("2026-03-02T10:00:00Z", "peter", "view", "api/results", null);
  await entry("2026-03-02T11:00:00Z", "peter", "view", "apixresults", null);
  await entry("2026-07-15T21:59:59Z", "sara", "export", "csv/sammenlign", "101"); // 23:59:59 summer time
  await entry("2026-07-15T22:00:00Z", "sara", "export", "csv/udvikling", "101"); // 00:00 on 16 July
  for (let i = 0; i < 2 * PAGE_SIZE + 5; i++) await entry(new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(), "bulk", "view", "forside", null, { i });
  await createUser({ username: "signe", name: "Signe SundK", role: "sundk", municipalityCode: null, password: PASSWORD });
  await createUser({ username: "lene", name: "Lene Leder", role: "leder", municipalityCode: "751", password: PASSWORD });
  app = await startApp(database.url);
}, 180_000);
afterAll(async () => {
  await app?.stop();
  await database.close();
});

const users = async (f: Parameters<typeof searchAudit>[0]) => (await searchAudit(f)).rows.map((r) => `${r.username}:${r.resource}`);

describe("searching the audit log", () => {
  it("filters by user, action, municipality and resource prefix (wildcards literal), newest first", async () => {
    expect(await users({ bruger: "lene" })).toEqual(["lene:fejlliste", "lene:fejlliste"]);
    expect(await users({ handling: "export", kommune: "101" })).toEqual(["sara:csv/udvikling", "sara:csv/sammenlign"]);
    expect(await users({ ressource: "csv/" })).toEqual(["sara:csv/udvikling", "sara:csv/sammenlign"]);
    expect(await users({ ressource: "api/" })).toEqual(["peter:api/results"]);
    expect(await users({ ressource: "api_" })).toEqual([]);
    expect(await users({ ressource: "api%" })).toEqual([]);
  });

  it("counts dates as Danish days, both ends inclusive", async () => {
    expect(await users({ fra: "2026-03-02", til: "2026-03-02" })).toEqual(["peter:apixresults", "peter:api/results", "lene:fejlliste"]);
    expect(await users({ til: "2026-03-01", bruger: "lene" })).toEqual(["lene:fejlliste"]);
    expect(await users({ fra: "2026-07-15", til: "2026-07-15" })).toEqual(["sara:csv/sammenlign"]);
    expect(await users({ fra: "2026-07-16" })).toEqual(["sara:csv/udvikling"]);
  });

  it("pages newest first; a page past the end shows the last page", async () => {
    const first = await searchAudit({ bruger: "bulk" });
    expect([first.total, first.pageCount, first.rows.length, first.capped]).toEqual([2 * PAGE_SIZE + 5, 3, PAGE_SIZE, false]);
    expect(first.rows[0].details).toEqual({ i: 2 * PAGE_SIZE + 4 });
    const last = await searchAudit({ bruger: "bulk", side: 99 });
    expect([last.page, last.rows.length, last.rows.at(-1)!.details]).toEqual([3, 5, { i: 0 }]);
  });
});

describe("the audit log over HTTP", () => {
  it("only SundK may read or export it", async () => {
    expect((await fetch(`${app.url}/api/admin/audit/csv`)).status).toBe(401);
    const leder = await login(app.url, "lene", PASSWORD);
    expect((await fetch(`${app.url}/api/admin/audit/csv`, { headers: { cookie: leder } })).status).toBe(403);
    for (const path of ["/admin", "/admin/audit", "/admin/brugere", "/admin/brugere/ny", "/admin/modtagelser"])
      expect((await fetch(`${app.url}${path}`, { headers: { cookie: leder }, redirect: "manual" })).status, path).toBe(403);
    expect((await fetch(`${app.url}/admin/audit`, { redirect: "manual" })).status).toBe(307); // anonymous → login
  });

  it("exports the search as CSV and audits the export; bad parameters give 400 in Danish", async () => {
    const sundk = await login(app.url, "signe", PASSWORD);
    const r = await fetch(`${app.url}/api/admin/audit/csv?bruger=lene&fra=2026-03-01&til=2026-03-31`, { headers: { cookie: sundk } });
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toContain("text/csv");
    const rows = parse((await r.text()).replace(/^\uFEFF/, ""), { delimiter: ";" });
    expect(rows).toEqual([
      ["Tidspunkt", "Bruger", "Rolle", "Handling", "Ressource", "Kommune", "Detaljer"],
      ["2026-03-02 00:30:00", "lene", "leder", "Eksport", "fejlliste", "751", "rækker: 12"],
      ["2026-03-01 23:30:00", "lene", "leder", "Visning", "fejlliste", "751", "visning: afviste"],
    ]);
    const logged = await pool().query(`SELECT action, resource, details FROM audit_entry WHERE username = 'signe' AND resource = 'auditlog'`);
    expect(logged.rows).toEqual([{ action: "export", resource: "auditlog", details: { bruger: "lene", fra: "2026-03-01", til: "2026-03-31", rækker: 2 } }]);
    const bad = await fetch(`${app.url}/api/admin/audit/csv?fra=31-12-2026&slet=1`, { headers: { cookie: sundk } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain("Fra-datoen skal være en dato (ÅÅÅÅ-MM-DD).");
  });

  it("the page shows the search, logs the reading, and offers no way to change or delete an entry", async () => {
    const sundk = await login(app.url, "signe", PASSWORD);
    const page = await fetch(`${app.url}/admin/audit?bruger=peter`, { headers: { cookie: sundk } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("apixresults");
    expect(html).not.toContain("fejlliste</td>");
    const forms = html.match(/<form[^>]*>/g) ?? [];
    expect(forms.length).toBeGreaterThan(0);
    for (const f of forms) expect(f).toMatch(/method="get"/);
    expect(html).not.toMatch(/>(Slet|Ret|Redigér|Rediger)</);
    const viewed = await pool().query(`SELECT details FROM audit_entry WHERE username = 'signe' AND resource = 'auditlog' AND action = 'view'`);
    expect(viewed.rows.at(-1)!.details).toEqual({ bruger: "peter", side: 1 });
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      const r = await fetch(`${app.url}/api/admin/audit/csv`, { method, headers: { cookie: sundk } });
      expect(r.status, method).toBe(405);
    }
    const before = await pool().query(`SELECT count(*)::int AS n FROM audit_entry WHERE username = 'lene' AND action <> 'login'`);
    expect(before.rows[0].n).toBe(2);
  });
});
