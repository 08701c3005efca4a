/**
 * Seeded, table-driven malformed requests for every API route of app/ and the FHIR endpoints. Each target starts
 * from a valid request taken from the authorisation matrix; a mutation breaks one thing (method, query string,
 * body, content type, headers, cookies, bearer token, path) and says what the answer must be:
 *
 *   "4xx"       the request is malformed or unauthorised for what the route reads: a clear 4xx.
 *   "2xx|4xx"   the mutation touches something the route does not read (a junk header next to a valid session,
 *               a query string on a POST endpoint, a bad cookie on public reference data): a 4xx, or the valid
 *               request's own 2xx.
 *   "4xx|308"   path traversal: a 4xx, or Next.js's 308 to the normalised path (which is then authorised as usual).
 *   "<500"      next-auth's own endpoints, whose protocol answers with redirects to its sign-in page as well.
 *
 * Never a 5xx, in any case.
 */
import fs from "node:fs";
import { Rng } from "@/lib/synth/random";
import { isAction, MATRIX, MUNICIPALITIES, type RouteEntry } from "./matrix";
import type { PrincipalName } from "./principals";
import type { RouteHandler } from "./route-tree";

export type Allowed = "4xx" | "2xx|4xx" | "4xx|308" | "<500";

export interface FuzzRequest {
  target: string;
  mutation: string;
  method: string;
  /** path and query, already encoded as it goes on the wire */
  url: string;
  principal: PrincipalName;
  headers: Record<string, string>;
  body?: string | Uint8Array<ArrayBuffer>;
  allowed: Allowed;
}

interface Target {
  route: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** who the valid request is made as */
  principal: PrincipalName;
  public: boolean;
  nextAuth: boolean;
}

const NASTY = [
  "", " ", "'; DROP TABLE citizen;--", "751' OR '1'='1", "../../etc/passwd", "..%2f..%2f", "\u0000", "%00", "😀👶", "\u202eesrever", "٧٥١", "７５１",
  "-1", "0", "1e309", "NaN", "null", "undefined", "[]", "{}", "<script>alert(1)</script>", "751\n101", "751,101", "${7*7}", "A".repeat(3000), "Ø".repeat(500),
];
const JUNK_BODIES: (string | (() => string))[] = [
  "", "{", '{"a":', "null", "42", '"streng"', "[]", "{}", "[1,2,3]", '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"admin":true}}}',
  '{"resourceType":"Bundle"}', '{"resourceType":"Bundle","type":"collection","entry":"x"}', '{"visning":["forside"]}', "\u0000\u0001\u0002", "ﾟ･✿ヾ╲(｡◕‿◕｡)╱✿･ﾟ",
  () => "[".repeat(50_000) + "]".repeat(50_000),
  () => '{"a":'.repeat(20_000) + "1" + "}".repeat(20_000),
  () => JSON.stringify({ resourceType: "Bundle", type: "collection", entry: Array.from({ length: 20_000 }, (_, i) => ({ fullUrl: `urn:uuid:${i}`, resource: { resourceType: "Patient", id: String(i) } })) }),
  () => JSON.stringify({ visning: "forside", diagram: "x".repeat(1_000_000), format: "png", adresse: "/" }),
];
const CONTENT_TYPES = ["text/plain", "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/json; charset=utf-16", "application/fhir+xml", "*/*", "application/json\u00e6"];
const BAD_AUTH = [
  "Bearer", "Bearer ", "Bearer x y", "Basic YWRtaW46YWRtaW4=", "bearer\tx", "Bearer æøå", `Bearer ${"x".repeat(6000)}`, "Bearer null", "Bearer ../../", "Negotiate abc", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJzdW5kayJ9.",
];
const BAD_COOKIES = [
  "next-auth.session-token=garbage", "next-auth.session-token=", "next-auth.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..AAAA.BBBB.CCCC",
  `next-auth.session-token=${"A".repeat(7000)}`, Array.from({ length: 150 }, (_, i) => `c${i}=${i}`).join("; "), "next-auth.session-token.0=a; next-auth.session-token.1=b",
  "__Secure-next-auth.session-token=garbage", "next-auth.session-token=%E0%A4%A", "=; ;=;",
];
const PATH_SUFFIXES = ["/..%2f..%2fadmin", "%2f..%2f..%2fetc%2fpasswd", "/%2e%2e%2f%2e%2e%2f", "%00", "/;x", "/ø", "/%ff%fe", "/" + "a".repeat(2000), "/.env", "/..%5c..%5c"];
const WRONG_METHODS: Record<string, string[]> = { GET: ["POST", "PUT", "DELETE", "PATCH"], POST: ["GET", "PUT", "DELETE", "PATCH"] };

