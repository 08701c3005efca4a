/**
 * POST /fhir/Bundle and /fhir/Bundle/$validate on the running app: authorisation, content
 * type, size limit, parse errors, invalid and valid reports, duplicates; responses are
 * FHIR OperationOutcomes.
 */
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueGatewayToken } from "@/lib/auth/gateway";
import { pool } from "@/lib/db/client";
import { dataCounts, useAppDatabase } from "./helpers/app-db";
import { startApp, type AppServer } from "../../scripts/app-server";

const EX = "../shared/reference/fbu/examples";
const valid = fs.readFileSync(`${EX}/RikkeDeliveryReport2months.json`, "utf8");
const invalid = fs.readFileSync(`${EX}/c5b55e0e-3bc4-468a-8600-1b23617dbb58.json`, "utf8");

let db: Awaited<ReturnType<typeof useAppDatabase>>;
let app: AppServer;
let token: string;

beforeAll(async () => {
  db = await useAppDatabase();
  token = await issueGatewayToken("test-gateway");
  app = await startApp(db.url);
});
afterAll(async () => {
  await app?.stop();
  await db.close();
});

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${app.url}${path}`, { method: "POST", body, headers: { "content-type": "application/fhir+json", authorization: `Bearer ${token}`, ...headers } });

const rules = async (res: Response) => ((await res.json()).issue as { details: { coding: { code: string }[] } }[]).map((i) => i.details.coding[0].code);

describe("POST /fhir/Bundle", () => {
  it("refuses missing and wrong tokens (401/403) and stores nothing", async () => {
    const before = await dataCounts();
    expect((await post("/fhir/Bundle", valid, { authorization: "" })).status).toBe(401);
    expect((await post("/fhir/Bundle", valid, { authorization: "Bearer wrong" })).status).toBe(403);
    expect(await dataCounts()).toEqual(before);
    expect((await pool().query("SELECT count(*)::int AS n FROM receipt")).rows[0].n).toBe(0);
  });

  it("answers 415 for a wrong content type, 413 above the size limit, 400 for non-JSON", async () => {
    expect((await post("/fhir/Bundle", valid, { "content-type": "text/plain" })).status).toBe(415);
    const huge = await post("/fhir/Bundle", " ".repeat(11 * 1024 * 1024));
    expect(huge.status).toBe(413);
    expect(huge.headers.get("content-type")).toContain("application/fhir+json");
    const bad = await post("/fhir/Bundle", "{ not json");
    expect(bad.status).toBe(400);
    expect(await rules(bad)).toContain("ldbu-json");
  });

  it("rejects an invalid report with 422 naming the invariant, storing only the receipt", async () => {
    const before = await dataCounts();
    const res = await post("/fhir/Bundle", invalid);
    expect(res.status).toBe(422);
    expect(await rules(res)).toContain("gateway-children-report-parent-relationship");
    expect(await dataCounts()).toEqual(before);
  });

  it("$validate validates without storing", async () => {
    const before = await dataCounts();
    const receipts = (await pool().query("SELECT count(*)::int AS n FROM receipt")).rows[0].n;
    expect((await post("/fhir/Bundle/$validate", valid)).status).toBe(200);
    expect((await post("/fhir/Bundle/$validate", invalid)).status).toBe(422);
    expect(await dataCounts()).toEqual(before);
    expect((await pool().query("SELECT count(*)::int AS n FROM receipt")).rows[0].n).toBe(receipts);
  });

  it("stores a valid report (201) and answers a resubmission with 200 and no change", async () => {
    const res = await post("/fhir/Bundle", valid);
    expect(res.status).toBe(201);
    expect(await rules(res)).toContain("ldbu-receipt-accepted");
    const after = await dataCounts();
    expect(after.encounter).toBe(1);
    const again = await post("/fhir/Bundle", JSON.stringify(JSON.parse(valid), null, 2)); // same content, other whitespace
    expect(again.status).toBe(200);
    expect(await rules(again)).toContain("ldbu-receipt-duplicate");
    expect(await dataCounts()).toEqual(after);
  });

  it("does not let a gateway token read anything", async () => {
    const r = await fetch(`${app.url}/fejlliste`, { headers: { authorization: `Bearer ${token}` }, redirect: "manual" });
    expect([302, 303, 307]).toContain(r.status);
  });

  it("sends the security headers", async () => {
    const r = await fetch(`${app.url}/login`);
    expect(r.headers.get("x-frame-options")).toBe("DENY");
    expect(r.headers.get("x-content-type-options")).toBe("nosniff");
    expect(r.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(r.headers.get("x-powered-by")).toBeNull();
  });

  it("answers the FHIR routes (served past Next.js) with the same security headers, uncompressed, and leaves other methods to Next.js", async () => {
    const r = await post("/fhir/Bundle/%24validate", valid, { "accept-encoding": "gzip" });
    expect(r.status).toBe(200);
    expect(r.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(r.headers.get("x-frame-options")).toBe("DENY");
    expect(r.headers.get("x-content-type-options")).toBe("nosniff");
    expect(r.headers.get("content-encoding")).toBeNull();
    expect((await r.json()).resourceType).toBe("OperationOutcome");
    const get = await fetch(`${app.url}/fhir/Bundle`);
    expect(get.status).toBe(405);
  });
});

describe("wrong tokens per client address", () => {
  it("refuses the address (429, Retry-After) after LDBU_FHIR_BAD_TOKENS wrong tokens a minute, also with a valid token", async () => {
    const strict = await startApp(db.url, undefined, { env: { LDBU_FHIR_BAD_TOKENS: "3" } });
    try {
      const send = (authorization: string) => fetch(`${strict.url}/fhir/Bundle`, { method: "POST", body: valid, headers: { "content-type": "application/fhir+json", authorization } });
      const before = await dataCounts();
      for (let i = 0; i < 5; i++) expect((await send("")).status).toBe(401); // no token: nothing to look up, never counted
      for (let i = 0; i < 3; i++) expect((await send(`Bearer wrong-${i}`)).status).toBe(403);
      const refused = await send("Bearer wrong-3");
      expect(refused.status).toBe(429);
      expect(refused.headers.get("retry-after")).toBe("20"); // 3 a minute: one ages out every 20 s
      expect(JSON.stringify(await refused.json())).toContain("For mange forkerte adgangstokens fra denne adresse");
      expect((await send(`Bearer ${token}`)).status).toBe(429);
      expect(await dataCounts()).toEqual(before);
    } finally {
      await strict.stop();
    }
  });
});
