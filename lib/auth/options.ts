/** next-auth configuration: local accounts (credentials) with JWT sessions. */
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { requestClientAddress } from "@/lib/http/client-address";
import { throttledByAddress } from "./login-throttle";
import { checkCredentials, LoginRefused } from "./users";

const SESSION_HOURS = 8;

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_HOURS * 3600 },
  pages: { signIn: "/login" },
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
  ],
  callbacks: {
    // Only the user id and session version travel in the token; role and municipality are
    // read fresh on the server (lib/auth/session.ts), so changes take effect at once.
    async jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
      }
      return token;
    },
  },
};
