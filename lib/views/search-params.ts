import type { z } from "zod";

/** Next.js page searchParams as a query string (first value of each name), e.g. for the login callback. */
export function queryString(params: Readonly<Record<string, string | readonly string[] | undefined>>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    const first = typeof v === "string" ? v : v?.[0];
    if (first !== undefined) p.set(k, first);
  }
  const s = p.toString();
  return s ? `?${s}` : "";
}

/**
 * A list page's filter from its searchParams, leniently: each field's first value is validated by its schema; a bad
 * value is dropped with its Danish problem (a shared link never breaks the page); empty values mean "any".
 */
export function parseLenientFilter<F extends Record<string, z.ZodType>>(
  fields: F,
  sp: Readonly<Record<string, string | readonly string[] | undefined>>,
): { filter: { [K in keyof F]?: z.infer<F[K]> }; problems: string[] } {
  const filter: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, schema] of Object.entries(fields)) {
    const raw = sp[key];
    const value = (typeof raw === "string" ? raw : raw?.[0])?.trim();
    if (!value) continue;
    const r = schema.safeParse(value);
    if (r.success) filter[key] = r.data;
    else problems.push(r.error.issues[0].message);
  }
  return { filter: filter as { [K in keyof F]?: z.infer<F[K]> }, problems };
}