/** Valid starting requests: the first matrix case per route that the (most entitled) principal may make. */
export function fuzzTargets(handlers: readonly RouteHandler[]): Target[] {
  const apiHandlers = handlers.filter((h) => h.kind === "route");
  return apiHandlers.map((h) => {
    const entry = MATRIX.find((e): e is RouteEntry => !isAction(e) && e.route === h.route && e.method === h.method)!;
    const fhir = h.route.startsWith("/fhir/");
    const principal: PrincipalName = fhir ? "gateway" : "sundk";
    const c = entry.cases.find((x) => {
      const s = x.expect[principal];
      return typeof s === "number" ? s < 300 : typeof s === "object" && !("redirect" in s) ? true : !!entry.public;
    }) ?? entry.cases[0];
    const body = c.body?.startsWith("@file:") ? fs.readFileSync(c.body.slice(6), "utf8") : c.body;
    // public: anyone may make the valid request (a route without access rule, or one whose rule lets anonymous read)
    const anonymous = c.expect.anonymous;
    const open = !!entry.public || (typeof anonymous === "number" && anonymous < 300);
    return { route: h.route, method: h.method, url: c.url.replaceAll("{kommune}", MUNICIPALITIES.egen), headers: c.headers ?? {}, body, principal, public: open, nextAuth: h.route.startsWith("/api/auth/") };
  });
}

