/**
 * Rate limit of POST /fhir/Bundle per gateway client: LDBU_FHIR_RATE reports a second (default 1,000) with
 * bursts up to LDBU_FHIR_BURST (default twice the rate), for the whole service. Each app process keeps its
 * own token bucket with its share (÷ LDBU_APP_PROCESSES, default 1): no database round-trip per report,
 * and exact as long as the processes share the load evenly. Balancers (and Node's cluster module) share out
 * connections, not requests, so one process may carry 5 of a gateway's 8 connections: the default is set
 * well above what one client can send to a 2-core server (~400 reports/s, `ldbu bench`), so only a runaway
 * sender meets it.
 */
import { TokenBucket } from "@/lib/http/token-bucket";

export interface FhirRate {
  perSecond: number;
  burst: number;
  processes: number;
}

export function fhirRate(env: Record<string, string | undefined> = process.env): FhirRate {
  const perSecond = Number(env.LDBU_FHIR_RATE ?? 1000);
  return { perSecond, burst: Number(env.LDBU_FHIR_BURST ?? 2 * perSecond), processes: Number(env.LDBU_APP_PROCESSES ?? 1) };
}

/** Wrong bearer tokens allowed per client address a minute (LDBU_FHIR_BAD_TOKENS, default 30), per process. */
export const badTokensPerMinute = (env: Record<string, string | undefined> = process.env) => Number(env.LDBU_FHIR_BAD_TOKENS ?? 30);

/** Problems with the rate settings, for the startup check. */
export function fhirRateProblems(env: Record<string, string | undefined>): { name: string; message: string }[] {
  const r = fhirRate(env);
  const problems: { name: string; message: string }[] = [];
  if (!(r.perSecond > 0)) problems.push({ name: "LDBU_FHIR_RATE", message: "LDBU_FHIR_RATE skal være et positivt tal (indberetninger pr. sekund pr. klient)." });
  if (!(r.burst >= 1)) problems.push({ name: "LDBU_FHIR_BURST", message: "LDBU_FHIR_BURST skal være et tal på mindst 1." });
  if (!(Number.isInteger(r.processes) && r.processes >= 1)) problems.push({ name: "LDBU_APP_PROCESSES", message: "LDBU_APP_PROCESSES skal være et helt tal på mindst 1." });
  const bad = badTokensPerMinute(env);
  if (!(Number.isInteger(bad) && bad >= 1)) problems.push({ name: "LDBU_FHIR_BAD_TOKENS", message: "LDBU_FHIR_BAD_TOKENS skal være et helt tal på mindst 1 (forkerte adgangstokens pr. adresse pr. minut)." });
  return problems;
}

const buckets = new Map<number, TokenBucket>();

/** 0 when the client may send now, else the seconds it should wait (Retry-After). */
export function gatewayWait(clientId: number, now = Date.now(), rate?: FhirRate): number {
  let bucket = buckets.get(clientId);
  if (!bucket) {
    const r = rate ?? fhirRate();
    bucket = new TokenBucket(r.perSecond / r.processes, Math.max(1, r.burst / r.processes), now);
    buckets.set(clientId, bucket);
  }
  return bucket.take(now);
}

/**
 * Wrong tokens per client address (IPv4, or IPv6 /64: lib/http/client-address.ts throttleKey). A token is 256 random
 * bits, so guessing one is hopeless; the limit stops a sender of wrong tokens from costing a database lookup each and
 * from crowding the token cache (lib/auth/gateway.ts). Past it, the address is refused (429) before any lookup, with
 * a valid token too, until a failure has aged out: a wrong token every two seconds on average, by default.
 */
const badTokens = new Map<string, TokenBucket>();

function badTokenBucket(address: string, now: number, perMinute: number): TokenBucket {
  let bucket = badTokens.get(address);
  if (!bucket) {
    // forget the addresses whose buckets have refilled, so the map holds only recent offenders
    if (badTokens.size >= 10_000) for (const [a, b] of badTokens) if (b.full(now)) badTokens.delete(a);
    bucket = new TokenBucket(perMinute / 60, perMinute, now);
    badTokens.set(address, bucket);
  }
  return bucket;
}

/** 0 when the address may present a token now, else the seconds it should wait (Retry-After). */
export function badTokenWait(address: string, now = Date.now()): number {
  return badTokens.get(address)?.wait(now) ?? 0;
}

/** Counts a wrong token presented from the address. */
export function recordBadToken(address: string, now = Date.now(), perMinute = badTokensPerMinute()): void {
  badTokenBucket(address, now, perMinute).take(now);
}
