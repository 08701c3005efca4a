/**
 * What SundK may enter about an organisation (SOR code → municipality), and the list's URL state, validated at the
 * boundary (zod) with Danish messages. A SOR code must pass the very check the receiver applies to a report's
 * custodian (dk-core's `min-digits-sor`), so every code a report can carry can be mapped, and nothing else.
 */
import { z } from "zod";
import { parseLenientFilter } from "@/lib/views/search-params";
import { evaluateNode } from "@/lib/fhir/invariants";

export const isSorCode = (v: string) => evaluateNode("min-digits-sor", v, "fast") === true;

/** No control characters (PostgreSQL text cannot even hold NUL). */
const NO_CONTROL = /^\P{Cc}*$/u;
const SOR_MESSAGE = "SOR-koden skal bestå af mindst 11 cifre og intet andet.";
const sorCode = z.string({ error: "Skriv SOR-koden." }).trim().min(1, "Skriv SOR-koden.").refine(isSorCode, SOR_MESSAGE);
const municipalityCode = z.string({ error: "Vælg en kommune." }).trim().min(1, "Vælg en kommune.").regex(/^\d{3}$/, "Kommunen skal være en 3-cifret kommunekode.");

/** A mapping to create or change. Whether the municipality exists is checked against `municipality` in the transaction. */
export const organisationSchema = z.object({
  sorCode,
  name: z
    .string({ error: "Skriv organisationens navn." })
    .trim()
    .min(1, "Skriv organisationens navn.")
    .max(200, "Navnet må højst have 200 tegn.")
    .regex(NO_CONTROL, "Navnet må ikke indeholde kontroltegn."),
  municipalityCode,
});
export type OrganisationInput = z.infer<typeof organisationSchema>;

export const deleteOrganisationSchema = z.object({ sorCode });

// ---------------------------------------------------------------- the list's URL state (lenient, as the audit log's)

const FIELDS = {
  kommune: z.string().regex(/^\d{3}$/, "Kommunen skal være en 3-cifret kommunekode."),
  soeg: z.string().max(100, "Søgningen må højst have 100 tegn.").regex(NO_CONTROL, "Søgningen må ikke indeholde kontroltegn."),
  /** the SOR code the form is filled in with (a row's "Ret", an unmapped code's "Knyt til kommune") */
  sor: z.string().refine(isSorCode, "SOR-koden i adressen skal bestå af mindst 11 cifre og intet andet."),
};

export type OrganisationFilter = { [K in keyof typeof FIELDS]?: z.infer<(typeof FIELDS)[K]> };

/** Each bad value is dropped with its Danish problem (a shared link never breaks the page); empty values mean "any". */
export function parseOrganisationFilter(sp: Record<string, string | string[] | undefined>): { filter: OrganisationFilter; problems: string[] } {
  return parseLenientFilter(FIELDS, sp);
}

/** The filter as a query string, in a fixed order. */
export function serializeOrganisationFilter(f: OrganisationFilter): string {
  const p = new URLSearchParams();
  for (const key of Object.keys(FIELDS) as (keyof OrganisationFilter)[]) if (f[key]) p.set(key, f[key]);
  return p.toString();
}
