/**
 * Hardening on the running app: CSP with per-request nonces and the other security headers, HSTS only
 * over HTTPS from a trusted proxy, CSRF refusal, request size limits, login throttling per address (with
 * and without a trusted proxy, never fooled by client-sent headers) and per account, the FHIR rate limit,
 * the same guarantees for the dashboards' API calls that the app process serves past Next.js (scripts/server/views.ts),
 * and Danish error answers without stack traces or SQL.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import { gunzipSync } from "node:zlib";
import { encode } from "next-auth/jwt";
import { chromium, expect as expectPage } from "@playwright/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueGatewayToken } from "@/lib/auth/gateway";
import { createUser } from "@/lib/auth/users";
import { pool } from "@/lib/db/client";
import { useAppDatabase } from "./helpers/app-db";
import { serverUrl } from "./helpers/db";
import { startApp, type AppServer } from "../../scripts/app-server";

const PASSWORD = "Sikker-Adgangskode-2026";
const report = fs.readFileSync("../shared/reference/fbu/examples/RikkeDeliveryReport2months.json", "utf8");

let db: Awaited<ReturnType<typeof useAppDatabase>>;
/** No trusted proxy; a low FHIR rate so that the limit shows. */
let direct: AppServer;
/** Behind a trusted proxy on 127.0.0.1 (the test itself plays the proxy). */
let proxied: AppServer;
let token: string;

beforeAll(async () => {
  db = await useAppDatabase();
  process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url"); // every app of this file, so a test can make a token
  token = await issueGatewayToken("rate-test-gateway");
  await createUser({ username: "plejer", name: "Test Plejer", role: "sundhedsplejerske", municipalityCode: "751", password: PASSWORD });
  await createUser({ username: "laases", name: "Test Låses", role: "leder", municipalityCode: "751", password: PASSWORD });
  [direct, proxied] = await Promise.all([
    startApp(db.url, undefined, { env: { LDBU_FHIR_RATE: "0.5", LDBU_FHIR_BURST: "3" } }),
    startApp(db.url, undefined, { env: { LDBU_TRUSTED_PROXIES: "127.0.0.1, ::1" } }),
  ]);
});
afterAll(async () => {
  await Promise.all([direct?.stop(), proxied?.stop()]);
  await db.close();
});

const cspOf = (res: Response) => res.headers.get("content-security-policy") ?? "";
const nonceOf = (csp: string) => /'nonce-([^']+)'/.exec(csp)?.[1];

/** A credentials login through next-auth's own endpoints: the session cookie, or the Danish error shown on /login. */
async function login(app: AppServer, username: string, password: string, headers: Record<string, string> = {}): Promise<{ cookie?: string; error?: string }> {
  const csrf = await fetch(`${app.url}/api/auth/csrf`, { headers });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const res = await fetch(`${app.url}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { ...headers, cookie: csrfCookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ username, password, csrfToken, json: "true" }),
    redirect: "manual",
  });
  const { url } = (await res.json()) as { url: string };
  const error = new URL(url, app.url).searchParams.get("error");
  if (error) return { error };
  const session = res.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
  return { cookie: session?.split(";")[0] };
}

describe("security headers", () => {
  it("gives every page a CSP with a fresh nonce that Next puts on its scripts", async () => {
    const [a, b] = await Promise.all([fetch(`${direct.url}/login`), fetch(`${direct.url}/`)]);
    const [na, nb] = [nonceOf(cspOf(a)), nonceOf(cspOf(b))];
    expect(na).toBeTruthy();
    expect(nb).toBeTruthy();
    expect(na).not.toBe(nb);
    const html = await a.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) expect(s).toContain(`nonce="${na}"`);
  });

  it("has no unsafe-inline or unsafe-eval for scripts, and forbids framing, plugins and foreign bases", async () => {
    const res = await fetch(`${direct.url}/kommuner`);
    const directives = Object.fromEntries(cspOf(res).split("; ").map((d) => [d.split(" ")[0], d]));
    expect(directives["script-src"]).not.toMatch(/unsafe/);
    expect(directives["style-src"]).not.toMatch(/unsafe/);
    expect(directives["frame-ancestors"]).toBe("frame-ancestors 'none'");
    expect(directives["object-src"]).toBe("object-src 'none'");
    expect(directives["base-uri"]).toBe("base-uri 'self'");
    expect(directives["form-action"]).toBe("form-action 'self'");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("permissions-policy")).toContain("camera=()");
  });

  it("sends HSTS only for HTTPS forwarded by a trusted proxy", async () => {
    const hsts = async (app: AppServer, proto?: string) =>
      (await fetch(`${app.url}/login`, { headers: proto ? { "x-forwarded-proto": proto } : {} })).headers.get("strict-transport-security");
    expect(await hsts(proxied, "https")).toBe("max-age=31536000");
    expect(await hsts(proxied, "http")).toBeNull();
    expect(await hsts(proxied)).toBeNull();
    expect(await hsts(direct, "https")).toBeNull(); // a client cannot claim HTTPS on its own
  });
});

/** A GET through node:http, which (unlike fetch) sends only the Accept-Encoding given and leaves the body as sent. */
function rawGet(app: AppServer, path: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http.get(`${app.url}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on("error", reject);
  });
}

