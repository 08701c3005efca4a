/**
 * The open data API /api/v1 against the built app, on a small synthetic Denmark loaded through the real ingest, with
 * a published report for 2024 in two versions (v1 superseded, v2 a correction) and a draft for 2025.
 *
 * Conformance: the served OpenAPI document is a valid OpenAPI 3.1 document, it names exactly the routes under
 * app/api/v1, and every path in it is called with valid and invalid parameters; every real response (status,
 * content type, headers, JSON body, CSV rows) is validated against the document's schemas. Privacy: no anonymous
 * response, JSON or CSV, holds a count of 1–4. Plus caching, versions, CORS, login and audit.
 */
import fs from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { parse as parseCsv } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OPENAPI_DOCUMENT } from "@/lib/api/v1/openapi";
import { pool } from "@/lib/db/client";
import { ensureDemoData } from "@/lib/demo/data";
import { DEMO_PASSWORD, DEMO_USERS, ensureDemoUsers } from "@/lib/demo/users";
import { INDICATORS } from "@/lib/indicators/catalog";
import { storeReport } from "./helpers/annual-report";
import { useAppDatabase } from "./helpers/app-db";
import { startApp, type AppServer } from "../../scripts/app-server";

type Json = Record<string, unknown>;
type Doc = typeof OPENAPI_DOCUMENT & Json;

let db: Awaited<ReturnType<typeof useAppDatabase>>;
let app: AppServer;
let doc: Doc;
let sundkCookie: string;
const BASE = "/api/v1";
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);

/** log in through next-auth's credentials flow, as the login form does; returns the session cookie */
async function login(username: string): Promise<string> {
  const csrf = await fetch(`${app.url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const res = await fetch(`${app.url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, username, password: DEMO_PASSWORD, json: "true" }),
  });
  const session = res.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`login som ${username} mislykkedes (${res.status})`);
  return session;
}

const get = (pathAndQuery: string, headers: Record<string, string> = {}) => fetch(`${app.url}${BASE}${pathAndQuery}`, { headers });

beforeAll(async () => {
  db = await useAppDatabase();
  // default data folder: the generated files are reused by later runs
  await ensureDemoData(pool(), { seed: 5, scale: 0.01, from: 2024, to: 2024 });
  await ensureDemoUsers();
  await storeReport(2024, { status: "superseded", version: 1 });
  // a correction: new figures for LDBU-02 go into version 2 only
  await pool().query(`UPDATE indicator_result SET numerator = numerator + 7 WHERE indicator_id = 'LDBU-02' AND period = '2024'`);
  await storeReport(2024, {
    version: 2,
    changeNote: "Rettet tæller for LDBU-02.",
    summary: "Årets resultater i korte træk.",
    comments: [
      { indicatorId: "LDBU-01", municipalityCode: null, text: "SundK: vægttabet er uændret." },
      { indicatorId: "LDBU-01", municipalityCode: "751", text: "Aarhus: vi har styrket opfølgningen." },
    ],
  });
  await storeReport(2025, { status: "draft" });
  app = await startApp(db.url);
  doc = (await (await get("/openapi.json")).json()) as Doc;
  ajv.addSchema({ $id: "openapi.json", components: doc.components });
  sundkCookie = await login("sundk");
}, 1_800_000);
afterAll(async () => {
  await app?.stop();
  await db?.close();
});

// ---- the document and its schemas ----

function resolve<T = Json>(node: Json): T {
  const r = node.$ref as string | undefined;
  if (!r) return node as T;
  return resolve<T>(r.slice(2).split("/").reduce<Json>((o, k) => o[k] as Json, doc as unknown as Json));
}

function validator(schema: Json) {
  const r = schema.$ref as string | undefined;
  const v = r ? ajv.getSchema(`openapi.json${r}`) : ajv.compile(schema);
  if (!v) throw new Error(`skema ${r} findes ikke`);
  return v;
}

