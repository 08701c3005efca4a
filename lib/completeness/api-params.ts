/**
 * Strict validation (zod) of the query parameters of the completeness and Fejlliste API routes. Unlike the pages
 * (./url-state.ts, lenient), the API answers 400 with the problems when a parameter is unknown or malformed.
 */
import { z } from "zod";
import { perObject } from "@/lib/views/memo";
import { VISITS } from "./items";
import { MUNICIPALITY_PATTERN, RULE_PATTERN, SORT_KEY_PATTERN, WORKLIST_MUNICIPALITY_PATTERN, WORKLIST_VIEWS, YEAR_PATTERN } from "./url-state";
import { MEASURE_KEYS, SORT_DIRECTIONS } from "./views";

type Domain = { regions: readonly string[]; municipalities: readonly string[] };

/** The schemas for a domain, built once per domain object (building zod schemas costs more than using them). */
export const completenessSchemas = perObject(buildCompletenessSchemas);

function buildCompletenessSchemas(domain: Domain) {
  const periode = z.string().regex(YEAR_PATTERN, "periode skal være et årstal, fx 2024").transform(Number);
  const kommune = z.string().refine((k) => MUNICIPALITY_PATTERN.test(k) && domain.municipalities.includes(k), "kommune skal være en af de 98 kommunekoder (3 cifre)");
  const overview = z.strictObject({
    periode: periode.optional(),
    maal: z.enum(MEASURE_KEYS, { error: "maal skal være daekning, variabler eller rettidighed" }).default("daekning"),
    region: z.enum(domain.regions as [string, ...string[]], { error: "ukendt region" }).optional(),
    sort: z.string().regex(SORT_KEY_PATTERN, "ugyldig sortering").default("navn"),
    retning: z.enum(SORT_DIRECTIONS, { error: "retning skal være stigende eller faldende" }).default("stigende"),
    kommune: kommune.optional(),
  });
  const csv = overview.extend({ tabel: z.enum(["oversigt", "kommune"], { error: "tabel skal være oversigt eller kommune" }).default("oversigt") });
  return { overview, csv };
}

export const worklistSchema = z.strictObject({
  kommune: z.string().regex(WORKLIST_MUNICIPALITY_PATTERN, "kommune skal være en 3-cifret kommunekode eller 'ukendt'").optional(),
  visning: z.enum(WORKLIST_VIEWS, { error: "visning skal være afviste, mangler eller sene" }).default("afviste"),
  periode: z.string().regex(YEAR_PATTERN, "periode skal være et årstal, fx 2024").transform(Number).optional(),
  besoeg: z.enum(VISITS.map((v) => v.key) as [string, ...string[]], { error: "ukendt besøgstype" }).optional(),
  regel: z.string().regex(RULE_PATTERN, "ugyldigt regel-id").optional(),
  side: z.coerce.number({ error: "side skal være et tal" }).int("side skal være et helt tal").min(1, "side skal være mindst 1").max(100_000).default(1),
});

export const worklistCsvSchema = worklistSchema.omit({ side: true });
