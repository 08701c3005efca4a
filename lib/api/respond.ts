/** Responses shared by the JSON API routes. */
import type { ViewPayload } from "@/lib/queries/view-cache";

/**
 * A cached view payload as a private JSON response (current results depend on the viewer: never stored by shared
 * caches), serialised once per payload. (Next.js compresses it as any response; it drops a route's own
 * Content-Encoding, so pre-compressed bytes cannot be sent from a route.)
 */
export function viewJson(payload: ViewPayload<unknown>): Response {
  return new Response(payload.json(), { headers: { "Content-Type": "application/json", "Cache-Control": "private, no-store" } });
}
