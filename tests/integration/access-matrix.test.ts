/**
 * The authorisation matrix (tests/integration/access/matrix.ts) against the built app and a real database loaded
 * through the real ingest: every role × every route × every case × own / other / small municipality → the expected
 * status, a clear error body, and the expected suppression of figures.
 */
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessFixture, type AccessFixture } from "./access/fixture";
import { checkCsvFigures, checkHtmlFigures, checkJsonFigures, emptyTally, type FigureTally } from "./access/figures";
import { pool } from "@/lib/db/client";
import { isAction, LOGIN, MATRIX, MUNICIPALITIES, OWN_NAME, type ActionCase, type ActionEntry, type Case, type MunicipalityKind, type RouteEntry, type Status } from "./access/matrix";
import { PRINCIPAL_NAMES, type PrincipalName, type RoleName } from "./access/principals";
import { bodyText, mapLimit, leaksInternals } from "./access/http";
import { actionIds, callFormAction } from "./access/server-actions";

let fx: AccessFixture;
const tally: FigureTally = emptyTally();
let requests = 0;
const started = Date.now();

beforeAll(async () => {
  fx = await accessFixture(console.log);
}, 600_000);
afterAll(async () => {
  console.log(`[matrix] ${requests} forespørgsler på ${((Date.now() - started) / 1000).toFixed(0)} s; tal set: ${JSON.stringify(tally)}`);
  await fx?.close();
});

interface Run {
  principal: PrincipalName;
  kind: MunicipalityKind | null;
  url: string;
  expected: Status;
}

/** The requests of one case: every principal, and every municipality when the URL has {kommune}. */
function runsOf(c: Case): Run[] {
  const kinds: (MunicipalityKind | null)[] = c.url.includes("{kommune}") ? (Object.keys(MUNICIPALITIES) as MunicipalityKind[]) : [null];
  return kinds.flatMap((kind) =>
    PRINCIPAL_NAMES.map((principal) => {
      const role: RoleName = principal === "deaktiveret" ? "anonymous" : principal;
      const e = c.expect[role];
      const expected = typeof e === "object" && !("redirect" in e) ? e[kind ?? "egen"] : e;
      return { principal, kind, url: kind ? c.url.replaceAll("{kommune}", MUNICIPALITIES[kind]) : c.url, expected };
    }),
  );
}

/** "{rapport:2024}" → the id of 2024's newest annual report, "{rapport:2024:1}" → of its version 1, "{bruger:x}" → user x's id (as the data are now). */
async function withIds(text: string): Promise<string> {
  const ids = new Map<string, string>();
  for (const [m, year, version] of text.matchAll(/\{rapport:(\d{4})(?::(\d+))?\}/g)) {
    const { rows } = await pool().query<{ id: number }>(`SELECT id FROM annual_report WHERE year = $1 AND ($2::int IS NULL OR version = $2) ORDER BY version DESC LIMIT 1`, [
      Number(year),
      version ? Number(version) : null,
    ]);
    ids.set(m, rows[0] ? String(rows[0].id) : "0");
  }
  for (const [m, username] of text.matchAll(/\{bruger:([\w-]+)\}/g)) {
    const { rows } = await pool().query<{ id: number }>(`SELECT id FROM app_user WHERE username = $1`, [username]);
    ids.set(m, rows[0] ? String(rows[0].id) : "0");
  }
  return text.replace(/\{(rapport|bruger):[\w:-]+\}/g, (m) => ids.get(m)!);
}

const body = (c: Case) => (c.body?.startsWith("@file:") ? fs.readFileSync(c.body.slice(6), "utf8") : c.body);
const show = (s: Status) => (typeof s === "object" ? `→ ${s.redirect}` : s === LOGIN ? "→ /login" : String(s));

