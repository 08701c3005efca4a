/** The current viewer on the server (pages, API routes, server actions). */
import { getServerSession } from "next-auth";
import { authOptions } from "./options";
import { ANONYMOUS, type Viewer } from "./roles";
import { sessionExpired } from "./session-policy";
import { viewerFromToken } from "./users";

export async function getViewer(): Promise<Viewer> {
  const session = await getServerSession({
    ...authOptions,
    callbacks: { ...authOptions.callbacks, session: ({ session, token }) => ({ ...session, uid: token.uid, sv: token.sv, at: token.at }) },
  });
  const s = session as { uid?: unknown; sv?: unknown; at?: unknown } | null;
  if (!s || sessionExpired(s.at)) return ANONYMOUS;
  return (await viewerFromToken(s.uid, s.sv)) ?? ANONYMOUS;
}
