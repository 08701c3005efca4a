/**
 * HTTP caching of the published report pages. A published version never changes, so its pages may be cached by
 * anyone for a year – but only for anonymous readers (a logged-in SundK user sees unsuppressed figures and their own
 * name in the header), only for versions that exist (a 404 must not be cached: the version may be published later),
 * and not for the current-version addresses, which change when a correction is published (those may be stored but
 * must be revalidated). Everything else keeps Next's default (private, no-store).
 */
export const IMMUTABLE = "public, max-age=31536000, immutable";
export const REVALIDATE = "public, no-cache";

export interface CacheFacts {
  /** the request carries no session cookie */
  anonymous: boolean;
  /** "2025/1" for every published (or superseded) version */
  published: ReadonlySet<string>;
  /** the municipality codes */
  municipalities: ReadonlySet<string>;
}

/** The Cache-Control for a report page path, or null to leave the default. */
export function reportPageCacheControl(path: string, facts: CacheFacts): string | null {
  if (!facts.anonymous) return null;
  if (path === "/aarsrapport") return REVALIDATE;
  const m = /^\/aarsrapport\/(\d{4})(?:\/v\/([1-9]\d{0,5}))?(?:\/kommuner\/(\d{3}))?$/.exec(path);
  if (!m) return null;
  const [, year, version, municipality] = m;
  if (municipality !== undefined && !facts.municipalities.has(municipality)) return null;
  if (version === undefined) return REVALIDATE;
  return facts.published.has(`${year}/${version}`) ? IMMUTABLE : null;
}

/** next-auth's session cookie (plain, or __Secure- on https). */
export const hasSessionCookie = (names: readonly string[]) => names.some((n) => /^(__Secure-)?next-auth\.session-token(\.\d+)?$/.test(n));
