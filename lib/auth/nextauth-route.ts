/**
 * The next-auth endpoints (/api/auth/*) with the input checks next-auth lacks: it answers 500 to requests it was not
 * built for (GET on the credentials callback, a POST body that is not a form). Only the endpoints LDBU's login and
 * logout use are passed on; everything else gets a clear 4xx.
 */
import NextAuth from "next-auth";
import { OIDC_PROVIDER_ID } from "./oidc";
import { authOptions } from "./options";

const nextAuth = NextAuth(authOptions);

/**
 * next-auth's actions LDBU uses, per method: the credentials provider, and – when single sign-on is configured – its
 * start (POST) and the issuer's redirect back (GET; POST for issuers answering with response_mode=form_post).
 */
const sso = authOptions.providers.some((p) => p.id === OIDC_PROVIDER_ID);
const ALLOWED: Record<"GET" | "POST", RegExp> = {
  GET: new RegExp(`^(session|csrf|providers|signin|signout|error${sso ? `|callback/${OIDC_PROVIDER_ID}` : ""})$`),
  POST: new RegExp(`^(signin/credentials|callback/credentials|signout|_log${sso ? `|signin/${OIDC_PROVIDER_ID}|callback/${OIDC_PROVIDER_ID}` : ""})$`),
};
const FORM = "application/x-www-form-urlencoded";

type Context = { params: Promise<{ nextauth: string[] }> };

const refuse = (status: number, error: string, headers: Record<string, string> = {}) => Response.json({ error }, { status, headers });

async function handle(method: "GET" | "POST", req: Request, ctx: Context): Promise<Response> {
  const action = new URL(req.url).pathname.replace(/^\/api\/auth\/?/, "");
  if (!ALLOWED[method].test(action)) {
    const other = method === "GET" ? "POST" : "GET";
    return ALLOWED[other].test(action) ? refuse(405, "Metoden er ikke tilladt her.", { allow: other }) : refuse(404, "Siden findes ikke.");
  }
  if (method === "POST" && (req.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase() !== FORM)
    return refuse(415, `Indholdstypen skal være ${FORM}.`);
  try {
    return await nextAuth(req, ctx);
  } catch (e) {
    // a body next-auth cannot read (e.g. bytes that are no form): the caller's fault, not ours
    console.error("[auth] afvist forespørgsel", (e as Error)?.message);
    return refuse(400, "Ugyldig forespørgsel til log ind.");
  }
}

export const authGet = (req: Request, ctx: Context) => handle("GET", req, ctx);
export const authPost = (req: Request, ctx: Context) => handle("POST", req, ctx);
