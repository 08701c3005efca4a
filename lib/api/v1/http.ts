/**
 * HTTP conventions of the open data API /api/v1 (documented in ./openapi.ts): problem responses (RFC 9457, formerly
 * 7807) with Danish texts, CORS for reading from any site, and caching with strong ETags.
 *
 * Caching: a response pinned to a report version (`version=`) is immutable – published snapshots never change – and
 * is cached for a year; other public responses (the current version, lists) for five minutes. Responses for a
 * logged-in viewer may hold figures the public does not see (SundK reads unsuppressed), so they are private and
 * revalidated every time; their ETag includes the audience, so a cached public answer is never taken for theirs.
 */
import { createHash } from "node:crypto";
import type { z } from "zod";
import { decide } from "@/lib/auth/access";
import { requireApi } from "@/lib/auth/guard";
import type { Viewer } from "@/lib/auth/roles";

/** Bumped when the serialisation of a response changes, so earlier ETags stop matching. */
const SERIALISATION_REVISION = "1";

export const PROBLEM_CONTENT_TYPE = "application/problem+json";
export const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

export const IMMUTABLE = "public, max-age=31536000, immutable";
export const SHORT = "public, max-age=300";
export const PRIVATE = "private, no-cache";

export const CORS_HEADERS: Record<string, string> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "ETag, Content-Disposition",
};

/** Answer to a CORS preflight: GET (and HEAD) from any origin, with the headers conditional requests need. */
export function preflight(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      Allow: "GET, HEAD, OPTIONS",
      "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
      "Access-Control-Allow-Headers": "Accept, If-None-Match",
      "Access-Control-Max-Age": "86400",
    },
  });
}

export type ProblemKind = "invalid-parameter" | "not-found" | "unauthenticated" | "forbidden" | "unavailable";

const PROBLEM_TITLE: Record<ProblemKind, [number, string]> = {
  "invalid-parameter": [400, "Ugyldig forespørgsel"],
  unauthenticated: [401, "Log ind for at se dette"],
  forbidden: [403, "Ingen adgang"],
  "not-found": [404, "Findes ikke"],
  unavailable: [503, "Tjenesten er midlertidigt utilgængelig"],
};

export interface ParameterProblem {
  parameter: string | null;
  message: string;
}

/** An RFC 9457 problem response; `type` is a stable URN per kind of problem. */
export function problem(kind: ProblemKind, detail: string, extra: { problems?: ParameterProblem[] } = {}): Response {
  const [status, title] = PROBLEM_TITLE[kind];
  const headers: Record<string, string> = { ...CORS_HEADERS, "Content-Type": PROBLEM_CONTENT_TYPE, "Cache-Control": "no-store" };
  if (kind === "unavailable") headers["Retry-After"] = "30";
  return new Response(JSON.stringify({ type: `urn:ldbu:problem:${kind}`, title, status, detail, ...extra }), { status, headers });
}

/** 400 listing every invalid parameter (zod issues) in Danish. */
export function invalidParameters(error: z.ZodError): Response {
  const problems = error.issues.map((i) => ({ parameter: i.path.length ? i.path.join(".") : null, message: i.message }));
  return problem("invalid-parameter", `Ugyldige parametre: ${problems.map((p) => (p.parameter ? `${p.parameter}: ${p.message}` : p.message)).join("; ")}.`, { problems });
}

/** URLSearchParams as a plain object for zod; a parameter given twice becomes a list, which the schemas refuse. */
export function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of params) {
    const prev = out[k];
    out[k] = prev === undefined ? v : [...(Array.isArray(prev) ? prev : [prev]), v];
  }
  return out;
}

export interface Reader {
  viewer: Viewer;
  /** "public" for everyone who sees the public (suppressed) figures; otherwise the user, whose answer is private */
  audience: string;
}

/**
 * Authorise a read of published data through the one access-rule module. Every viewer but the gateway client may
 * read; a viewer entitled to unsuppressed published figures (SundK) is its own audience.
 */
export async function authoriseRead(request: Request): Promise<Reader | Response> {
  const auth = await requireApi(request, "read:published");
  if (auth instanceof Response) return problem(auth.status === 401 ? "unauthenticated" : "forbidden", auth.status === 401 ? "Log ind for at se dette." : "Du har ikke adgang til de åbne data med denne identitet.");
  const { viewer } = auth;
  const audience = viewer.kind === "user" && decide(viewer, "read:published").unsuppressed ? `user:${viewer.id}` : "public";
  return { viewer, audience };
}

/** A strong ETag over what identifies a response's content. */
export function etagOf(...parts: unknown[]): string {
  return `"${createHash("sha256").update(JSON.stringify([SERIALISATION_REVISION, ...parts])).digest("base64url").slice(0, 32)}"`;
}

/** Whether If-None-Match matches the ETag (weak comparison, as RFC 9110 prescribes for If-None-Match). */
export function notModified(request: Request, etag: string): boolean {
  const header = request.headers.get("if-none-match");
  if (!header) return false;
  if (header.trim() === "*") return true;
  const bare = (t: string) => t.trim().replace(/^W\//, "");
  return header.split(",").some((t) => bare(t) === bare(etag));
}

export interface CachePolicy {
  etag: string;
  /** the response is pinned to an immutable published version */
  pinned: boolean;
  reader: Reader;
}

function cacheHeaders({ etag, pinned, reader }: CachePolicy): Record<string, string> {
  const cacheControl = reader.audience !== "public" ? PRIVATE : pinned ? IMMUTABLE : SHORT;
  return { ...CORS_HEADERS, ETag: etag, "Cache-Control": cacheControl, Vary: "Accept, Cookie" };
}

/** 304 when the client holds this version of the response, else null. */
export function conditional(request: Request, policy: CachePolicy): Response | null {
  return notModified(request, policy.etag) ? new Response(null, { status: 304, headers: cacheHeaders(policy) }) : null;
}

export function jsonResponse(body: unknown, policy: CachePolicy): Response {
  return new Response(JSON.stringify(body), { headers: { ...cacheHeaders(policy), "Content-Type": JSON_CONTENT_TYPE } });
}

/** A body that is not tied to a report version: short public caching, an ETag over its content, 304 when unchanged. */
export function contentResponse(request: Request, reader: Reader, body: unknown): Response {
  const policy = { etag: etagOf(body, reader.audience), pinned: false, reader };
  return conditional(request, policy) ?? jsonResponse(body, policy);
}

export function csvResponse(body: string, fileName: string, policy: CachePolicy): Response {
  return new Response(body, {
    headers: { ...cacheHeaders(policy), "Content-Type": "text/csv; charset=utf-8; header=present", "Content-Disposition": `attachment; filename="${fileName}"` },
  });
}

/** Unexpected failures (the database away, a bug): a Danish 503 problem without internals; the details go to the log. */
export async function guarded(route: string, handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (e) {
    // Next.js signals (dynamic rendering, not-found) travel as errors with a digest: not failures
    if (e && typeof e === "object" && "digest" in e) throw e;
    console.error(`GET ${route} fejlede:`, e);
    return problem("unavailable", "De åbne data kan ikke hentes lige nu. Prøv igen om lidt.");
  }
}
