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
