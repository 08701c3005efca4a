/** The current viewer on the server (pages, API routes, server actions). */
import { getToken } from "next-auth/jwt";
import { cookies } from "next/headers";
import { cache } from "react";
import { authOptions } from "./options";
import { ANONYMOUS, type Viewer } from "./roles";
import { sessionExpired } from "./session-policy";
import { viewerFromToken } from "./users";

/**
 * Read once per request: React's request memo makes the layout and the page of one render share the lookup (outside a
 * render, e.g. in an API route, every call reads afresh).
 */
export const getViewer = cache(readViewer);

/**
 * The session cookie — never an Authorization header — decrypted and checked (integrity, expiry) by next-auth, under
 * the cookie name next-auth itself uses for NEXTAUTH_URL. Unlike getServerSession this does not re-issue the token and
 * make a CSRF token on every request, which cost the views several per cent; the session still ends SESSION_HOURS
 * after login (session-policy.ts), and role, municipality and deactivation are read fresh from the database.
 */
async function readViewer(): Promise<Viewer> {
  const token = await getToken({ req: { cookies: await cookies(), headers: {} } as unknown as Parameters<typeof getToken>[0]["req"], secret: authOptions.secret });
  if (!token || sessionExpired(token.at)) return ANONYMOUS;
  return (await viewerFromToken(token.uid, token.sv)) ?? ANONYMOUS;
}
