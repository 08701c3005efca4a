/** The current viewer on the server (pages, API routes, server actions). */
import { getServerSession } from "next-auth";
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

async function readViewer(): Promise<Viewer> {
  const session = await getServerSession({
    ...authOptions,
    callbacks: { ...authOptions.callbacks, session: ({ session, token }) => ({ ...session, uid: token.uid, sv: token.sv, at: token.at }) },
  });
  const s = session as { uid?: unknown; sv?: unknown; at?: unknown } | null;
  if (!s || sessionExpired(s.at)) return ANONYMOUS;
  return (await viewerFromToken(s.uid, s.sv)) ?? ANONYMOUS;
}
