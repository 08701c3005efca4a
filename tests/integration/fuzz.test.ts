/**
 * Fuzz: seeded malformed requests (tests/integration/access/fuzz-cases.ts) to every API route of app/ and both FHIR
 * endpoints on the built app with a loaded database. No answer is a 5xx; each is the clear 4xx (or harmless 2xx) its
 * case allows; error bodies are JSON (FHIR: OperationOutcome) without stack traces or SQL; and no data changed
 * (a checksum of every data table – annual reports, users and the rest; receipts only for rejected reports, audit
 * entries only for answered reads).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/db/client";
import { accessFixture, type AccessFixture } from "./access/fixture";
import { fuzzRequests, fuzzTargets, type FuzzRequest } from "./access/fuzz-cases";
import { bodyText, leaksInternals, mapLimit } from "./access/http";
import { routeHandlers } from "./access/route-tree";

const SEED = 20261126;
const PER_TARGET = 45;

let fx: AccessFixture;
beforeAll(async () => {
  fx = await accessFixture(console.log);
}, 600_000);
afterAll(async () => {
  await fx?.close();
});

/** md5 over every row of every table that holds data (the append-only logs are checked separately). */
async function dataChecksum(): Promise<Record<string, string>> {
  const { rows: tables } = await pool().query<{ t: string }>(
    `SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('audit_entry', 'receipt', '_prisma_migrations') ORDER BY 1`,
  );
  const out: Record<string, string> = {};
  for (const { t } of tables) out[t] = (await pool().query(`SELECT md5(coalesce(string_agg(md5(x::text), ',' ORDER BY md5(x::text)), '')) AS h FROM "${t}" x`)).rows[0].h;
  return out;
}
const maxId = async (table: string) => Number((await pool().query(`SELECT coalesce(max(id), 0) AS n FROM ${table}`)).rows[0].n);

interface Answer {
  req: FuzzRequest;
  status: number;
  problem: string | null;
}

function judge(req: FuzzRequest, status: number, type: string, text: string): string | null {
  if (status >= 500) return `${status}`;
  const ok =
    req.allowed === "<500" || (status >= 400 && status < 500) || (req.allowed === "2xx|4xx" && status >= 200 && status < 300) || (req.allowed === "4xx|308" && status === 308);
  if (!ok) return `status ${status} er ikke tilladt (${req.allowed})`;
  if (status < 400 || !text) return null;
  if (leaksInternals(text)) return `fejlsvaret afslører interne detaljer: ${text.slice(0, 200)}`;
  // 405 (no handler for the method) and 431 (headers too large) come from the server itself, before any route
  if (status === 405 || status === 431 || status === 404) return null;
  if (req.url.startsWith("/fhir/")) return type.startsWith("application/fhir+json") && JSON.parse(text).resourceType === "OperationOutcome" ? null : `ikke en OperationOutcome: ${text.slice(0, 200)}`;
  if (req.url.startsWith("/api/") && !req.url.startsWith("/api/auth/")) {
    try {
      const body = JSON.parse(text);
      // the open data API answers RFC 9457 problem details ({ detail }), the other APIs { error }
      const message = req.url.startsWith("/api/v1/") && type.startsWith("application/problem+json") ? body.detail : body.error;
      return typeof message === "string" ? null : `JSON uden fejltekst: ${text.slice(0, 200)}`;
    } catch {
      return `ikke JSON: ${text.slice(0, 200)}`;
    }
  }
  return null;
}

async function send(req: FuzzRequest): Promise<Answer> {
  try {
    const res = await fetch(`${fx.app.url}${req.url}`, {
      method: req.method,
      headers: { ...fx.principals[req.principal].headers, ...req.headers },
      body: req.method === "GET" || req.method === "HEAD" ? undefined : req.body,
      redirect: "manual",
      signal: AbortSignal.timeout(60_000),
    });
    const text = await bodyText(res);
    return { req, status: res.status, problem: judge(req, res.status, res.headers.get("content-type") ?? "", text) };
  } catch (e) {
    return { req, status: 0, problem: `ingen svar: ${(e as Error).message} ${String((e as Error).cause ?? "")}` };
  }
}

describe("fuzz: misdannede forespørgsler til alle API-ruter og FHIR-endepunkterne", () => {
  it(`mindst 500 forespørgsler (frø ${SEED}): ingen 5xx, klare 4xx, ingen dataændringer`, async () => {
    const targets = fuzzTargets(routeHandlers().handlers);
    const requests = fuzzRequests(targets, PER_TARGET, SEED);
    expect(requests.length).toBeGreaterThanOrEqual(500);
    const before = { data: await dataChecksum(), receipt: await maxId("receipt"), audit: await maxId("audit_entry") };
    const started = Date.now();
    const answers = await mapLimit(requests, 4, send);
    const seconds = (Date.now() - started) / 1000;
    const byStatus: Record<string, number> = {};
    for (const a of answers) byStatus[a.status] = (byStatus[a.status] ?? 0) + 1;
    console.log(`[fuzz] ${requests.length} forespørgsler til ${targets.length} ruter på ${seconds.toFixed(0)} s; statuskoder: ${JSON.stringify(byStatus)}`);

    expect(answers.filter((a) => a.problem).map((a) => `${a.req.method} ${a.req.url.slice(0, 120)} [${a.req.mutation}, ${a.req.principal}] → ${a.status}: ${a.problem}`)).toEqual([]);
    expect(targets.map((t) => `${t.method} ${t.route}`)).toEqual(expect.arrayContaining(["POST /fhir/Bundle", "POST /fhir/Bundle/$validate", "GET /api/results", "GET /api/v1/resultater", "GET /api/v1/aarsrapporter/[year]", "OPTIONS /api/v1/resultater"]));

    expect(await dataChecksum()).toEqual(before.data);
    const receipts = await pool().query(`SELECT outcome, count(*)::int AS n FROM receipt WHERE id > $1 GROUP BY 1`, [before.receipt]);
    expect(receipts.rows.filter((r) => r.outcome !== "rejected")).toEqual([]);
    const audited = (await pool().query(`SELECT count(*)::int AS n FROM audit_entry WHERE id > $1`, [before.audit])).rows[0].n;
    expect(audited).toBeLessThanOrEqual(answers.filter((a) => a.status >= 200 && a.status < 300).length);
  }, 900_000);
});
