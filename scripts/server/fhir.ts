/**
 * POST /fhir/Bundle and /fhir/Bundle/$validate served by the receiver (lib/ingest/receiver.ts) straight from the
 * app process's HTTP server, past Next.js: the gateway's reports are the server's hot path, and Next's request
 * machinery (routing, async context, stream bridging) cost about as much CPU as validating and storing a report.
 * Same handler and answers as the app route app/fhir/Bundle (which serves them under `next dev`), with the security
 * headers next.config.mjs gives /fhir. Every other request goes to Next.js. The answers (OperationOutcomes of a few
 * hundred bytes) go uncompressed: gzip set-up per answer cost ~9 % of the throughput, to save bytes that do not matter.
 */
import type http from "node:http";
import { Readable } from "node:stream";
import { internalError, receive } from "@/lib/ingest/receiver";
import { DATA_ANSWER_HEADERS, headersOf } from "./bridge";

const MODES = new Map<string, "store" | "validate">([["/fhir/Bundle", "store"], ["/fhir/Bundle/$validate", "validate"]]);

/** The receiver's mode for a request it serves, or null for Next.js. */
export function fhirMode(req: http.IncomingMessage): "store" | "validate" | null {
  if (req.method !== "POST" || !req.url?.startsWith("/fhir/")) return null;
  try {
    return MODES.get(decodeURIComponent(req.url.split("?")[0])) ?? null;
  } catch {
    return null; // a malformed escape: Next.js answers it
  }
}

export async function serveFhir(req: http.IncomingMessage, res: http.ServerResponse, mode: "store" | "validate"): Promise<void> {
  let response: Response;
  try {
    // the receiver reads only headers and body; the URL is fixed (a Host header is the client's to choose)
    const request = new Request("http://ldbu.invalid/fhir/Bundle", { method: "POST", headers: headersOf(req), body: Readable.toWeb(req) as ReadableStream, duplex: "half" } as RequestInit);
    response = await receive(request, mode);
  } catch (e) {
    console.error("[fhir] uventet fejl", (e as Error)?.message); // receive answers its own errors; this is the bridge failing
    response = internalError();
  }
  const body = Buffer.from(await response.arrayBuffer());
  if (res.headersSent || res.destroyed) return;
  res.writeHead(response.status, { ...Object.fromEntries(response.headers), ...DATA_ANSWER_HEADERS, "content-length": body.length });
  res.end(body);
}
