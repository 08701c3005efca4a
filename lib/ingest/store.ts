/**
 * Stores validated delivery reports. Every report gets a receipt; a rejected report stores
 * nothing else. Accepted reports of a batch are written in one transaction (so each report
 * is all-or-nothing): after the citizens, one statement writes every table's rows (multi-row
 * inserts, lib/db/bulk.ts) and one more the visits' observed items (./visit-observed.ts) — a
 * handful of round trips per batch, whatever its size.
 *
 * Versions: a resource re-sent with the same logical id replaces the stored version when
 * it is newer by (report timestamp, retraction, receipt id):
 *   1. the later Bundle.timestamp wins;
 *   2. on equal timestamps a retraction (status entered-in-error, active=false, Location
 *      inactive) wins over a non-retraction, so a correction sent in the same instant is kept;
 *   3. then the report LDBU received later wins (receipt ids grow with arrival).
 * A retracted resource stays stored as retracted (so an older version arriving late cannot
 * resurrect it) and is excluded from every result. A report whose content is identical to
 * one already accepted is recorded as `duplicate` and changes nothing.
 *
 * Locks are taken in one global order (tables in the statement's fixed order, rows sorted by key,
 * then the visits' advisory locks), so concurrent batches cannot deadlock; transient conflicts are retried.
 */
import type pg from "pg";
import { bulkInsert, bulkInsertAll, jsonToTextArray, type BulkInsert, type Column } from "@/lib/db/bulk";
import type { OperationOutcomeIssue } from "@/lib/fhir/types";
import { extractReport, type ExtractedReport } from "./extract";
import { assertKeyChain } from "./key-chain";
import { storedEncounters, updateVisitObserved } from "./visit-observed";
import { issueRule, rejects, toOutcomeIssue } from "@/lib/fhir/outcome";

export interface ReportToStore {
  /** The parsed report; null when it could not be parsed. */
  bundle: unknown;
  contentHash: string;
  sizeBytes: number;
  valid: boolean;
  issues: OperationOutcomeIssue[];
  channel: "http" | "cli";
  clientId?: number | null;
  wrapperId?: string | null;
}

export type StoreOutcome = "accepted" | "rejected" | "duplicate";

export interface StoreResult {
  receiptId: string;
  outcome: StoreOutcome;
  issues: OperationOutcomeIssue[];
  resourceCount: number;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- reads the validated report's header */
const header = (b: any) => ({
  bundleId: typeof b?.id === "string" ? b.id : null,
  timestamp: typeof b?.timestamp === "string" && !Number.isNaN(Date.parse(b.timestamp)) ? b.timestamp : null,
  sorCode: (b?.entry ?? []).map((e: any) => e?.resource?.managingOrganization?.identifier?.value).find((v: unknown) => typeof v === "string") ?? null,
});

const count = (issues: OperationOutcomeIssue[], ...sev: string[]) => issues.filter((i) => sev.includes(i.severity)).length;
/** The rules a report broke, each once: what data completeness's validity counts rejected receipts by. */
const errorRules = (issues: OperationOutcomeIssue[]) => [...new Set(issues.filter((i) => rejects(i.severity)).map(issueRule))];

type Versioned = { resourceId: string; receiptId: string; ts: number; retracted: boolean };

/** Keeps, per resource id, the version that wins by (timestamp, retraction, receipt id). */
function winners<T extends Versioned>(rows: T[]): T[] {
  const best = new Map<string, T>();
  for (const r of rows) {
    const b = best.get(r.resourceId);
    if (!b || r.ts > b.ts || (r.ts === b.ts && (Number(r.retracted) > Number(b.retracted) || (r.retracted === b.retracted && BigInt(r.receiptId) > BigInt(b.receiptId)))))
      best.set(r.resourceId, r);
  }
  return [...best.values()].sort((a, b) => (a.resourceId < b.resourceId ? -1 : a.resourceId > b.resourceId ? 1 : 0));
}

/**
 * ON CONFLICT clause implementing the version rule against the stored row; `also`: a further condition on replacing it
 * (a stored row the clause leaves is still locked by the statement).
 */
function newerThanStored(table: string, cols: string[], retracted: (t: string) => string, also?: string): string {
  const set = cols.map((c) => `${c} = EXCLUDED.${c}`).join(", ");
  return `ON CONFLICT (resource_id) DO UPDATE SET ${set}
    WHERE (EXCLUDED.report_timestamp, ${retracted("EXCLUDED")}, EXCLUDED.receipt_id)
        > (${table}.report_timestamp, ${retracted(table)}, ${table}.receipt_id)${also ? ` AND ${also}` : ""}`;
}
const byActive = (t: string) => `NOT ${t}.active`;
const byStatus = (t: string) => `(${t}.status = 'entered-in-error')`;

const TRANSIENT = new Set(["40P01", "40001", "55P03"]);

export async function storeReports(pool: pg.Pool, reports: ReportToStore[]): Promise<StoreResult[]> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      const results = await storeInTransaction(client, reports);
      await client.query("COMMIT");
      return results;
    } catch (e) {
      await client.query("ROLLBACK").catch(() => {});
      if (attempt < 6 && TRANSIENT.has((e as { code?: string }).code ?? "")) {
        await new Promise((r) => setTimeout(r, 20 * attempt + Math.random() * 50));
        continue;
      }
      throw e;
    } finally {
      client.release();
    }
  }
}