/** `perTarget` seeded malformed requests for each target (plus the oversized ones). */
export function fuzzRequests(targets: readonly Target[], perTarget: number, seed: number): FuzzRequest[] {
  const out: FuzzRequest[] = [];
  for (const t of targets) {
    const rng = new Rng(seed ^ [...t.route + t.method].reduce((h, ch) => Math.imul(h ^ ch.charCodeAt(0), 16777619), 2166136261));
    const pick = <T>(xs: readonly T[]): T => xs[rng.int(xs.length)];
    const [path, query = ""] = t.url.split("?");
    const params = [...new URLSearchParams(query)];
    // a CORS preflight (OPTIONS) reads neither path parameters, query nor body and answers 204 without a body: junk
    // there may get that 204
    const strict = (a: Allowed): Allowed => (t.nextAuth ? "<500" : t.method === "OPTIONS" && a !== "<500" ? "<500" : a);
    const add = (mutation: string, r: Partial<FuzzRequest> & { allowed: Allowed }) =>
      out.push({ target: `${t.method} ${t.route}`, mutation, method: t.method, url: t.url, principal: t.principal, headers: { ...t.headers }, body: t.body, ...r, allowed: strict(r.allowed) });
    // an API reads its query (strictly); a download of the annual report reads only its path
    const reads = t.method !== "GET" ? "body" : t.route.startsWith("/api/") ? "query" : "path";
    const mutations: (() => void)[] = [
      () => add("forkert metode", { method: pick(WRONG_METHODS[t.method] ?? ["DELETE"]), allowed: "4xx" }),
      () => {
        const v = pick(NASTY);
        const k = params.length ? pick(params)[0] : "kommune";
        const q = new URLSearchParams(params.filter(([x]) => x !== k));
        q.append(k, v);
        add(`ondsindet værdi i ${k}`, { url: `${path}?${q}`, allowed: reads === "query" ? "4xx" : "2xx|4xx" });
      },
      () => add("ukendt parameter", { url: `${t.url}${query ? "&" : "?"}${encodeURIComponent(pick(["x", "constructor", "toString", "kommune[]", "a[b][c]", "ÆØÅ", "😀"]))}=${encodeURIComponent(pick(NASTY))}`, allowed: reads === "query" ? "4xx" : "2xx|4xx" }),
      // Next.js's own query parsing (searchParamsToUrlQuery, a plain object) drops a __proto__ parameter before the route sees it
      () => add("__proto__-parameter", { url: `${t.url}${query ? "&" : "?"}__proto__=${encodeURIComponent(pick(NASTY))}`, allowed: "2xx|4xx" }),
      () => add("gentaget parameter", { url: `${t.url}${query ? "&" : "?"}${params.length ? `${pick(params)[0]}=${pick(["101", "563", "x"])}` : "kommune=101&kommune=751"}`, allowed: reads === "query" ? "4xx" : "2xx|4xx" }),
      () => add("ugyldig procentkodning", { url: `${path}?${pick(["%E0%A4%A", "%zz=1", "kommune=%", "%%%", "a=%C0%AF", "kommune=%u0037"])}`, allowed: reads === "query" ? "4xx" : "2xx|4xx" }),
      () => add("kæmpe forespørgselsstreng", { url: `${path}?${Array.from({ length: rng.intBetween(200, 3000) }, (_, i) => `p${i}=${"x".repeat(rng.intBetween(1, 30))}`).join("&")}`, allowed: reads === "query" ? "4xx" : "2xx|4xx" }),
      () => {
        const b = pick(JUNK_BODIES);
        add("ugyldig krop", { body: typeof b === "function" ? b() : b, headers: { ...t.headers, "content-type": t.headers["content-type"] ?? "application/json" }, method: t.method === "GET" ? "POST" : t.method, allowed: "4xx" });
      },
      () => add("binært affald", { body: Uint8Array.from({ length: rng.intBetween(1, 5000) }, () => rng.int(256)), headers: { ...t.headers, "content-type": pick(["application/json", "application/fhir+json", "application/octet-stream"]) }, method: t.method === "GET" ? "POST" : t.method, allowed: "4xx" }),
      () => {
        const type = pick(CONTENT_TYPES);
        // only a parameter differs (e.g. a charset on application/json): the route reads the body as before
        const sameMediaType = type.split(";")[0] === (t.headers["content-type"] ?? "").split(";")[0];
        add("forkert indholdstype", { headers: { ...t.headers, "content-type": type }, allowed: reads === "body" && !sameMediaType ? "4xx" : "2xx|4xx" });
      },
      () => add("ugyldigt adgangstoken", { principal: "anonymous", headers: { ...t.headers, authorization: pick(BAD_AUTH) }, allowed: t.public ? "2xx|4xx" : "4xx" }),
      () => add("ugyldig sessionscookie", { principal: "anonymous", headers: { ...t.headers, cookie: pick(BAD_COOKIES) }, allowed: t.public ? "2xx|4xx" : "4xx" }),
      () => add("sessionscookie og token byttet om", { principal: "anonymous", headers: { ...t.headers, ...(t.principal === "gateway" ? { cookie: "next-auth.session-token=x" } : { authorization: "Bearer not-a-token" }) }, allowed: t.public ? "2xx|4xx" : "4xx" }),
      () => add("støj i et ulæst hoved", { headers: { ...t.headers, [pick(["x-forwarded-host", "x-middleware-subrequest", "x-forwarded-for", "accept", "x-junk"])]: pick(["evil.example", "middleware:middleware:middleware", "1.1.1.1, ::1", "*/*;q=garbage", "æøå"]) }, allowed: "2xx|4xx" }),
      () => add("overstort hoved", { headers: { ...t.headers, "x-junk": "x".repeat(rng.intBetween(20_000, 60_000)) }, allowed: "4xx" }),
      () => add("sti-traversering", { url: `${path}${pick(PATH_SUFFIXES)}${query ? `?${query}` : ""}`, allowed: "4xx|308" }),
    ];
    for (let i = 0; i < perTarget; i++) mutations[i < mutations.length ? i : rng.int(mutations.length)]();
    // above the receiver's 10 MiB limit, once per FHIR endpoint
    if (t.route.startsWith("/fhir/")) add("krop over 10 MiB", { body: " ".repeat(11 * 1024 * 1024), allowed: "4xx" });
  }
  return out;
}
