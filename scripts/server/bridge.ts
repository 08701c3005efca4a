/**
 * What the routes served past Next.js (./fhir.ts, ./views.ts) share: the request's headers as a fetch Headers object
 * for the handlers, and the static headers of their data answers (every response's security headers and a CSP that
 * allows nothing — next.config.mjs gives /fhir the same under `next dev`).
 */
import type http from "node:http";
import securityHeaders from "@/lib/http/security-headers.json";

export const DATA_ANSWER_HEADERS = { ...securityHeaders.everyResponse, ...securityHeaders.dataAnswers };

export function headersOf(req: http.IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  return headers;
}
