/**
 * Validation of every parameter of the open data API (zod), with Danish messages. Well-formed values that name
 * nothing (an indicator id not in the catalog, a year without a published report) are not errors here: the routes
 * answer 404 for them.
 */
import { z } from "zod";
import { BREAKDOWNS } from "@/lib/indicators/aggregate";
import { parsePeriod } from "@/lib/indicators/periods";

export const AREA_LEVELS = ["nation", "region", "municipality"] as const;
export type ApiAreaLevel = (typeof AREA_LEVELS)[number];

export const INDICATOR_ID_PATTERN = /^LDBU-\d{2}$/;
export const YEAR_PATTERN = /^\d{4}$/;
/** a municipality (3 digits), a region (4 digits) or the nation (DK) */
export const AREA_PATTERN = /^(\d{3}|\d{4}|DK)$/;

/** Breakdown selectors: a whole breakdown ("koen") or one of its values ("koen:female"); "all" is the headline. */
export const BREAKDOWN_SELECTORS: string[] = Object.entries(BREAKDOWNS).flatMap(([name, def]) =>
  name === "all" ? ["all"] : [name, ...Object.keys(def.values).map((v) => `${name}:${v}`)],
);

const once = "skal angives én gang";
const text = (pattern: RegExp, message: string) => z.string({ error: once }).regex(pattern, message);

/** A strict parameter object: an unknown parameter is named in Danish. */
const params = <S extends z.ZodRawShape>(shape: S) =>
  z.strictObject(shape, { error: (iss) => (iss.code === "unrecognized_keys" ? `ukendt parameter: ${iss.keys.join(", ")}` : undefined) });

const period = z
  .string({ error: once })
  .refine((s) => {
    try {
      parsePeriod(s);
      return true;
    } catch {
      return false;
    }
  }, "period skal være en fødselsårgang (fx 2025) eller et skoleår (fx 2025/26)");
const version = text(/^[1-9]\d{0,3}$/, "version skal være et positivt heltal").transform(Number);
const format = z.enum(["json", "csv"], { error: "format skal være json eller csv" });

export const noParams = params({});

export const indicatorPath = z.object({ id: text(INDICATOR_ID_PATTERN, "indikator-id skal have formen LDBU-01") });

export const reportPath = z.object({ year: text(YEAR_PATTERN, "år skal være fire cifre, fx 2025") });
export const reportQuery = params({ version: version.optional() });

export const resultsQuery = params({
  indicator: text(INDICATOR_ID_PATTERN, "indicator skal være et indikator-id, fx LDBU-01"),
  period: period.optional(),
  level: z.enum(AREA_LEVELS, { error: "level skal være nation, region eller municipality" }).optional(),
  area: text(AREA_PATTERN, "area skal være en kommunekode (3 cifre), en regionskode (4 cifre) eller DK").optional(),
  breakdown: z.enum(BREAKDOWN_SELECTORS as [string, ...string[]], { error: `breakdown skal være en af ${BREAKDOWN_SELECTORS.join(", ")}` }).default("all"),
  version: version.optional(),
  format: format.optional(),
})
  .refine((q) => q.version === undefined || q.period !== undefined, { message: "version kræver period (versionen af årsrapporten for den periode)", path: ["version"] })
  .refine((q) => !q.area || !q.level || q.level === levelOfArea(q.area), { message: "area hører ikke til det angivne level", path: ["area"] });

export type ResultsQuery = z.infer<typeof resultsQuery>;

/** The level an area code belongs to, by its form. */
export function levelOfArea(code: string): ApiAreaLevel {
  return code === "DK" ? "nation" : code.length === 4 ? "region" : "municipality";
}

/** Whether a cell's breakdown is selected by a selector ("all", "koen" or "koen:female"). */
export function breakdownSelected(selector: string, breakdown: string, value: string): boolean {
  const [name, one] = selector.split(":");
  return breakdown === name && (one === undefined || value === one);
}
