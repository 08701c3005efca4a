/** The current viewer on the server: pages and server actions (getViewer), API routes (requestViewer). */
import { getToken } from "next-auth/jwt";
import { cookies } from "next/headers";
import { NextRequest } from "next/server";
import { cache } from "react";
import { ANONYMOUS, type Viewer } from "./roles";
import { sessionExpired, sessionSecret } from "./session-policy";
import { viewerFromToken } from "./users";

/**
 * The viewer of the page or server action being served. Read once per request: React's request memo makes the layout
 * and the page of one render share the lookup (outside a render, e.g. in a server action, every call reads afresh).
 */
export const getViewer = cache(async () => viewerOf(await cookies()));

/**
 * The viewer of an API request, from the request's own cookies: the same check as getViewer, and it needs no Next.js
 * request context, so the app process can serve the view APIs past Next.js (scripts/server/views.ts).
 */
export function requestViewer(request: Request): Promise<Viewer> {
  return viewerOf((request instanceof NextRequest ? request : new NextRequest(request.url, { headers: request.headers })).cookies);
}

type Cookies = Pick<NextRequest["cookies"], "getAll">;

/**
 * The session cookie — never an Authorization header — decrypted and checked (integrity, expiry) by next-auth, under
 * the cookie name next-auth itself uses for NEXTAUTH_URL. Unlike getServerSession this does not re-issue the token and
 * make a CSRF token on every request, which cost the views several per cent; the session still ends SESSION_HOURS
 * after login (session-policy.ts), and role, municipality and deactivation are read fresh from the database.
 */
async function viewerOf(cookies: Cookies): Promise<Viewer> {
  const token = await getToken({ req: { cookies, headers: {} } as unknown as Parameters<typeof getToken>[0]["req"], secret: sessionSecret() });
  if (!token || sessionExpired(token.at)) return ANONYMOUS;
  return (await viewerFromToken(token.uid, token.sv)) ?? ANONYMOUS;
}
