/** GET a JSON API route of this app; throws with the route's Danish error message on failure. */
export async function fetchJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: string } | null;
    throw new Error(body?.error ?? `Serveren svarede ${res.status}`);
  }
  return (await res.json()) as T;
}

/** Change the URL's query string without a server round trip (Next.js keeps useSearchParams in step). */
export function pushQuery(query: string) {
  const url = `${window.location.pathname}${query ? `?${query}` : ""}`;
  if (url !== `${window.location.pathname}${window.location.search}`) window.history.pushState(null, "", url);
}
