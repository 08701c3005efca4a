/**
 * Runs before every page and API route (not /fhir/Bundle, whose gateway authenticates by bearer token and
 * whose bodies must not be buffered here, nor static files): refuses oversized and cross-site
 * state-changing API requests, and gives every response a Content-Security-Policy with a fresh nonce
 * (and HSTS when the request came over HTTPS); the published annual-report pages get their cache headers
 * (lib/aarsrapport/cache-policy.ts). The static headers are in next.config.mjs.
 */
import { NextResponse, type NextRequest } from "next/server";
import { cacheFacts } from "@/lib/aarsrapport/cache-facts";
import { hasSessionCookie, reportPageCacheControl } from "@/lib/aarsrapport/cache-policy";
import { declaredTooLarge, TOO_LARGE_MESSAGE } from "@/lib/http/body";
import { cameOverHttps, contentSecurityPolicy, formTargets, HSTS, newNonce } from "@/lib/http/content-security";
import { fromTrustedProxy } from "@/lib/http/client-address";
import { CROSS_SITE_MESSAGE, crossSiteReason, ownHosts } from "@/lib/http/csrf";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (!SAFE_METHODS.has(request.method)) {
    if (pathname.startsWith("/api/") && declaredTooLarge(request.headers)) return Response.json({ error: TOO_LARGE_MESSAGE }, { status: 413 });
    // next-auth guards its own POSTs with a CSRF token (and an OIDC callback may be posted by the issuer).
    if (!pathname.startsWith("/api/auth/")) {
      const reason = crossSiteReason(request.method, request.headers, ownHosts(request.headers.get("host"), process.env.NEXTAUTH_URL));
      if (reason) {
        console.warn(`[csrf] afviste ${request.method} ${pathname} (${reason})`);
        return Response.json({ error: CROSS_SITE_MESSAGE }, { status: 403 });
      }
    }
  }

  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", formTargets: formTargets(process.env) });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  if (cameOverHttps(process.env, request.headers.get("x-forwarded-proto"), fromTrustedProxy(request.headers)))
    response.headers.set("strict-transport-security", HSTS);
  if (pathname === "/aarsrapport" || pathname.startsWith("/aarsrapport/")) await setReportCaching(request, response);
  return response;
}

/** Published report versions are immutable: their pages may be cached hard (React Server Component payloads excepted). */
async function setReportCaching(request: NextRequest, response: NextResponse) {
  if (request.method !== "GET" || request.headers.has("rsc")) return;
  try {
    const anonymous = !hasSessionCookie(request.cookies.getAll().map((c) => c.name));
    const policy = reportPageCacheControl(request.nextUrl.pathname, { anonymous, ...(await cacheFacts()) });
    if (policy) {
      response.headers.set("Cache-Control", policy);
      response.headers.set("Vary", "Cookie");
    }
  } catch {
    // without the facts the page is simply not cached
  }
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|fhir/).*)"],
};