function expectValid(schema: Json, value: unknown, what: string) {
  const v = validator(schema);
  const ok = v(value);
  expect(ok ? [] : v.errors!.slice(0, 5).map((e) => `${what}${e.instancePath} ${e.message}`)).toEqual([]);
}

/** The response the document gives for an operation and status, or a test failure. */
function documented(pathTemplate: string, status: number): Json {
  const responses = (doc.paths as Record<string, { get: { responses: Record<string, Json> } }>)[pathTemplate].get.responses;
  const r = responses[String(status)];
  expect(r, `${pathTemplate} dokumenterer ikke status ${status}`).toBeDefined();
  return resolve(r);
}

const CSV_ROW_SCHEMA = () => resolve<{ properties: Record<string, { type?: string | string[]; enum?: unknown[] }> }>({ $ref: "#/components/schemas/ResultCsvRow" });

/** A CSV cell read with the type its column has in the schema (empty = null). */
function typedCsvCell(column: string, text: string): unknown {
  const spec = CSV_ROW_SCHEMA().properties[column];
  const types = [spec.type ?? []].flat();
  if (text === "") return types.includes("null") || spec.enum?.includes(null) ? null : "";
  if (types.includes("boolean")) return text === "true" ? true : text === "false" ? false : text;
  if (types.includes("integer") || types.includes("number")) return Number(text);
  return text;
}

function csvRows(body: string): { header: string[]; rows: Json[] } {
  const lines = parseCsv(body, { delimiter: "," }) as string[][];
  const [header, ...rest] = lines;
  return { header, rows: rest.map((cells) => Object.fromEntries(header.map((h, i) => [h, typedCsvCell(h, cells[i])]))) };
}

/** Validate a real response against the document: status, content type, headers and body. Returns the body. */
async function conform(pathTemplate: string, res: Response): Promise<unknown> {
  const spec = documented(pathTemplate, res.status);
  for (const h of Object.keys((spec.headers as Json) ?? {})) expect(res.headers.get(h), `${pathTemplate} ${res.status}: header ${h}`).not.toBeNull();
  if (res.status === 304) {
    expect(await res.text()).toBe("");
    return null;
  }
  const type = (res.headers.get("content-type") ?? "").split(";")[0];
  const content = spec.content as Record<string, Json>;
  expect(Object.keys(content), `${pathTemplate} ${res.status}: content type ${type}`).toContain(type);
  const text = await res.text();
  if (type === "text/csv") {
    const { header, rows } = csvRows(text);
    expect(header).toEqual(Object.keys(CSV_ROW_SCHEMA().properties));
    rows.forEach((row, i) => expectValid(content[type]["x-csv-row"] as Json, row, `${pathTemplate} CSV-linje ${i + 2}`));
    return rows;
  }
  const body = JSON.parse(text);
  expectValid(content[type].schema as Json, body, `${pathTemplate} ${res.status}`);
  return body;
}

// ---- every path: valid and invalid calls ----

interface Case {
  url: string;
  status: number;
  headers?: Record<string, string>;
}