async function check(entry: RouteEntry, c: Case, run: Run): Promise<string | null> {
  run = { ...run, url: await withIds(run.url) };
  const res = await fetch(`${fx.app.url}${run.url}`, {
    method: entry.method,
    headers: { ...c.headers, ...fx.principals[run.principal].headers },
    body: body(c),
    redirect: "manual",
  });
  requests++;
  const text = await bodyText(res);
  const where = `${entry.method} ${run.url} som ${run.principal}`;
  const location = res.headers.get("location") ?? "";
  const redirected = res.status >= 300 && res.status < 400;
  const e = run.expected;
  if (e === LOGIN) {
    if (!redirected || !new URL(location, fx.app.url).pathname.startsWith("/login")) return `${where}: ventede → /login, fik ${res.status} ${location}`;
    return null;
  }
  if (typeof e === "object") {
    const target = new URL(location || "/x-none", fx.app.url);
    return redirected && `${target.pathname}${target.search}` === e.redirect ? null : `${where}: ventede ${show(e)}, fik ${res.status} ${location}`;
  }
  if (res.status !== e) return `${where}: ventede ${e}, fik ${res.status} ${location} ${text.slice(0, 200)}`;
  if (res.status >= 400) {
    if (leaksInternals(text)) return `${where}: fejlsvaret afslører interne detaljer: ${text.slice(0, 300)}`;
    const type = res.headers.get("content-type") ?? "";
    if (run.url.startsWith("/fhir/") && !(type.startsWith("application/fhir+json") && JSON.parse(text).resourceType === "OperationOutcome")) return `${where}: fejlsvaret er ikke en OperationOutcome`;
    // the open data API answers RFC 9457 problem details; the other APIs { error }
    if (run.url.startsWith("/api/v1/") && !(type.startsWith("application/problem+json") && typeof JSON.parse(text).detail === "string"))
      return `${where}: fejlsvaret er ikke problem+json med en dansk forklaring: ${text.slice(0, 200)}`;
    if (run.url.startsWith("/api/") && !run.url.startsWith("/api/auth/") && !run.url.startsWith("/api/v1/") && !(type.startsWith("application/json") && typeof JSON.parse(text).error === "string"))
      return `${where}: fejlsvaret er ikke JSON med en dansk fejltekst: ${text.slice(0, 200)}`;
  }
  const role = run.principal === "deaktiveret" ? null : run.principal;
  const unsuppressed = role ? c.figures?.unsuppressed[role] : undefined;
  if (res.status === 200 && c.figures && unsuppressed) {
    const problems =
      c.figures.format === "json"
        ? checkJsonFigures(JSON.parse(text), unsuppressed, tally)
        : c.figures.format === "csv"
          ? checkCsvFigures(text, unsuppressed, OWN_NAME, tally)
          : checkHtmlFigures(text, unsuppressed, run.kind === "ø", tally);
    if (problems.length) return `${where}: ${problems.slice(0, 5).join("; ")}${problems.length > 5 ? ` (+${problems.length - 5})` : ""}`;
  }
  return null;
}

/** md5 over every row of the given tables (what a refused server action must leave as it was). */
async function checksum(tables: string[]): Promise<string> {
  const parts = await Promise.all(tables.map(async (t) => (await pool().query(`SELECT md5(coalesce(string_agg(md5(x::text), ',' ORDER BY md5(x::text)), '')) AS h FROM "${t}" x`)).rows[0].h as string));
  return parts.join(",");
}

/**
 * One server-action case: every refused principal first (each must get the Danish refusal and change none of the
 * watched tables), then the entitled ones (each must succeed – a confirmation or a redirect to the new page – and
 * change them). Sequential: the database is checked around each call.
 */
