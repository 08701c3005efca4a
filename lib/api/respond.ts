/** Response options shared by the JSON API routes. */

/** Current results depend on the viewer: never stored by shared caches. */
export const PRIVATE_JSON: ResponseInit = { headers: { "Cache-Control": "private, no-store" } };
