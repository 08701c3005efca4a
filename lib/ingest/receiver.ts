/**
 * The FHIR receiver behind POST /fhir/Bundle and POST /fhir/Bundle/$validate:
 * authorisation (gateway bearer token; wrong tokens are limited per client address), content type, size limit, then the shared
 * submission path. Answers are always `application/fhir+json` OperationOutcomes.
 */
import { decide } from "@/lib/auth/access";
import { gatewayFromRequest } from "@/lib/auth/gateway";
import { pool } from "@/lib/db/client";
import { toOutcomeIssue } from "@/lib/fhir/outcome";
import type { IssueType, OperationOutcome } from "@/lib/fhir/types";
import { requestClientAddress, throttleKey } from "@/lib/http/client-address";
import { GroupCommit } from "./group-commit";
import { badTokenWait, gatewayWait, recordBadToken } from "./rate-limit";
import { KeyChainMismatch } from "./key-chain";
import { answer, prepareSubmission } from "./submission";

/** Largest accepted request body. A delivery report is typically 10–60 kB; an incremental delivery may hold many. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;
const FHIR_JSON = "application/fhir+json; charset=utf-8";
/** Concurrent submissions share transactions (one per group, see ./group-commit.ts). */
const receipts = new GroupCommit(pool);

function reply(status: number, outcome: OperationOutcome, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(outcome), { status, headers: { "content-type": FHIR_JSON, ...headers } });
}

function problem(status: number, code: IssueType, rule: string, da: string, en: string, headers?: Record<string, string>): Response {
  return reply(status, { resourceType: "OperationOutcome", language: "da", issue: [toOutcomeIssue({ severity: "error", code, rule, expression: ["Bundle"], da, en })] }, headers);
}

/** The answer when something unexpected failed: nothing was stored, the gateway should send again. */
export const internalError = () =>
  problem(500, "exception", "ldbu-internal", "Der opstod en intern fejl. Intet er gemt. Send igen senere.", "An internal error occurred. Nothing was stored. Retry later.");

/** Reads at most MAX_BODY_BYTES; null when the body is larger. */
async function readCapped(req: Request): Promise<string | null> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) return null;
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Errors meaning "the database is not there right now" (pg, or Prisma wrapping pg): answer 503 so the gateway retries. */
function databaseUnavailable(e: unknown): boolean {
  for (let x = e as { code?: unknown; cause?: unknown; message?: unknown } | undefined, depth = 0; x && depth < 5; x = x.cause as typeof x, depth++) {
    const code = String(x.code ?? "");
    if (["ECONNREFUSED", "ECONNRESET", "EPIPE", "57P01", "57P02", "57P03", "53300", "P1001", "P1017"].includes(code) || code.startsWith("08")) return true;
    if (/ECONNREFUSED|Can't reach database|Connection terminated|terminating connection|Client has encountered a connection error|timeout exceeded when trying to connect/i.test(String(x.message ?? ""))) return true;
  }
  return false;
}

export async function receive(req: Request, mode: "store" | "validate"): Promise<Response> {
  try {
    const address = throttleKey(requestClientAddress(req.headers));
    const refusedFor = badTokenWait(address);
    if (refusedFor)
      return problem(429, "throttled", "ldbu-auth-throttled", `For mange forkerte adgangstokens fra denne adresse. Vent ${refusedFor} s, og send igen med et gyldigt token.`, `Too many wrong tokens from this address. Retry after ${refusedFor} s with a valid token.`, { "retry-after": String(refusedFor) });
    const principal = await gatewayFromRequest(req);
    if (!decide(principal, "submit:reports").allow) {
      if (req.headers.get("authorization")) recordBadToken(address);
      return principal.kind === "anonymous" && !req.headers.get("authorization")
        ? problem(401, "login", "ldbu-auth", "Der mangler et gyldigt adgangstoken (Authorization: Bearer …).", "A valid bearer token is required.", { "www-authenticate": 'Bearer realm="ldbu"' })
        : problem(403, "forbidden", "ldbu-auth", "Adgangstokenet giver ikke adgang til at indberette.", "The token does not allow submitting reports.");
    }
    const wait = principal.kind === "gateway" ? gatewayWait(principal.clientId) : 0;
    if (wait)
      return problem(429, "throttled", "ldbu-rate-limit", `For mange indberetninger fra denne klient. Vent ${wait} s, og send igen.`, `Too many submissions from this client. Retry after ${wait} s.`, { "retry-after": String(wait) });
    const type = (req.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
    if (type !== "application/fhir+json" && type !== "application/json")
      return problem(415, "not-supported", "ldbu-content-type", "Indholdstypen skal være application/fhir+json.", "The content type must be application/fhir+json.");
    const text = await readCapped(req);
    if (text === null)
      return problem(413, "too-costly", "ldbu-too-large", `Indberetningen er større end grænsen på ${MAX_BODY_BYTES / 1024 / 1024} MiB.`, `The submission exceeds the limit of ${MAX_BODY_BYTES / 1024 / 1024} MiB.`);

    const clientId = principal.kind === "gateway" ? principal.clientId : null;
    const prepared = prepareSubmission(text, { channel: "http", clientId });
    if (mode === "validate") {
      const outcome = prepared.validation?.outcome ?? { resourceType: "OperationOutcome", language: "da", issue: prepared.reports[0].issues };
      return reply(prepared.problem === "json" ? 400 : prepared.reports.every((r) => r.valid) ? 200 : 422, outcome as OperationOutcome);
    }
    const results = await receipts.store(prepared.reports);
    const { status, outcome } = answer(prepared, results);
    return reply(status, outcome);
  } catch (e) {
    if (e instanceof KeyChainMismatch) console.error("[fhir] pseudonymnøgler:", e.message);
    if (databaseUnavailable(e) || e instanceof KeyChainMismatch)
      return problem(503, "transient", "ldbu-unavailable", "LDBU kan ikke gemme indberetninger lige nu. Send igen senere.", "LDBU cannot store reports right now. Retry later.", { "retry-after": "5" });
    console.error("[fhir] uventet fejl", (e as Error)?.message);
    return internalError();
  }
}