async function storeInTransaction(client: pg.PoolClient, reports: ReportToStore[]): Promise<StoreResult[]> {
  const headers = reports.map((r) => header(r.bundle));
  // Identical content already accepted (earlier, or earlier in this batch) → duplicate. Concurrent
  // senders of the same content are serialised on it (advisory locks, taken in sorted order), and the
  // accepted hashes are read in the next statement, whose snapshot comes after the locks.
  const validHashes = reports.filter((r) => r.valid).map((r) => r.contentHash);
  const lockKeys = [...new Set(validHashes.map((h) => BigInt.asIntN(64, BigInt(`0x${h.slice(0, 16)}`)).toString()))].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
  const { ids } = (
    await client.query<{ ids: string[] }>(
      `SELECT ARRAY(SELECT nextval(pg_get_serial_sequence('receipt', 'id'))::text FROM generate_series(1, $1)) AS ids,
              (SELECT count(*) FROM (SELECT pg_advisory_xact_lock(k) FROM unnest($2::bigint[]) WITH ORDINALITY AS t(k, i) ORDER BY i) l) AS locked`,
      [reports.length, lockKeys],
    )
  ).rows[0];
  const sors = [...new Set(headers.map((h) => h.sorCode).filter(Boolean))] as string[];
  const { known: knownHashes, sor_kommune: sorKommune } = (
    await client.query<{ known: string[]; sor_kommune: Record<string, string> }>(
      `SELECT ARRAY(SELECT DISTINCT content_hash FROM receipt WHERE outcome = 'accepted' AND content_hash = ANY($1::text[])) AS known,
              (SELECT COALESCE(jsonb_object_agg(sor_code, municipality_code), '{}') FROM organisation WHERE sor_code = ANY($2::text[])) AS sor_kommune`,
      [validHashes, sors],
    )
  ).rows[0];
  const known = new Set(knownHashes);
  const sorToKommune = new Map(Object.entries(sorKommune));

  const results: StoreResult[] = [];
  const accepted: { receiptId: string; report: ExtractedReport }[] = [];
  reports.forEach((r, i) => {
    const issues = [...r.issues];
    let outcome: StoreOutcome = "rejected";
    if (r.valid) {
      outcome = known.has(r.contentHash) ? "duplicate" : "accepted";
      known.add(r.contentHash);
      const sor = headers[i].sorCode;
      if (outcome === "accepted" && sor && !sorToKommune.has(sor)) {
        issues.push(toOutcomeIssue({
          severity: "warning", code: "not-found", rule: "ldbu-unknown-sor", expression: ["Bundle.entry.resource.managingOrganization.identifier.value"],
          da: "SOR-koden er ikke knyttet til en kommune i LDBU. Indberetningen er gemt, men tælles først med i kommunens resultater, når SundK har registreret SOR-koden.",
          en: "The SOR code is not mapped to a municipality in LDBU. The report is stored but counts for a municipality only once SundK maps the SOR code.",
        }));
      }
      if (outcome === "accepted") accepted.push({ receiptId: ids[i], report: extractReport(r.bundle) });
    }
    const resourceCount = outcome === "accepted" ? ((r.bundle as any)?.entry?.length ?? 0) : 0;
    results.push({ receiptId: ids[i], outcome, issues, resourceCount });
  });

  const receipt: BulkInsert = {
    table: "receipt",
    cols: [
      { name: "id", type: "bigint" }, { name: "channel", type: "text", expr: (v) => `${v}::receipt_channel` },
      { name: "client_id", type: "int" }, { name: "bundle_id", type: "text" }, { name: "wrapper_id", type: "text" },
      { name: "report_timestamp", type: "timestamptz" }, { name: "content_hash", type: "text" }, { name: "size_bytes", type: "int" },
      { name: "sor_code", type: "text" }, { name: "municipality_code", type: "text" },
      { name: "outcome", type: "text", expr: (v) => `${v}::receipt_outcome` },
      { name: "error_count", type: "int" }, { name: "warning_count", type: "int" }, { name: "issues", type: "jsonb" },
      { name: "resource_count", type: "int" }, { name: "error_rules", type: "jsonb", expr: jsonToTextArray },
    ],
    rows: reports.map((r, i) => [
      ids[i], r.channel, r.clientId ?? null, headers[i].bundleId, r.wrapperId ?? null, headers[i].timestamp, r.contentHash, r.sizeBytes,
      headers[i].sorCode, headers[i].sorCode ? (sorToKommune.get(headers[i].sorCode) ?? null) : null, results[i].outcome,
      count(results[i].issues, "error", "fatal"), count(results[i].issues, "warning"), JSON.stringify(results[i].issues), results[i].resourceCount,
      JSON.stringify(errorRules(results[i].issues)),
    ]),
  };
  if (accepted.length) await storeAccepted(client, accepted, receipt);
  else await bulkInsertAll(client, [receipt]);
  return results;
}