async function checkAction(entry: ActionEntry, c: ActionCase): Promise<string[]> {
  const id = actionIds().get(entry.route);
  if (!id) return [`${entry.route} findes ikke i byggets server-reference-manifest`];
  const outcome = (p: PrincipalName) => c.expect[p === "deaktiveret" ? "anonymous" : p];
  const order = [...PRINCIPAL_NAMES].sort((a, b) => Number(outcome(a) === "ok") - Number(outcome(b) === "ok"));
  const failures: string[] = [];
  // first from a foreign site with SundK's cookie: refused before the action runs (proxy.ts, CSRF), nothing changed
  {
    const before = await checksum(c.tables);
    const answer = await callFormAction(fx.app.url, await withIds(c.page), id, {}, fx.principals.sundk.headers, "https://evil.example");
    requests++;
    if (answer.status !== 403 || (await checksum(c.tables)) !== before) failures.push(`${entry.route} (${c.name}) fra et fremmed websted: ventede 403 og ingen ændring, fik HTTP ${answer.status}`);
  }
  for (const principal of order) {
    const page = await withIds(c.page);
    const form = Object.fromEntries(await Promise.all(Object.entries(c.form).map(async ([k, v]) => [k, await withIds(v)] as const)));
    const before = await checksum(c.tables);
    const answer = await callFormAction(fx.app.url, page, id, form, fx.principals[principal].headers);
    requests++;
    const changed = (await checksum(c.tables)) !== before;
    const where = `${entry.route} (${c.name}) som ${principal}`;
    const said = `HTTP ${answer.status}, ${answer.redirect ? `→ ${answer.redirect}, ` : ""}${JSON.stringify(answer.state)}`;
    if (answer.status >= 500 || leaksInternals(answer.text)) failures.push(`${where}: ${said} ${answer.text.slice(0, 200)}`);
    else if (outcome(principal) === "refused") {
      if (changed) failures.push(`${where}: afvist, men databasen blev ændret`);
      if (answer.state?.ok !== false || !c.refusal.test(answer.state.message ?? "")) failures.push(`${where}: ventede afvisningen ${c.refusal}, fik ${said}`);
    } else {
      if (!changed) failures.push(`${where}: lykkedes ikke (databasen er uændret): ${said}`);
      if (!(answer.state?.ok === true || (answer.redirect && !answer.redirect.startsWith("/login")))) failures.push(`${where}: ventede en bekræftelse, fik ${said}`);
    }
  }
  if (c.never && (await pool().query(c.never)).rowCount) failures.push(`${entry.route} (${c.name}): ${c.never} fandt rækker`);
  return failures;
}

const httpEntries = MATRIX.filter((e): e is RouteEntry => !isAction(e));
const actionEntries = MATRIX.filter(isAction);
const routesWithCases = httpEntries.length;
const caseCount = httpEntries.reduce((n, r) => n + r.cases.length, 0);
const runCount = httpEntries.reduce((n, r) => n + r.cases.reduce((m, c) => m + runsOf(c).length, 0), 0);
const actionCases = actionEntries.reduce((n, r) => n + r.cases.length, 0);

describe(`autorisationsmatrix: ${PRINCIPAL_NAMES.length} roller × ${routesWithCases} ruter/metoder × ${caseCount} tilfælde = ${runCount} forespørgsler; ${actionEntries.length} server actions × ${actionCases} tilfælde × ${PRINCIPAL_NAMES.length} roller`, () => {
  for (const entry of httpEntries)
    for (const c of entry.cases)
      it(`${entry.method} ${entry.route}: ${c.name}`, async () => {
        const failures = (await mapLimit(runsOf(c), 4, (run) => check(entry, c, run))).filter((f): f is string => f !== null);
        expect(failures).toEqual([]);
      });

  // after the pages and APIs: the actions change the annual reports (2025 is created, sent to hearing, published …)
  for (const entry of actionEntries)
    for (const c of entry.cases)
      it(`server action ${entry.route.replace(/^action:/, "")}: ${c.name}`, async () => {
        expect(await checkAction(entry, c)).toEqual([]);
      });

  it("undertrykkelse skete: fremmede små tal blev skjult, og egne små tal blev vist", () => {
    expect(tally.figures).toBeGreaterThan(1000);
    expect(tally.suppressedForeign).toBeGreaterThan(50);
    expect(tally.smallOwnVisible).toBeGreaterThan(0);
  });
});
