/**
 * The dashboards' JSON calls (GET /api/results, /api/series, /api/profile, /api/datakomplethed) served by their own
 * handlers straight from the app process's HTTP server, past Next.js, as ./fhir.ts does for the reports. The handlers
 * authorise, validate, read through the view cache and audit exactly as under Next.js (which serves the same routes
 * under `next dev` and for every other method); a cached view goes out as its payload's stored gzip bytes. Next's
 * route machinery alone allowed about 300 calls/s on two cores — less than the cached views themselves.
 *
 * The answers carry what Next.js and proxy.ts would give them: the static security headers, a CSP (one that allows
 * nothing: JSON is not a page), HSTS under proxy.ts's rule, Vary: Accept-Encoding.
 */
import type http from "node:http";
import { NextRequest } from "next/server";
import { getProfile } from "@/lib/api/profile";
import { viewPayloadOf } from "@/lib/api/respond";
import { getResults } from "@/lib/api/results";
import { getSeries } from "@/lib/api/series";
import { getCompleteness } from "@/lib/completeness/http";
import { acceptsGzip } from "@/lib/http/accept-encoding";
import { fromTrustedProxy } from "@/lib/http/client-address";
import { cameOverHttps, HSTS } from "@/lib/http/content-security";
import { DATA_ANSWER_HEADERS, headersOf } from "./bridge";

type Handler = (request: Request) => Promise<Response>;

const ROUTES = new Map<string, Handler>([
  ["/api/results", getResults],
  ["/api/series", getSeries],
  ["/api/profile", getProfile],
  ["/api/datakomplethed", getCompleteness],
]);

/** The handler for a request served here, or null for Next.js. */
export function viewRoute(req: http.IncomingMessage): Handler | null {
  if (req.method !== "GET" || !req.url?.startsWith("/api/")) return null;
  const q = req.url.indexOf("?");
  return ROUTES.get(q < 0 ? req.url : req.url.slice(0, q)) ?? null;
}

export async function serveView(req: http.IncomingMessage, res: http.ServerResponse, handler: Handler): Promise<void> {
  const headers = headersOf(req);
  let response: Response;
  try {
    // the handlers read path, query, cookies and headers; the host is fixed (a Host header is the client's to choose)
    response = await handler(new NextRequest(`http://ldbu.invalid${req.url}`, { headers }));
  } catch (e) {
    console.error(`[api] GET ${req.url?.split("?")[0]} fejlede:`, (e as Error)?.message);
    response = Response.json({ error: "Der opstod en uventet fejl. Prøv igen om lidt." }, { status: 500 });
  }
  const payload = viewPayloadOf(response);
  const gzip = payload !== undefined && acceptsGzip(req.headers["accept-encoding"]);
  const body = payload ? (gzip ? payload.gzip() : Buffer.from(payload.json())) : Buffer.from(await response.arrayBuffer());
  if (res.headersSent || res.destroyed) return;
  const https = cameOverHttps(process.env, headers.get("x-forwarded-proto"), fromTrustedProxy(headers));
  res.writeHead(response.status, {
    ...Object.fromEntries(response.headers),
    ...DATA_ANSWER_HEADERS,
    ...(https ? { "Strict-Transport-Security": HSTS } : {}),
    ...(gzip ? { "Content-Encoding": "gzip" } : {}),
    Vary: "Accept-Encoding",
    "Content-Length": body.length,
  });
  res.end(body);
}
