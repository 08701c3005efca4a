/**
 * Group commit of the HTTP receiver (lib/ingest/group-commit.ts): concurrent submissions share transactions, each
 * gets exactly its own results in arrival order, and one submission that cannot be stored fails alone.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/db/client";
import { GroupCommit } from "@/lib/ingest/group-commit";
import type { ReportToStore } from "@/lib/ingest/store";
import { prepareSubmission } from "@/lib/ingest/submission";
import { useAppDatabase } from "./helpers/app-db";
import { citizen, report, weight, SOR_AARHUS } from "./helpers/reports";

let db: Awaited<ReturnType<typeof useAppDatabase>>;
let transactions = 0;
const group = new GroupCommit(() => {
  const p = pool();
  return Object.assign(Object.create(p), { connect: () => (transactions++, p.connect()) });
});

/** A valid report about child `n` (born 1 March 2024, CPR serial n). */
function childReport(n: number): ReportToStore[] {
  const id = `g-${n}`;
  const r = report(`gr-${n}`, `2026-01-01T10:00:0${n % 10}Z`, [citizen({ id, cpr: `0103244${String(n).padStart(2, "0")}${n % 2 ? 1 : 2}` }, SOR_AARHUS), weight(`gw-${n}`, id, "2024-03-05", 3300 + n)]);
  return prepareSubmission(JSON.stringify(r), { channel: "http" }).reports;
}

beforeAll(async () => {
  db = await useAppDatabase();
  await pool().query(`INSERT INTO organisation (sor_code, name, municipality_code, updated_at) VALUES ($1, 'Aarhus', '751', now())`, [SOR_AARHUS]);
});
afterAll(async () => db.close());

describe("group commit", () => {
  it("stores concurrent submissions in shared transactions, each answered with its own results", async () => {
    const submissions = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(childReport);
    submissions.push(childReport(1)); // the same content again, last: a duplicate
    expect(submissions.every((s) => s.length === 1 && s[0].valid)).toBe(true);
    transactions = 0;
    const results = await Promise.all(submissions.map((s) => group.store(s)));
    expect(results.map((r) => r.map((x) => x.outcome))).toEqual([...Array(10).fill(["accepted"]), ["duplicate"]]);
    // the first submission alone, the other ten together
    expect(transactions).toBe(2);
    const receipts = results.map((r) => BigInt(r[0].receiptId));
    expect(receipts).toEqual([...receipts].sort((a, b) => (a < b ? -1 : 1))); // receipt ids in arrival order
    expect((await pool().query(`SELECT count(*)::int AS n FROM observation`)).rows[0].n).toBe(10);
  });

  it("a submission that cannot be stored fails alone; the others of its group are stored", async () => {
    const good = [11, 12, 13].map(childReport);
    const broken = childReport(14).map((r) => ({ ...r, contentHash: null as unknown as string })); // receipt.content_hash is NOT NULL
    const outcomes = await Promise.allSettled([good[0], good[1], broken, good[2]].map((s) => group.store(s)));
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled"]);
    expect(outcomes.filter((o) => o.status === "fulfilled").map((o) => (o as PromiseFulfilledResult<{ outcome: string }[]>).value[0].outcome)).toEqual(["accepted", "accepted", "accepted"]);
    expect((await pool().query(`SELECT count(*)::int AS n FROM observation`)).rows[0].n).toBe(13);
    expect((await pool().query(`SELECT count(*)::int AS n FROM receipt`)).rows[0].n).toBe(14);
  });
});
