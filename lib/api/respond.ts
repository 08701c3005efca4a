/** Responses shared by the JSON API routes. */
import type { ViewPayload } from "@/lib/queries/view-cache";

const payloads = new WeakMap<Response, ViewPayload<unknown>>();

/**
 * A cached view payload as a private JSON response (current results depend on the viewer: never stored by shared
 * caches), serialised once per payload. (Next.js compresses it as any response; it drops a route's own
 * Content-Encoding, so pre-compressed bytes cannot be sent from a route — the app process's direct path can.)
 */
export function viewJson(payload: ViewPayload<unknown>): Response {
  const response = new Response(payload.json(), { headers: { "Content-Type": "application/json", "Cache-Control": "private, no-store" } });
  payloads.set(response, payload);
  return response;
}

/** The payload a response of viewJson carries, for sending its stored compressed bytes; undefined for any other. */
export function viewPayloadOf(response: Response): ViewPayload<unknown> | undefined {
  return payloads.get(response);
}