/** Calls per documented path. A path in the document without cases here fails the walk. */
const CASES: Record<string, Case[]> = {
  "/openapi.json": [{ url: "/openapi.json", status: 200 }],
  "/indikatorer": [
    { url: "/indikatorer", status: 200 },
    { url: "/indikatorer?sprog=en", status: 400 },
  ],
  "/indikatorer/{id}": [
    { url: "/indikatorer/LDBU-01", status: 200 },
    { url: "/indikatorer/LDBU-10", status: 200 },
    { url: "/indikatorer/LDBU-99", status: 404 },
    { url: "/indikatorer/ldbu1", status: 400 },
    { url: "/indikatorer/LDBU-01?x=1", status: 400 },
  ],
  "/omraader": [
    { url: "/omraader", status: 200 },
    { url: "/omraader?niveau=region", status: 400 },
  ],
  "/aarsrapporter": [
    { url: "/aarsrapporter", status: 200 },
    { url: "/aarsrapporter?year=2024", status: 400 },
  ],
  "/aarsrapporter/{year}": [
    { url: "/aarsrapporter/2024", status: 200 },
    { url: "/aarsrapporter/2024?version=1", status: 200 },
    { url: "/aarsrapporter/2024?version=3", status: 404 },
    { url: "/aarsrapporter/2025", status: 404 },
    { url: "/aarsrapporter/24", status: 400 },
    { url: "/aarsrapporter/2024?version=nyeste", status: 400 },
  ],
  "/resultater": [
    { url: "/resultater?indicator=LDBU-01", status: 200 },
    { url: "/resultater?indicator=LDBU-01&period=2024&level=municipality&breakdown=koen", status: 200 },
    { url: "/resultater?indicator=LDBU-02&period=2024&version=1&level=nation", status: 200 },
    { url: "/resultater?indicator=LDBU-10&period=2024/25&area=1084", status: 200 },
    { url: "/resultater?indicator=LDBU-05&area=751&breakdown=mor_uddannelse&format=csv", status: 200 },
    { url: "/resultater?indicator=LDBU-06&level=region", status: 200, headers: { accept: "text/csv" } },
    { url: "/resultater", status: 400 },
    { url: "/resultater?indicator=LDBU-01&period=2024-25", status: 400 },
    { url: "/resultater?indicator=LDBU-01&level=kommune", status: 400 },
    { url: "/resultater?indicator=LDBU-01&version=2", status: 400 },
    { url: "/resultater?indicator=LDBU-01&breakdown=koen:x", status: 400 },
    { url: "/resultater?indicator=LDBU-01&format=xlsx", status: 400 },
    { url: "/resultater?indicator=LDBU-01&indicator=LDBU-02", status: 400 },
    { url: "/resultater?indicator=LDBU-01&level=region&area=751", status: 400 },
    { url: "/resultater?indicator=LDBU-99", status: 404 },
    { url: "/resultater?indicator=LDBU-10&period=2024", status: 404 },
    { url: "/resultater?indicator=LDBU-01&period=2025", status: 404 },
    { url: "/resultater?indicator=LDBU-01&period=2024&version=9", status: 404 },
    { url: "/resultater?indicator=LDBU-01&area=999", status: 404 },
  ],
};

/** app/api/v1/a/[b]/route.ts → /a/{b} */
function routePaths(dir = "app/api/v1", prefix = ""): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isFile()) return e.name === "route.ts" ? [prefix || "/"] : [];
    return routePaths(path.join(dir, e.name), `${prefix}/${e.name.replace(/^\[(.+)\]$/, "{$1}")}`);
  });
}

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document, served as the module defines it", async () => {
    const result = await new Validator().validate(structuredClone(doc) as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe("3.1.0");
    expect(JSON.parse(JSON.stringify(OPENAPI_DOCUMENT))).toEqual(doc);
  });

  it("names exactly the routes under app/api/v1, and the walk below covers every path", () => {
    expect(Object.keys(doc.paths).sort()).toEqual(routePaths().sort());
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(doc.paths).sort());
    for (const [p, cases] of Object.entries(CASES)) {
      expect(cases.some((c) => c.status === 200), `${p}: gyldigt kald`).toBe(true);
      expect(cases.some((c) => c.status === 400) || p === "/openapi.json", `${p}: ugyldigt kald`).toBe(true);
    }
  });
});

describe("every path, called with valid and invalid parameters", () => {
  for (const [pathTemplate, cases] of Object.entries(CASES))
    it(`${pathTemplate} conforms to the document`, async () => {
      const audited = async () => (await pool().query(`SELECT count(*)::int AS n FROM audit_entry`)).rows[0].n as number;
      for (const c of cases) {
        const before = c.status >= 400 ? await audited() : 0;
        const res = await get(c.url, c.headers);
        expect(res.status, c.url).toBe(c.status);
        const body = await conform(pathTemplate, res);
        expect(res.headers.get("access-control-allow-origin"), c.url).toBe("*");
        if (c.status >= 400) {
          const problem = body as { title: string; detail: string; status: number };
          expect(problem.status).toBe(c.status);
          expect(problem.detail).toMatch(/[a-zæøå]/i);
          expect(problem.detail).not.toMatch(/SELECT|Error|undefined|\n\s+at /);
          expect(await audited(), `${c.url}: et afvist kald ændrer intet`).toBe(before);
        }
      }
    });
});

