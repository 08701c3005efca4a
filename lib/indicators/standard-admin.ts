/**
 * SundK's indicator standards (PRODUCT.md "Indicators": the standard is editable by SundK, the catalog's initial
 * values are provisional). A change is stored with who made it, and applied at once to every stored result of the
 * indicator – "standard met" and where the CI lies – under the refresh lock, so a refresh running meanwhile neither
 * overwrites it nor writes with the old value (it reads the standards under the same lock). Frozen annual reports keep
 * the standard they were frozen with. Audited after the commit, as the annual-report steps are.
 */
import { z } from "zod";
import { audit } from "@/lib/audit";
import { decide } from "@/lib/auth/access";
import type { Viewer } from "@/lib/auth/roles";
import { pool } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { standardStatus } from "@/lib/stats/benchmark";
import { INDICATORS, type Polarity } from "./catalog";
import { REFRESH_LOCK } from "./refresh";

export class StandardRefused extends Error {
  constructor(
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

export interface StandardRow {
  indicatorId: string;
  title: string;
  polarity: Polarity;
  /** the catalog's initial value (share 0–1) */
  catalogTarget: number;
  /** the value in force (share 0–1) */
  target: number;
  provisional: boolean;
  updatedBy: string | null;
  updatedAt: Date | null;
}

/** Indicators that have a standard at all (descriptive ones have none and get none). */
const WITH_STANDARD = INDICATORS.filter((d) => d.standard !== null && d.polarity !== "none");

export async function listStandards(): Promise<StandardRow[]> {
  const { rows } = await pool().query<{ indicator_id: string; target: number; provisional: boolean; updated_by: string | null; updated_at: Date }>(
    `SELECT indicator_id, target, provisional, updated_by, updated_at FROM indicator_standard`,
  );
  const stored = new Map(rows.map((r) => [r.indicator_id, r]));
  return WITH_STANDARD.map((d) => {
    const s = stored.get(d.id);
    return {
      indicatorId: d.id,
      title: d.title,
      polarity: d.polarity,
      catalogTarget: d.standard!.target,
      target: s?.target ?? d.standard!.target,
      provisional: s?.provisional ?? true,
      updatedBy: s?.updated_by ?? null,
      updatedAt: s?.updated_at ?? null,
    };
  });
}

/**
 * Whole per cent, as every page shows a standard ("90 %"), strictly between 0 and 100: a finer standard would be
 * shown rounded, and claim more precision than the indicators' confidence intervals have.
 */
const percent = z
  .string()
  .trim()
  .regex(/^\d{1,3}$/, "Skriv standarden som et helt antal procent, fx 85.")
  .transform(Number)
  .refine((x) => x > 0 && x < 100, "Standarden skal ligge mellem 0 og 100 %.");

const inputSchema = z.object({
  indicatorId: z.enum(WITH_STANDARD.map((d) => d.id) as [string, ...string[]], { message: "Ukendt indikator eller en indikator uden standard." }),
  target: percent,
  provisional: z.enum(["true", "false"], { message: "Angiv om standarden er foreløbig." }).transform((v) => v === "true"),
});

export interface StandardChange {
  indicatorId: string;
  target: number;
  provisional: boolean;
  /** stored results reclassified */
  results: number;
}

export async function setStandard(viewer: Viewer, input: unknown): Promise<StandardChange> {
  if (viewer.kind !== "user" || !decide(viewer, "admin").allow) throw new StandardRefused("Du har ikke adgang til at ændre standarder.");
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success)
    throw new StandardRefused("Standarden er ikke gemt.", Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
  const { indicatorId, provisional } = parsed.data;
  const target = parsed.data.target / 100;
  const polarity = WITH_STANDARD.find((d) => d.id === indicatorId)!.polarity;

  const change = await withTransaction(pool(), async (c) => {
    await c.query(`SELECT pg_advisory_xact_lock($1, $2)`, [...REFRESH_LOCK]);
    const before = (await c.query<{ target: number; provisional: boolean }>(`SELECT target, provisional FROM indicator_standard WHERE indicator_id = $1`, [indicatorId])).rows[0];
    await c.query(
      `INSERT INTO indicator_standard (indicator_id, target, provisional, updated_by, updated_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (indicator_id) DO UPDATE SET target = EXCLUDED.target, provisional = EXCLUDED.provisional, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [indicatorId, target, provisional, viewer.username],
    );
    // Only headline rows carry a standard (lib/indicators/aggregate.ts withStatistics). computed_at moves for the
    // whole indicator, which is what tells the result cache (lib/queries/result-cache.ts) to reload it.
    const { rows } = await c.query<{ id: string; value: number | null; ci_low: number | null; ci_high: number | null }>(
      `SELECT id::text, value, ci_low, ci_high FROM indicator_result WHERE indicator_id = $1 AND breakdown = 'all'`,
      [indicatorId],
    );
    const status = rows.map((r) => standardStatus({ value: r.value, low: r.ci_low, high: r.ci_high, target, polarity }));
    await c.query(
      `UPDATE indicator_result r SET standard_met = u.met, standard_ci_side = u.side
       FROM unnest($1::bigint[], $2::boolean[], $3::text[]) AS u(id, met, side) WHERE r.id = u.id`,
      [rows.map((r) => r.id), status.map((s) => s.met), status.map((s) => s.ciSide)],
    );
    await c.query(`UPDATE indicator_result SET computed_at = now() WHERE indicator_id = $1`, [indicatorId]);
    return { indicatorId, target, provisional, results: rows.length, before };
  });
  await audit(viewer, "admin", "standard", {
    indikator: indicatorId,
    før: change.before ? { standard: change.before.target, foreløbig: change.before.provisional } : null,
    efter: { standard: target, foreløbig: provisional },
  });
  return { indicatorId, target, provisional, results: change.results };
}
