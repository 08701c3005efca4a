/** next-auth configuration: local accounts (credentials) and, when configured, single sign-on (OIDC), with JWT sessions. */
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { requestClientAddress } from "@/lib/http/client-address";
import { throttledByAddress } from "./login-throttle";
import { SESSION_HOURS, sessionSecret } from "./session-policy";
import { admitSsoSignIn, ssoProviders } from "./sso";
import { checkCredentials, endSessions, LoginRefused } from "./users";

export const authOptions: NextAuthOptions = {
  secret: sessionSecret(),
  session: { strategy: "jwt", maxAge: SESSION_HOURS * 3600 },
  // Every login error, also from the identity provider, lands on /login with a Danish message.
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "LDBU-konto",
      credentials: { username: { label: "Brugernavn", type: "text" }, password: { label: "Adgangskode", type: "password" } },
      async authorize(credentials, req) {
        const username = String(credentials?.username ?? "").trim().toLowerCase();
        const password = String(credentials?.password ?? "");
        if (!username || !password) throw new Error("Udfyld brugernavn og adgangskode.");
        try {
          const address = requestClientAddress(req.headers ?? {});
          const { id, sessionVersion } = await throttledByAddress(address, () => checkCredentials(username, password));
          return { id: String(id), name: username, sessionVersion };
        } catch (e) {
          if (e instanceof LoginRefused) throw new Error(e.message);
          throw new Error("Login er ikke muligt lige nu. Prøv igen senere.");
        }
      },
    }),
    ...ssoProviders(),
  ],
  callbacks: {
    signIn: ({ user, account, profile }) => (account?.type === "oauth" ? admitSsoSignIn(user, account, profile) : true),
    // Only the user id and session version travel in the token; role and municipality are
    // read fresh on the server (lib/auth/session.ts), so changes take effect at once.
    async jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        token.at = Date.now(); // login time: caps the session (session-policy.ts)
      }
      return token;
    },
  },
  // Logging out ends the user's sessions on the server too, so a copied session cookie stops working.
  events: { signOut: ({ token }) => endSessions(token?.uid, token?.sv) },
};