// ---- privacy ----

const isSmall = (n: unknown) => typeof n === "number" && n >= 1 && n <= 4;
const smallCounts = (rows: Json[]) => rows.filter((r) => isSmall(r.numerator) || isSmall(r.denominator) || isSmall(r.uoplyst));

describe("small numbers", () => {
  it("never reach an anonymous caller, in JSON or CSV, for any indicator, level or breakdown", async () => {
    let cells = 0;
    let suppressed = 0;
    for (const d of INDICATORS)
      for (const breakdown of ["all", "koen", "mor_uddannelse", "foerstegang"])
        for (const version of ["1", "2"]) {
          const period = d.periodKind === "birth-cohort" ? "2024" : "2024/25";
          const q = `/resultater?indicator=${d.id}&period=${encodeURIComponent(period)}&breakdown=${breakdown}&version=${version}`;
          const json = (await conform("/resultater", await get(q))) as { results: Json[]; smallNumbersSuppressed: boolean };
          expect(json.smallNumbersSuppressed).toBe(true);
          expect(smallCounts(json.results), q).toEqual([]);
          const csv = (await conform("/resultater", await get(`${q}&format=csv`))) as Json[];
          expect(csv.length).toBe(json.results.length);
          expect(smallCounts(csv), `${q} (CSV)`).toEqual([]);
          cells += json.results.length;
          suppressed += json.results.filter((r) => r.suppressed).length;
        }
    // the check is not empty: the data hold small numbers, and they were suppressed
    const raw = await pool().query(`SELECT count(*)::int AS n FROM indicator_result WHERE period IN ('2024', '2024/25') AND (numerator BETWEEN 1 AND 4 OR denominator BETWEEN 1 AND 4)`);
    expect(raw.rows[0].n).toBeGreaterThan(0);
    expect(suppressed).toBeGreaterThan(0);
    expect(cells).toBeGreaterThan(suppressed);
  }, 600_000);

  it("are shown to SundK, privately and audited; municipal users see the public figures", async () => {
    const q = "/resultater?indicator=LDBU-01&period=2024&level=municipality";
    const anonymous = await get(q);
    const res = await get(q, { cookie: sundkCookie });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-cache");
    expect(res.headers.get("etag")).not.toBe(anonymous.headers.get("etag"));
    const body = (await conform("/resultater", res)) as { results: Json[]; smallNumbersSuppressed: boolean };
    expect(body.smallNumbersSuppressed).toBe(false);
    expect(body.results.filter((r) => r.suppressed)).toEqual([]);
    expect(smallCounts(body.results).length).toBeGreaterThan(0);
    const audit = await pool().query(`SELECT action, resource, username FROM audit_entry WHERE username = 'sundk' AND resource = 'api/v1/resultater'`);
    expect(audit.rows).toContainEqual({ action: "view", resource: "api/v1/resultater", username: "sundk" });

    const leder = DEMO_USERS.find((u) => u.role === "leder")!;
    const asLeder = await get(q, { cookie: await login(leder.username) });
    expect(asLeder.headers.get("etag")).toBe(anonymous.headers.get("etag"));
    expect(smallCounts(((await asLeder.json()) as { results: Json[] }).results)).toEqual([]);
  });
});

// ---- versions, caching, CORS ----

