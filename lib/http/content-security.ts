/**
 * The Content-Security-Policy of the HTML pages (set per request by proxy.ts with a fresh nonce) and the
 * HSTS decision. Next.js puts the nonce on its own scripts and inline bootstrap when it finds it in the
 * request's CSP header, which is why every page renders dynamically (app/layout.tsx).
 */
import { randomBytes } from "node:crypto";

export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

/**
 * Scripts: only those carrying the nonce, and what they load ('strict-dynamic' – Next's chunk loader);
 * no 'unsafe-inline', no 'unsafe-eval' (development needs eval for React's error overlay).
 * Styles: <style>/<link> elements need the nonce or our own origin, and no style *attribute* is allowed
 * (style-src-attr 'none'): nothing the server renders carries one, and the charts style themselves in the
 * browser through the CSSOM (element.style), which CSP does not restrict. Development allows inline styles
 * for React's error overlay.
 * Forms may post to our own origin only; next-auth's sign-in answers the POST with a redirect, which a
 * browser checks against form-action only for a real form navigation – LDBU's login posts with fetch.
 * An external single-sign-on issuer is reached by a redirect, so it is added with LDBU_OIDC_ISSUER.
 */
export function contentSecurityPolicy(nonce: string, opts: { dev?: boolean; formTargets?: string[] } = {}): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(opts.dev ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", ...(opts.dev ? ["'unsafe-inline'"] : [`'nonce-${nonce}'`])],
    ["style-src-attr", opts.dev ? "'unsafe-inline'" : "'none'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'", ...(opts.formTargets ?? [])],
    ["frame-ancestors", "'none'"],
  ];
  return directives.map((d) => d.join(" ")).join("; ");
}

/** Origins a login form may lead to besides our own: the single-sign-on issuer, when one is configured. */
export function formTargets(env: Record<string, string | undefined>): string[] {
  try {
    return env.LDBU_OIDC_ISSUER ? [new URL(env.LDBU_OIDC_ISSUER).origin] : [];
  } catch {
    return [];
  }
}

/** One year; no includeSubDomains, since LDBU cannot know what else runs under the operator's domain. */
export const HSTS = "max-age=31536000";

/**
 * Whether the request came over HTTPS: always when LDBU_HTTPS=1 (TLS ends at a proxy in front of every
 * request), otherwise only by an X-Forwarded-Proto from a trusted proxy.
 */
export function cameOverHttps(env: Record<string, string | undefined>, forwardedProto: string | null, fromTrustedProxy: boolean): boolean {
  if (env.LDBU_HTTPS === "1") return true;
  return fromTrustedProxy && (forwardedProto ?? "").split(",")[0].trim().toLowerCase() === "https";
}
