/**
 * The audit-log search (URL state of /admin/audit and its CSV export): user, action, resource, municipality, date
 * range (Danish days, inclusive) and page. Validated with zod; the page ignores a bad value and says why, the CSV
 * route answers 400.
 */
import { z } from "zod";
import { parseLenientFilter } from "@/lib/views/search-params";
import type { AuditAction } from "./index";

export const AUDIT_ACTIONS: { value: AuditAction; label: string }[] = [
  { value: "view", label: "Visning" },
  { value: "export", label: "Eksport" },
  { value: "admin", label: "Administration" },
  { value: "comment", label: "Kommentar" },
  { value: "login", label: "Login" },
];

const isoDay = (label: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label} skal være en dato (ÅÅÅÅ-MM-DD).`)
    .refine((s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
    }, `${label} er ikke en gyldig dato.`);

export const FIELDS = {
  bruger: z.string().trim().toLowerCase().min(1).max(100, "Brugernavnet er for langt."),
  handling: z.enum(AUDIT_ACTIONS.map((a) => a.value) as [AuditAction, ...AuditAction[]], { error: "Ukendt handling." }),
  ressource: z.string().trim().min(1).max(100, "Ressourcen er for lang.").regex(/^[\p{L}\p{N}/_.:-]+$/u, "Ressourcen må kun indeholde bogstaver, tal og / _ . : -"),
  kommune: z.string().regex(/^\d{3}$/, "Kommunen skal være en 3-cifret kommunekode."),
  fra: isoDay("Fra-datoen"),
  til: isoDay("Til-datoen"),
  side: z.coerce.number({ error: "Siden skal være et tal." }).int("Siden skal være et helt tal.").min(1, "Siden skal være 1 eller mere.").max(10_000),
};

export type AuditFilter = { [K in keyof typeof FIELDS]?: z.infer<(typeof FIELDS)[K]> };

const ordered = (f: AuditFilter) => !f.fra || !f.til || f.fra <= f.til;
const ORDER_MESSAGE = "Fra-datoen skal ligge før til-datoen.";

/** Strict: for the CSV route (unknown or malformed parameters → 400). */
export const auditFilterSchema = z
  .strictObject(Object.fromEntries(Object.entries(FIELDS).map(([k, s]) => [k, s.optional()])) as { [K in keyof typeof FIELDS]: z.ZodOptional<(typeof FIELDS)[K]> })
  .refine(ordered, { message: ORDER_MESSAGE, path: ["til"] });

/** Lenient: for the page. Each bad value is dropped with its Danish problem; empty values mean "any". */
export function parseAuditFilter(sp: Record<string, string | string[] | undefined>): { filter: AuditFilter; problems: string[] } {
  const { filter: f, problems } = parseLenientFilter(FIELDS, sp);
  if (!ordered(f)) {
    problems.push(ORDER_MESSAGE);
    delete f.til;
  }
  return { filter: f, problems };
}

/** The filter as a query string, in a fixed order (links, paging, CSV). */
export function serializeAuditFilter(f: AuditFilter): string {
  const p = new URLSearchParams();
  for (const key of Object.keys(FIELDS) as (keyof AuditFilter)[]) {
    const v = f[key];
    if (v !== undefined && !(key === "side" && v === 1)) p.set(key, String(v));
  }
  return p.toString();
}
