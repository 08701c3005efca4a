/** Cache headers for the published annual-report pages (lib/aarsrapport/cache-policy.ts); every other request passes untouched. */
import { NextResponse, type NextRequest } from "next/server";
import { cacheFacts } from "@/lib/aarsrapport/cache-facts";
import { hasSessionCookie, reportPageCacheControl } from "@/lib/aarsrapport/cache-policy";

export async function proxy(request: NextRequest) {
  const response = NextResponse.next();
  // React Server Component payloads (client navigation) vary by router headers; leave them to Next.
  if (request.method !== "GET" || request.headers.has("rsc")) return response;
  try {
    const anonymous = !hasSessionCookie(request.cookies.getAll().map((c) => c.name));
    const policy = reportPageCacheControl(request.nextUrl.pathname, { anonymous, ...(await cacheFacts()) });
    // (Next sets the page's Vary itself, so a shared cache keys these by address only: it could hand the public page
    // to a logged-in reader, never the other way round – logged-in pages are not marked cacheable.)
    if (policy) response.headers.set("Cache-Control", policy);
  } catch {
    // without the facts the page is simply not cached
  }
  return response;
}

export const config = { matcher: ["/aarsrapport", "/aarsrapport/:path*"] };
