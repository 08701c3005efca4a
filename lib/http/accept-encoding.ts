/**
 * Whether a client takes a gzip-compressed answer, from its Accept-Encoding header (RFC 9110 §12.5.3): "gzip",
 * "x-gzip" or "*" with a weight above zero; an explicit "gzip;q=0" refuses it even when "*" would allow it.
 */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const weights = new Map<string, number>();
  for (const part of (Array.isArray(header) ? header.join(",") : (header ?? "")).split(",")) {
    const [coding, ...params] = part.split(";").map((s) => s.trim().toLowerCase());
    if (!coding) continue;
    const q = params.find((p) => p.startsWith("q="));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(coding === "x-gzip" ? "gzip" : coding, Number.isFinite(weight) ? weight : 0);
  }
  const gzip = weights.get("gzip") ?? weights.get("*");
  return gzip !== undefined && gzip > 0;
}
