/** Gateway clients: bearer tokens (stored only as sha-256) for POST /fhir/Bundle. */
import { createHash, randomBytes } from "node:crypto";
import { db, pool } from "@/lib/db/client";
import { ANONYMOUS, type Viewer } from "./roles";

const hash = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

/** Creates (or re-keys) a client and returns its token; the token itself is never stored. */
export async function issueGatewayToken(name: string, token = randomBytes(32).toString("base64url")): Promise<string> {
  await db().gatewayClient.upsert({ where: { name }, create: { name, tokenHash: hash(token) }, update: { tokenHash: hash(token), active: true } });
  return token;
}

/**
 * Token checks are cached for a few seconds: the gateway sends many reports a second, and a
 * revoked or deactivated token stops working within CACHE_MS.
 */
const CACHE_MS = 5_000;
const cache = new Map<string, { viewer: Viewer; until: number }>();

/** The gateway client behind an `Authorization: Bearer …` header, or anonymous. */
export async function gatewayFromRequest(req: Request): Promise<Viewer> {
  const m = /^Bearer\s+(\S+)$/i.exec(req.headers.get("authorization") ?? "");
  if (!m) return ANONYMOUS;
  const key = hash(m[1]);
  const hit = cache.get(key);
  if (hit && hit.until > Date.now()) return hit.viewer;
  const { rows } = await pool().query<{ id: number; name: string; active: boolean }>(`SELECT id, name, active FROM gateway_client WHERE token_hash = $1`, [key]);
  const viewer: Viewer = rows[0]?.active ? { kind: "gateway", clientId: rows[0].id, name: rows[0].name } : ANONYMOUS;
  if (cache.size > 1000) cache.clear();
  cache.set(key, { viewer, until: Date.now() + CACHE_MS });
  return viewer;
}