describe("the dashboards' API calls, served past Next.js", () => {
  const PATH = "/api/results?indikator=LDBU-01";

  it("answer with the security headers of every response, a CSP that allows nothing, and private caching", async () => {
    const { cookie } = await login(proxied, "plejer", PASSWORD);
    for (const [headers, status] of [[{ cookie: cookie! }, 200], [{}, 401]] as const) {
      const res = await rawGet(proxied, PATH, headers);
      expect(res.status).toBe(status);
      expect(res.headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["x-frame-options"]).toBe("DENY");
      expect(res.headers["content-type"]).toBe("application/json");
      expect(res.headers["vary"]).toBe("Accept-Encoding");
      if (status === 200) expect(res.headers["cache-control"]).toBe("private, no-store");
      expect(res.headers["strict-transport-security"]).toBeUndefined();
    }
    const https = await rawGet(proxied, PATH, { cookie: cookie!, "x-forwarded-proto": "https" });
    expect(https.headers["strict-transport-security"]).toBe("max-age=31536000");
    expect((await rawGet(direct, PATH, { "x-forwarded-proto": "https" })).headers["strict-transport-security"]).toBeUndefined();
  });

  it("send gzip only to a client that takes it, with the same JSON, and audit each call", async () => {
    const { cookie } = await login(proxied, "plejer", PASSWORD);
    const audited = async () => (await pool().query(`SELECT count(*)::int AS n FROM audit_entry WHERE resource = 'api/results' AND username = 'plejer'`)).rows[0].n as number;
    const before = await audited();
    const plain = await rawGet(proxied, PATH, { cookie: cookie! });
    const gzip = await rawGet(proxied, PATH, { cookie: cookie!, "accept-encoding": "br, gzip;q=0.5" });
    const refused = await rawGet(proxied, PATH, { cookie: cookie!, "accept-encoding": "*, gzip;q=0" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(refused.headers["content-encoding"]).toBeUndefined();
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(Number(gzip.headers["content-length"])).toBe(gzip.body.length);
    const json = JSON.parse(plain.body.toString("utf8"));
    expect(json.indicatorId).toBe("LDBU-01");
    expect(JSON.parse(gunzipSync(gzip.body).toString("utf8"))).toEqual(json);
    expect(refused.body.equals(plain.body)).toBe(true);
    expect(await audited()).toBe(before + 3);
  });

  it("leave other methods, and addresses that are not exactly theirs, to Next.js", async () => {
    const { cookie } = await login(proxied, "plejer", PASSWORD);
    const viaNext = await fetch(`${proxied.url}/api/results/?indikator=LDBU-01`, { headers: { cookie: cookie! }, redirect: "manual" });
    expect(viaNext.status).toBe(308); // Next's trailing-slash redirect
    const head = await fetch(`${proxied.url}${PATH}`, { method: "HEAD", headers: { cookie: cookie! } });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-security-policy")).toMatch(/'nonce-/); // proxy.ts ran: Next.js answered
  });
});

describe("CSRF", () => {
  const image = JSON.stringify({ visning: "forside", diagram: "oversigt", format: "png", adresse: "/" });
  let cookie: string;
  beforeAll(async () => {
    cookie = (await login(proxied, "plejer", PASSWORD, { "x-forwarded-for": "203.0.113.50" })).cookie!;
    expect(cookie).toBeTruthy();
  });
  const exportImage = (headers: Record<string, string>, body = image) =>
    fetch(`${proxied.url}/api/export/image`, { method: "POST", body, headers: { cookie, "content-type": "application/json", ...headers } });

  it("accepts a state-changing request from the app's own pages", async () => {
    expect((await exportImage({ origin: proxied.url.replace("127.0.0.1", "localhost"), "sec-fetch-site": "same-origin" })).status).toBe(204);
  });

  it("refuses it from another site with a clear 403, before the route runs", async () => {
    const audits = async () => (await pool().query("SELECT count(*)::int AS n FROM audit_entry WHERE action = 'export'")).rows[0].n;
    const before = await audits();
    const foreign: Record<string, string>[] = [{ origin: "https://evil.example" }, { "sec-fetch-site": "cross-site" }, { origin: "null" }];
    for (const headers of foreign) {
      const res = await exportImage(headers);
      expect(res.status).toBe(403);
      expect((await res.json()).error).toMatch(/kom fra et andet websted/);
    }
    expect(await audits()).toBe(before);
  });

  it("leaves the bearer-token FHIR endpoint alone", async () => {
    const res = await fetch(`${proxied.url}/fhir/Bundle/$validate`, {
      method: "POST",
      body: report,
      headers: { "content-type": "application/fhir+json", authorization: `Bearer ${token}`, origin: "https://gateway.example" },
    });
    expect(res.status).toBe(200);
  });

  it("limits JSON bodies to 64 KiB, declared or streamed", async () => {
    const big = JSON.stringify({ fyld: "x".repeat(70 * 1024) });
    const declared = await exportImage({ origin: proxied.url }, big);
    expect(declared.status).toBe(413);
    expect((await declared.json()).error).toContain("64 KiB");
    const chunks = [new TextEncoder().encode(big)];
    const streamed = await fetch(`${proxied.url}/api/export/image`, {
      method: "POST",
      body: new ReadableStream({ pull: (c) => (chunks.length ? c.enqueue(chunks.shift()!) : c.close()) }),
      headers: { cookie, "content-type": "application/json" },
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });
});

describe("login throttling", () => {
  it("locks an account after five failures, with the wait in minutes", async () => {
    const from = { "x-forwarded-for": "203.0.113.60" };
    for (let i = 0; i < 5; i++) expect((await login(proxied, "laases", "forkert-1234", from)).error).toBe("Forkert brugernavn eller adgangskode.");
    expect((await login(proxied, "laases", PASSWORD, from)).error).toBe("For mange mislykkede loginforsøg på denne konto. Kontoen er låst – prøv igen om 15 minutter.");
  });

  it("refuses an address after 20 failures in 15 minutes – the address a trusted proxy saw, not one the client claims", async () => {
    // The client forges an X-Forwarded-For entry; the proxy appends the real one (203.0.113.70).
    const from = (n: number) => ({ "x-forwarded-for": `198.51.100.${n}, 203.0.113.70` });
    for (let i = 0; i < 20; i++) expect((await login(proxied, `ukendt${i}`, "forkert-1234", from(i))).error).toBe("Forkert brugernavn eller adgangskode.");
    const refused = await login(proxied, "plejer", PASSWORD, from(99));
    expect(refused.error).toBe("For mange mislykkede loginforsøg fra din adresse. Prøv igen om 15 minutter.");
    // another address is unaffected, and the right password works there
    expect((await login(proxied, "plejer", PASSWORD, { "x-forwarded-for": "203.0.113.71" })).cookie).toBeTruthy();
    const rows = await pool().query("SELECT address, count(*)::int AS n FROM login_attempt GROUP BY address ORDER BY address");
    expect(rows.rows).toContainEqual({ address: "203.0.113.70", n: 20 });
  });

  it("without a trusted proxy counts the socket address, whatever headers the client sends", async () => {
    for (let i = 0; i < 20; i++) {
      const forged = { "x-forwarded-for": `198.51.100.${i}`, "x-ldbu-peer": `192.0.2.${i}` };
      expect((await login(direct, `ukendt${i}`, "forkert-1234", forged)).error).toBe("Forkert brugernavn eller adgangskode.");
    }
    expect((await login(direct, "plejer", PASSWORD, { "x-forwarded-for": "198.51.100.200" })).error).toMatch(/^For mange mislykkede loginforsøg fra din adresse/);
    const keys = (await pool().query("SELECT DISTINCT address FROM login_attempt")).rows.map((r) => r.address);
    expect(keys).toContain("127.0.0.1");
    expect(keys.filter((k) => k.startsWith("192.0.2.") || k.startsWith("198.51.100."))).toEqual([]);
  });
});

describe("FHIR rate limit per gateway client", () => {
  it("answers 429 with Retry-After and a Danish/English OperationOutcome once the burst is spent", async () => {
    const post = () =>
      fetch(`${direct.url}/fhir/Bundle/$validate`, { method: "POST", body: report, headers: { "content-type": "application/fhir+json", authorization: `Bearer ${token}` } });
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let i = 0; i < 6 && !limited; i++) {
      const res = await post();
      statuses.push(res.status);
      if (res.status === 429) limited = res;
    }
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(limited).toBeDefined();
    expect(Number(limited!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(limited!.headers.get("content-type")).toContain("application/fhir+json");
    const outcome = await limited!.json();
    expect(outcome.resourceType).toBe("OperationOutcome");
    expect(outcome.issue[0].code).toBe("throttled");
    expect(outcome.issue[0].details.coding[0].code).toBe("ldbu-rate-limit");
    expect(outcome.issue[0].details.text).toMatch(/^For mange indberetninger fra denne klient/);
    expect(outcome.issue[0].diagnostics).toMatch(/^Too many submissions/);
  });
});

describe("errors", () => {
  let broken: AppServer;
  beforeAll(async () => {
    broken = await startApp(serverUrl("ldbu_findes_ikke"));
  });
  afterAll(() => broken?.stop());

  it("sends no database error text or stack trace, only the error's digest", async () => {
    const res = await fetch(`${broken.url}/kommuner`);
    expect(res.status).toBe(500);
    const html = await res.text();
    expect(html).toMatch(/\\?"digest\\?":\\?"\d+/); // inside the page's escaped RSC payload
    expect(html).not.toMatch(/ldbu_findes_ikke|does not exist|relation|postgres|ECONN|\bat .+\.js:\d+/i);
  });

  it("shows the error page in Danish in a browser, with its reference", async () => {
    const browser = await chromium.launch({ executablePath: process.env.LDBU_CHROMIUM ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
    try {
      const page = await browser.newPage();
      await page.goto(`${broken.url}/kommuner`);
      await expectPage(page.getByRole("heading", { level: 1 })).toHaveText("Der opstod en fejl");
      await expectPage(page.getByText(/^Fejlreference: \d+$/)).toBeVisible();
      expect(await page.content()).not.toMatch(/ldbu_findes_ikke|does not exist/);
    } finally {
      await browser.close();
    }
  });

  it("answers a failing API route with an empty 500, a dashboard call with a Danish error and the receiver with a Danish OperationOutcome", async () => {
    const api = await fetch(`${broken.url}/api/kort`);
    expect(api.status).toBe(500);
    expect(await api.text()).toBe("");
    // a session cookie that is valid until the viewer is looked up in the missing database
    const token = await encode({ token: { sub: "1", uid: 1, sv: 0, at: Date.now() }, secret: process.env.NEXTAUTH_SECRET!, maxAge: 3600 });
    const view = await fetch(`${broken.url}/api/results?indikator=LDBU-01`, { headers: { cookie: `next-auth.session-token=${token}` } });
    expect(view.status).toBe(500);
    const viewText = await view.text();
    expect(JSON.parse(viewText)).toEqual({ error: "Der opstod en uventet fejl. Prøv igen om lidt." });
    expect(viewText).not.toMatch(/ldbu_findes_ikke|does not exist|\bat .+\.js:\d+/);
    const fhir = await fetch(`${broken.url}/fhir/Bundle`, { method: "POST", body: report, headers: { "content-type": "application/fhir+json", authorization: "Bearer x" } });
    expect(fhir.status).toBe(500);
    const text = await fhir.text();
    expect(JSON.parse(text).issue[0].details.text).toBe("Der opstod en intern fejl. Intet er gemt. Send igen senere.");
    expect(text).not.toMatch(/ldbu_findes_ikke|does not exist|\bat .+\.js:\d+/);
  });

  it("answers a login with a Danish message, not the database's", async () => {
    expect((await login(broken, "plejer", PASSWORD)).error).toBe("Login er ikke muligt lige nu. Prøv igen senere.");
  });
});
