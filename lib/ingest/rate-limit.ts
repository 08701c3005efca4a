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

/** Problems with the rate settings, for the startup check. */
export function fhirRateProblems(env: Record<string, string | undefined>): { name: string; message: string }[] {
  const r = fhirRate(env);
  const problems: { name: string; message: string }[] = [];
  if (!(r.perSecond > 0)) problems.push({ name: "LDBU_FHIR_RATE", message: "LDBU_FHIR_RATE skal være et positivt tal (indberetninger pr. sekund pr. klient)." });
  if (!(r.burst >= 1)) problems.push({ name: "LDBU_FHIR_BURST", message: "LDBU_FHIR_BURST skal være et tal på mindst 1." });
  if (!(Number.isInteger(r.processes) && r.processes >= 1)) problems.push({ name: "LDBU_APP_PROCESSES", message: "LDBU_APP_PROCESSES skal være et helt tal på mindst 1." });
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
