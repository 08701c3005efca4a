/** Gateway clients: bearer tokens (stored only as sha-256) for POST /fhir/Bundle. */
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { ANONYMOUS, type Viewer } from "./roles";

const hash = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

/** Creates (or re-keys) a client and returns its token; the token itself is never stored. */
export async function issueGatewayToken(name: string, token = randomBytes(32).toString("base64url")): Promise<string> {
  await db().gatewayClient.upsert({ where: { name }, create: { name, tokenHash: hash(token) }, update: { tokenHash: hash(token), active: true } });
  return token;
}

/** The gateway client behind an `Authorization: Bearer …` header, or anonymous. */
export async function gatewayFromRequest(req: Request): Promise<Viewer> {
  const m = /^Bearer\s+(\S+)$/i.exec(req.headers.get("authorization") ?? "");
  if (!m) return ANONYMOUS;
  const client = await db().gatewayClient.findUnique({ where: { tokenHash: hash(m[1]) } });
  return client?.active ? { kind: "gateway", clientId: client.id, name: client.name } : ANONYMOUS;
}
