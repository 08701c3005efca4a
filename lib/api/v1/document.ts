/** GET /api/v1/openapi.json – the API's OpenAPI 3.1 description (./openapi.ts). */
import { authoriseRead, contentResponse, guarded } from "./http";
import { OPENAPI_DOCUMENT } from "./openapi";

export function getOpenApi(request: Request): Promise<Response> {
  return guarded("/api/v1/openapi.json", async () => {
    const reader = await authoriseRead();
    if (reader instanceof Response) return reader;
    return contentResponse(request, reader, OPENAPI_DOCUMENT);
  });
}