/** The accepted reports' data, and the group's receipts, written with one statement after the citizens. */
async function storeAccepted(client: pg.PoolClient, accepted: { receiptId: string; report: ExtractedReport }[], receipt: BulkInsert) {
  await assertKeyChain(client); // the pseudonyms were made with the database's key chain (waits for a running rotation)
  // Citizens by pseudonym (sorted: a fixed lock order).
  const people = new Map<string, { birthDate: string; sex: string }>();
  for (const { report } of accepted) for (const c of report.citizens) people.set(c.pseudonym, c);
  const pseudonyms = [...people.keys()].sort();
  await bulkInsert(client, "citizen", [
    { name: "pseudonym", type: "text" }, { name: "birth_date", type: "date" }, { name: "sex", type: "text", expr: (v) => `${v}::sex` },
  ], pseudonyms.map((p) => [p, people.get(p)!.birthDate, people.get(p)!.sex]), "ON CONFLICT (pseudonym) DO NOTHING");
  const citizenId = new Map(
    (await client.query<{ id: string; pseudonym: string }>(`SELECT id::text, pseudonym FROM citizen WHERE pseudonym = ANY($1::text[])`, [pseudonyms])).rows.map((r) => [r.pseudonym, r.id]),
  );

  const citizenRecords = [], custodians = [], parentLinks = [], locations = [], encounters = [], questionnaires = [], interventions = [];
  const observations: (Versioned & { row: unknown[] })[] = [];
  for (const { receiptId, report } of accepted) {
    const ts = Date.parse(report.timestamp);
    const v = (resourceId: string, retracted: boolean) => ({ resourceId, receiptId, ts, retracted });
    const idOf = new Map(report.citizens.map((c) => [c.resourceId, citizenId.get(c.pseudonym)!]));
    const sorOf = new Map(report.citizens.map((c) => [c.resourceId, c.sorCode]));
    for (const c of report.citizens) {
      citizenRecords.push({ ...v(c.resourceId, !c.active), row: [c.resourceId, idOf.get(c.resourceId), c.sorCode, c.active] });
      custodians.push([idOf.get(c.resourceId), receiptId, report.timestamp, c.sorCode]);
    }
    for (const l of report.parentLinks)
      parentLinks.push({ ...v(l.resourceId, !l.active), row: [l.resourceId, l.parentResourceId ? idOf.get(l.parentResourceId) : null, idOf.get(l.childResourceId), l.active] });
    for (const l of report.locations) locations.push({ ...v(l.resourceId, !l.active), row: [l.resourceId, l.schoolNumber, l.active] });
    for (const e of report.encounters)
      encounters.push({ ...v(e.resourceId, e.status === "entered-in-error"), row: [e.resourceId, idOf.get(e.subjectResourceId), e.typeCode, e.classCode, e.status, e.start, e.end, e.locationId, JSON.stringify(e.basedOnInterventions), sorOf.get(e.subjectResourceId)] });
    for (const o of report.observations)
      observations.push({ ...v(o.resourceId, o.status === "entered-in-error"), row: [o.resourceId, idOf.get(o.subjectResourceId), o.encounterId, o.kind, o.code, o.status, o.valueCode, o.valueQuantity, o.unit, o.dataAbsentReason, o.effectiveStart, o.effectiveEnd, o.effectiveIsPeriod] });
    for (const q of report.questionnaires)
      questionnaires.push({ ...v(q.resourceId, q.status === "entered-in-error"), row: [q.resourceId, idOf.get(q.subjectResourceId), q.questionnaire, q.instrument, q.status, q.authored, q.totalScore, q.itemSum, q.informerCode, JSON.stringify(q.answers)] });
    for (const c of report.interventions)
      interventions.push({ ...v(c.resourceId, c.status === "entered-in-error"), row: [c.resourceId, idOf.get(c.subjectResourceId), c.code, c.status, c.detailStatus, c.periodStart, c.periodEnd, JSON.stringify(c.reasonCodes)] });
  }

  const versioned = (table: string, cols: Column[], rows: (Versioned & { row: unknown[] })[], retracted: (t: string) => string, also?: string): BulkInsert => {
    const all: Column[] = [...cols, { name: "report_timestamp", type: "timestamptz" }, { name: "receipt_id", type: "bigint" }];
    const updatable = all.map((c) => c.name).filter((n) => n !== "resource_id");
    return { table, cols: all, rows: winners(rows).map((r) => [...r.row, new Date(r.ts).toISOString(), r.receiptId]), suffix: newerThanStored(table, updatable, retracted, also) };
  };
  const rid: Column = { name: "resource_id", type: "text" };
  custodians.sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0));
  // Everyone in these reports: the next refresh recomputes their facts (and their children's).
  const ids = [...new Set(citizenId.values())].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
  const observationUpsert = (rows: (Versioned & { row: unknown[] })[], also?: string) => versioned("observation", [
    rid, { name: "citizen_id", type: "bigint" }, { name: "encounter_id", type: "text" }, { name: "kind", type: "text", expr: (x) => `${x}::observation_kind` },
    { name: "code", type: "text" }, { name: "status", type: "text" }, { name: "value_code", type: "text" }, { name: "value_quantity", type: "numeric" },
    { name: "unit", type: "text" }, { name: "data_absent_reason", type: "text" }, { name: "effective_start", type: "timestamptz" },
    { name: "effective_end", type: "timestamptz" }, { name: "effective_is_period", type: "boolean" },
  ], rows, byStatus, also);
  const stored = await bulkInsertAll<{ resource_id: string }>(client, [
    receipt,
    versioned("citizen_record", [rid, { name: "citizen_id", type: "bigint" }, { name: "sor_code", type: "text" }, { name: "active", type: "boolean" }], citizenRecords, byActive),
    {
      table: "citizen_custodian",
      cols: [{ name: "citizen_id", type: "bigint" }, { name: "receipt_id", type: "bigint" }, { name: "report_timestamp", type: "timestamptz" }, { name: "sor_code", type: "text" }],
      rows: custodians, suffix: "ON CONFLICT DO NOTHING",
    },
    versioned("parent_link", [rid, { name: "parent_id", type: "bigint" }, { name: "child_id", type: "bigint" }, { name: "active", type: "boolean" }], parentLinks, byActive),
    versioned("location", [rid, { name: "school_number", type: "text" }, { name: "active", type: "boolean" }], locations, byActive),
    versioned("encounter", [
      rid, { name: "citizen_id", type: "bigint" }, { name: "type_code", type: "text" }, { name: "class_code", type: "text" }, { name: "status", type: "text" },
      { name: "start", type: "timestamptz" }, { name: "\"end\"", type: "timestamptz" }, { name: "location_id", type: "text" },
      { name: "based_on_interventions", type: "jsonb", expr: jsonToTextArray }, { name: "sor_code", type: "text" },
    ], encounters, byStatus),
    // a newer version that references another encounter is left here (see below); the rest returns what it stored
    { ...observationUpsert(observations, "observation.encounter_id IS NOT DISTINCT FROM EXCLUDED.encounter_id"), returning: "resource_id" },
    versioned("questionnaire_response", [
      rid, { name: "citizen_id", type: "bigint" }, { name: "questionnaire", type: "text" }, { name: "instrument", type: "text" }, { name: "status", type: "text" },
      { name: "authored", type: "timestamptz" }, { name: "total_score", type: "int" }, { name: "item_sum", type: "int" }, { name: "informer_code", type: "text" },
      { name: "answers", type: "jsonb" },
    ], questionnaires, byStatus),
    versioned("intervention", [
      rid, { name: "citizen_id", type: "bigint" }, { name: "code", type: "text" }, { name: "status", type: "text" }, { name: "detail_status", type: "text" },
      { name: "period_start", type: "timestamptz" }, { name: "period_end", type: "timestamptz" }, { name: "reason_codes", type: "jsonb", expr: jsonToTextArray },
    ], interventions, byStatus),
    { table: "refresh_citizen", cols: [{ name: "citizen_id", type: "bigint" }], rows: ids.map((id) => [id]), suffix: "ON CONFLICT (citizen_id) DO UPDATE SET marked_at = now()" },
  ]);
  // The visits whose observed items (visit_observed) these observations change: those they reference, and for a
  // version that moves an observation to another encounter also the one it referenced. Such versions (and those older
  // than the stored one) were left above, their stored rows locked: the earlier encounter is read, then they are stored.
  const written = new Set(stored.map((r) => r.resource_id));
  const left = observations.filter((o) => !written.has(o.resourceId));
  const visits = [...observations.map((o) => o.row[2] as string | null).filter((e) => e !== null), ...(await storedEncounters(client, left.map((o) => o.resourceId)))];
  if (left.length) await bulkInsertAll(client, [observationUpsert(left)]);
  await updateVisitObserved(client, visits);
}