describe("published versions and caching", () => {
  const nation = async (query: string) => {
    const body = (await (await get(`/resultater?indicator=LDBU-02&level=nation${query}`)).json()) as { report: { id: string }; results: Json[] };
    return { report: body.report.id, numerator: body.results[0].numerator as number };
  };

  it("serves the current version by default and every earlier version on request, frozen", async () => {
    const current = await nation("");
    const v1 = await nation("&period=2024&version=1");
    expect(current.report).toBe("2024-v2");
    expect(v1.report).toBe("2024-v1");
    expect(current.numerator - v1.numerator).toBe(7);
    // new live figures do not reach the published ones
    await pool().query(`UPDATE indicator_result SET numerator = numerator + 100 WHERE indicator_id = 'LDBU-02' AND period = '2024'`);
    expect(await nation("")).toEqual(current);

    const list = (await conform("/aarsrapporter", await get("/aarsrapporter"))) as { reports: Json[] };
    expect(list.reports.map((r) => [r.id, r.status, r.current, r.changeNote])).toEqual([
      ["2024-v2", "published", true, "Rettet tæller for LDBU-02."],
      ["2024-v1", "superseded", false, null],
    ]);
  });

  it("gives the report with its summary and comments, authors left out", async () => {
    const report = (await conform("/aarsrapporter/{year}", await get("/aarsrapporter/2024"))) as { report: Json; summary: string; indicators: Json[] };
    expect(report.report.id).toBe("2024-v2");
    expect(report.summary).toBe("Årets resultater i korte træk.");
    const ldbu01 = report.indicators.find((i) => i.id === "LDBU-01")!;
    expect(ldbu01.commentary).toBe("SundK: vægttabet er uændret.");
    expect(ldbu01.municipalityComments).toEqual([{ municipalityCode: "751", municipalityName: "Aarhus", text: "Aarhus: vi har styrket opfølgningen." }]);
    expect(JSON.stringify(report)).not.toMatch(/"author|"user|"sundk"/i);
    expect(report.indicators.find((i) => i.id === "LDBU-10")?.period).toBe("2024/25");
  });

  it("caches pinned versions for a year and current ones briefly, with strong ETags and 304", async () => {
    const pinned = await get("/resultater?indicator=LDBU-01&period=2024&version=2");
    expect(pinned.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(pinned.headers.get("vary")?.split(/,\s*/)).toEqual(expect.arrayContaining(["Accept", "Cookie"]));
    const etag = pinned.headers.get("etag")!;
    expect(etag).toMatch(/^"[^"]+"$/);
    const again = await get("/resultater?indicator=LDBU-01&period=2024&version=2", { "if-none-match": etag });
    expect(again.status).toBe(304);
    await conform("/resultater", again);
    expect(again.headers.get("etag")).toBe(etag);

    const current = await get("/resultater?indicator=LDBU-01");
    expect(current.headers.get("cache-control")).toBe("public, max-age=300");
    expect(current.headers.get("etag")).not.toBe(etag);
    expect((await get("/resultater?indicator=LDBU-01&format=csv")).headers.get("etag")).not.toBe(current.headers.get("etag"));
    const catalog = await get("/indikatorer");
    expect((await get("/indikatorer", { "if-none-match": catalog.headers.get("etag")! })).status).toBe(304);
    expect((await get("/aarsrapporter/2024?version=1")).headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });

  it("answers CORS preflights for GET from anywhere, and nothing else", async () => {
    const res = await fetch(`${app.url}${BASE}/resultater?indicator=LDBU-01`, { method: "OPTIONS", headers: { origin: "https://example.org", "access-control-request-method": "GET", "access-control-request-headers": "if-none-match" } });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-methods")).toBe("GET, HEAD, OPTIONS");
    expect(res.headers.get("access-control-allow-headers")).toMatch(/If-None-Match/);
    expect((await fetch(`${app.url}${BASE}/resultater?indicator=LDBU-01`, { method: "POST" })).status).toBe(405);
  });

  it("records CSV downloads as exports in the audit log", async () => {
    await get("/resultater?indicator=LDBU-07&format=csv");
    const audit = await pool().query(`SELECT role, details->>'indicator' AS indicator FROM audit_entry WHERE action = 'export' AND resource = 'api/v1/resultater' ORDER BY id DESC LIMIT 1`);
    expect(audit.rows[0]).toEqual({ role: "anonymous", indicator: "LDBU-07" });
  });
});
