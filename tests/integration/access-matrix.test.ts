/**
 * The authorisation matrix (tests/integration/access/matrix.ts) against the built app and a real database loaded
 * through the real ingest: every role × every route × every case × own / other / small municipality → the expected
 * status, a clear error body, and the expected suppression of figures.
 */
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessFixture, type AccessFixture } from "./access/fixture";
import { checkCsvFigures, checkHtmlFigures, checkJsonFigures, emptyTally, type FigureTally } from "./access/figures";
import { LOGIN, MATRIX, MUNICIPALITIES, OWN_NAME, type Case, type MunicipalityKind, type RouteEntry, type Status } from "./access/matrix";
import { PRINCIPAL_NAMES, type PrincipalName, type RoleName } from "./access/principals";
import { mapLimit, leaksInternals } from "./access/http";

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

const body = (c: Case) => (c.body?.startsWith("@file:") ? fs.readFileSync(c.body.slice(6), "utf8") : c.body);
const show = (s: Status) => (typeof s === "object" ? `→ ${s.redirect}` : s === LOGIN ? "→ /login" : String(s));

async function check(entry: RouteEntry, c: Case, run: Run): Promise<string | null> {
  const res = await fetch(`${fx.app.url}${run.url}`, {
    method: entry.method,
    headers: { ...c.headers, ...fx.principals[run.principal].headers },
    body: body(c),
    redirect: "manual",
  });
  requests++;
  const text = await res.text();
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
    if (run.url.startsWith("/api/") && !run.url.startsWith("/api/auth/") && !(type.startsWith("application/json") && typeof JSON.parse(text).error === "string"))
      return `${where}: fejlsvaret er ikke JSON med en dansk fejltekst: ${text.slice(0, 200)}`;
  }
  const role = run.principal === "deaktiveret" ? null : run.principal;
  const unsuppressed = role ? c.figures?.unsuppressed[role] : undefined;
  if (res.status === 200 && c.figures && unsuppressed) {
    const all = unsuppressed === "alle";
    const problems =
      c.figures.format === "json"
        ? checkJsonFigures(JSON.parse(text), all, tally)
        : c.figures.format === "csv"
          ? checkCsvFigures(text, all, OWN_NAME, tally)
          : checkHtmlFigures(text, all, run.kind === "ø", tally);
    if (problems.length) return `${where}: ${problems.slice(0, 5).join("; ")}${problems.length > 5 ? ` (+${problems.length - 5})` : ""}`;
  }
  return null;
}

const routesWithCases = MATRIX.length;
const caseCount = MATRIX.reduce((n, r) => n + r.cases.length, 0);
const runCount = MATRIX.reduce((n, r) => n + r.cases.reduce((m, c) => m + runsOf(c).length, 0), 0);

describe(`autorisationsmatrix: ${PRINCIPAL_NAMES.length} roller × ${routesWithCases} ruter/metoder × ${caseCount} tilfælde = ${runCount} forespørgsler`, () => {
  for (const entry of MATRIX)
    for (const c of entry.cases)
      it(`${entry.method} ${entry.route}: ${c.name}`, async () => {
        const failures = (await mapLimit(runsOf(c), 4, (run) => check(entry, c, run))).filter((f): f is string => f !== null);
        expect(failures).toEqual([]);
      });

  it("undertrykkelse skete: fremmede små tal blev skjult, og egne små tal blev vist", () => {
    expect(tally.figures).toBeGreaterThan(1000);
    expect(tally.suppressedForeign).toBeGreaterThan(50);
    expect(tally.smallOwnVisible).toBeGreaterThan(0);
  });
});
