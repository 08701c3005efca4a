/**
 * Strict validation of the JSON API's query parameters (zod). Unlike the pages (./url-state.ts, lenient), the API
 * answers 400 with the problems when a parameter is missing, unknown or malformed. Parameter names are the pages'.
 */
import { z } from "zod";
import { perObject } from "./memo";
import { MAP_MODES, MUNICIPALITY_PATTERN, PERIOD_PATTERN, SORT_DIRECTIONS, SORT_KEYS, type StateDomain } from "./url-state";

/** The schemas for a domain, built once per domain object (building zod schemas costs more than using them). */
export const apiSchemas = perObject(buildApiSchemas);

function buildApiSchemas(domain: StateDomain) {
  const indikator = z.enum(domain.indicators as [string, ...string[]], { error: "ukendt indikator" });
  const periode = z.string().regex(PERIOD_PATTERN, "periode skal være fx 2024 eller 2024/25");
  const region = z.enum(domain.regions as [string, ...string[]], { error: "ukendt region" });
  const opdeling = z.enum(domain.breakdowns as [string, ...string[]], { error: "ukendt opdeling" }).default("all");
  const kommune = z.string().regex(MUNICIPALITY_PATTERN, "kommune skal være en 3-cifret kommunekode");

  const results = z.strictObject({ indikator, periode: periode.optional(), region: region.optional(), opdeling });
  const series = z.strictObject({ indikator, kommune, opdeling });
  const profile = z.strictObject({ kommune });
  // the CSV export takes the view's own URL state (sorting and map mode included, so a page's link can be reused)
  const exportCompare = results.extend({
    visning: z.literal("sammenlign"),
    sort: z.enum(SORT_KEYS).optional(),
    retning: z.enum(SORT_DIRECTIONS).optional(),
    kort: z.enum(MAP_MODES).optional(),
  });
  const exportSeries = series.extend({ visning: z.literal("udvikling") });
  const exportProfile = profile.extend({ visning: z.literal("kommuneprofil") });
  const exportOverview = z.strictObject({ visning: z.literal("forside") });
  const csvExport = z.discriminatedUnion("visning", [exportCompare, exportSeries, exportProfile, exportOverview]);
  // a chart drawn in the browser: of a view of current results, or of a version of a published annual report
  const image = {
    diagram: z.string().regex(/^[A-Za-z0-9-]{1,40}$/),
    format: z.enum(["png", "svg"]),
    adresse: z.string().max(500).regex(/^\/[^\s]*$/),
  };
  const imageExport = z.discriminatedUnion("visning", [
    z.strictObject({ visning: z.enum(["forside", "kommuneprofil", "sammenlign", "udvikling"]), ...image }),
    z.strictObject({ visning: z.literal("aarsrapport"), aar: z.number().int().min(1990).max(2100), version: z.number().int().min(1).max(10_000), ...image }),
  ]);
  return { results, series, profile, csvExport, imageExport };
}

/**
 * URLSearchParams as a plain object for zod. A parameter given more than once keeps all its values (an array), so the
 * schema refuses it: which of `?kommune=751&kommune=101` counts must never depend on who reads it. The object has no
 * prototype, so names such as `constructor` are ordinary (unknown) parameters.
 */
export function searchParamsObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null);
  for (const [k, v] of params) {
    const seen = out[k];
    out[k] = seen === undefined ? v : [...(Array.isArray(seen) ? seen : [seen]), v];
  }
  return out;
}

/** zod's own (English) messages in Danish; the schemas' Danish messages pass through. */
function problems(issue: z.core.$ZodIssue): { parameter: string | null; besked: string }[] {
  const parameter = issue.path.join(".") || null;
  if (issue.code === "unrecognized_keys") return issue.keys.map((k) => ({ parameter: k, besked: "ukendt parameter" }));
  if (issue.code === "invalid_type" && /received array/.test(issue.message)) return [{ parameter, besked: "parameteren må kun angives én gang" }];
  if (issue.code === "invalid_type" && /received undefined/.test(issue.message)) return [{ parameter, besked: "parameteren mangler" }];
  if (issue.code === "invalid_type") return [{ parameter, besked: `forkert type (forventede ${issue.expected})` }];
  return [{ parameter, besked: issue.message }];
}

/** A 400 body listing the problems in Danish. */
export function badRequest(error: z.ZodError): Response {
  return Response.json({ error: "Ugyldige parametre", problemer: error.issues.flatMap(problems) }, { status: 400 });
}
