/**
 * A real OpenID Connect provider (the `oidc-provider` package) on a free local port, standing in
 * for a municipality's or SundK's identity provider in the single sign-on tests. Its own login and
 * consent pages (devInteractions) accept any password for the accounts below; `accounts` may be
 * changed between logins to play an IdP administrator changing someone's groups.
 */
import { generateKeyPairSync, randomBytes } from "node:crypto";
import http from "node:http";
import Provider from "oidc-provider";

export type TestClaims = Record<string, unknown>;

export interface TestIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  accounts: Record<string, TestClaims>;
  stop: () => Promise<void>;
}

export async function startTestIdp(opts: { port: number; redirectUri: string; accounts: Record<string, TestClaims> }): Promise<TestIdp> {
  const issuer = `http://127.0.0.1:${opts.port}`;
  const clientId = "ldbu-test";
  const clientSecret = randomBytes(24).toString("base64url");
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const accounts = structuredClone(opts.accounts);
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [opts.redirectUri], response_types: ["code"], grant_types: ["authorization_code"] }],
    claims: { openid: ["sub"], profile: ["name", "given_name", "family_name"], ldbu: ["ldbu_rolle", "kommunekode"] },
    // Role and municipality travel in the ID token, as the LDBU client reads them there.
    conformIdTokenClaims: false,
    pkce: { required: () => true, methods: ["S256"] },
    jwks: { keys: [{ ...privateKey.export({ format: "jwk" }), kid: "test", use: "sig", alg: "RS256" }] },
    cookies: { keys: [randomBytes(32).toString("hex")] },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx, id) {
      if (!accounts[id]) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...accounts[id] }) };
    },
  });
  const server = http.createServer(provider.callback());
  await new Promise<void>((resolve) => server.listen(opts.port, "127.0.0.1", resolve));
  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
