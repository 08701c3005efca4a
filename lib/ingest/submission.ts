/**
 * One submission (a delivery report, or an incremental-delivery wrapper of reports) from
 * raw text to receipts: parse, validate each report on its own, store. Shared by the HTTP
 * receiver and the command line, so both take exactly the same path.
 */
import { createHash } from "node:crypto";
import { toOutcomeIssue } from "@/lib/fhir/outcome";
import type { OperationOutcome, OperationOutcomeIssue, SubmissionResult } from "@/lib/fhir/types";
import { parseJson, validateSubmission } from "@/lib/fhir/validate";
import type { ReportToStore, StoreResult } from "./store";

export interface PreparedSubmission {
  /** "json" when the text was not JSON at all. */
  problem: "json" | null;
  validation: SubmissionResult | null;
  reports: ReportToStore[];
}

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/** Parses and validates; CPU only, no database. */
export function prepareSubmission(text: string, opts: { channel: "http" | "cli"; clientId?: number | null }): PreparedSubmission {
  const size = Buffer.byteLength(text, "utf8");
  // parseJson reports the position of a syntax error but never echoes the input (which may hold a CPR).
  const json = parseJson(text);
  if (!json.ok) {
    const issues = json.result.issues.map(toOutcomeIssue);
    return { problem: "json", validation: null, reports: [{ bundle: null, contentHash: sha256(text), sizeBytes: size, valid: false, issues, channel: opts.channel, clientId: opts.clientId }] };
  }
  const parsed = json.value;
  const validation = validateSubmission(parsed);
  const base = { channel: opts.channel, clientId: opts.clientId ?? null };
  const entries = (parsed as { entry?: { resource?: unknown }[] }).entry;
  if (validation.kind === "incremental-delivery" && validation.wrapper?.valid && Array.isArray(entries)) {
    const wrapperId = typeof (parsed as { id?: unknown }).id === "string" ? (parsed as { id: string }).id : null;
    return {
      problem: null,
      validation,
      reports: validation.reports.map((r) => {
        const bundle = entries[r.index]?.resource ?? null;
        const json = JSON.stringify(bundle);
        return { ...base, wrapperId, bundle, contentHash: sha256(json), sizeBytes: Buffer.byteLength(json, "utf8"), valid: r.valid, issues: r.issues.map(toOutcomeIssue) };
      }),
    };
  }
  // A bare delivery report, an invalid wrapper (rejected whole), or something that is no report at all.
  return { problem: null, validation, reports: [{ ...base, bundle: parsed, contentHash: sha256(JSON.stringify(parsed)), sizeBytes: size, valid: validation.valid, issues: validation.issues.map(toOutcomeIssue) }] };
}

/** The OperationOutcome answered to the sender, and the HTTP status that goes with it. */
export function answer(prepared: PreparedSubmission, results: StoreResult[]): { status: number; outcome: OperationOutcome } {
  const issues: OperationOutcomeIssue[] = [];
  const many = results.length > 1;
  results.forEach((r, i) => {
    const where = many ? `Bundle.entry[${i}].resource` : "Bundle";
    const prefix = (e: string) => (many ? e.replace(/^Bundle/, where) : e);
    issues.push(...r.issues.map((x) => ({ ...x, expression: x.expression.map(prefix) })));
    const text = {
      accepted: [`Indberetningen er modtaget og gemt (kvittering ${r.receiptId}).`, `The report was received and stored (receipt ${r.receiptId}).`],
      duplicate: [`Indberetningen var allerede modtaget; intet er ændret (kvittering ${r.receiptId}).`, `The report had already been received; nothing changed (receipt ${r.receiptId}).`],
      rejected: [`Indberetningen er afvist, og intet af den er gemt (kvittering ${r.receiptId}).`, `The report was rejected and nothing of it was stored (receipt ${r.receiptId}).`],
    }[r.outcome];
    issues.push(toOutcomeIssue({ severity: "information", code: "informational", rule: `ldbu-receipt-${r.outcome}`, expression: [where], da: text[0], en: text[1] }));
  });
  const outcome: OperationOutcome = { resourceType: "OperationOutcome", language: "da", issue: issues };
  if (prepared.problem === "json") return { status: 400, outcome };
  if (results.some((r) => r.outcome === "rejected")) return { status: 422, outcome };
  return { status: results.some((r) => r.outcome === "accepted") ? 201 : 200, outcome };
}
