/** GET /api/v1/openapi.json – the API's OpenAPI 3.1 description (./openapi.ts). */
import { authoriseRead, contentResponse, guarded, invalidParameters, queryObject } from "./http";
import { OPENAPI_DOCUMENT } from "./openapi";
import { noParams } from "./params";

export function getOpenApi(request: Request): Promise<Response> {
  return guarded("/api/v1/openapi.json", async () => {
    const reader = await authoriseRead(request);
    if (reader instanceof Response) return reader;
    // strict like every API route: a parameter the document does not take is a 400, not silently ignored
    const parsed = noParams.safeParse(queryObject(new URL(request.url).searchParams));
    if (!parsed.success) return invalidParameters(parsed.error);
    return contentResponse(request, reader, OPENAPI_DOCUMENT);
  });
}
