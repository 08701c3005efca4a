/**
 * Request size limits for the JSON API. proxy.ts refuses a declared Content-Length above the limit before
 * any route runs; routes read their body through readJson, which also stops a chunked body at the limit.
 * (/fhir/Bundle has its own 10 MiB limit in lib/ingest/receiver.ts; server actions have Next's
 * serverActions.bodySizeLimit in next.config.mjs.)
 */

export const JSON_BODY_LIMIT = 64 * 1024;

export const TOO_LARGE_MESSAGE = `Forespørgslens indhold er større end grænsen på ${JSON_BODY_LIMIT / 1024} KiB.`;

/** Whether the declared Content-Length exceeds the limit. */
export function declaredTooLarge(headers: Headers, limit = JSON_BODY_LIMIT): boolean {
  const declared = Number(headers.get("content-length") ?? "0");
  return Number.isFinite(declared) && declared > limit;
}

export type JsonBody = { ok: true; value: unknown } | { ok: false; response: Response };

/** The body parsed as JSON, or a ready 413 (too large) / 400 (not JSON) answer in Danish. */
export async function readJson(request: Request, limit = JSON_BODY_LIMIT): Promise<JsonBody> {
  const tooLarge = (): JsonBody => ({ ok: false, response: Response.json({ error: TOO_LARGE_MESSAGE }, { status: 413 }) });
  if (declaredTooLarge(request.headers, limit)) return tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel();
        return tooLarge();
      }
      chunks.push(value);
    }
  }
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString("utf8")) };
  } catch {
    return { ok: false, response: Response.json({ error: "Forespørgslens indhold er ikke gyldig JSON." }, { status: 400 }) };
  }
}
