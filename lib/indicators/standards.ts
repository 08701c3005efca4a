/** Indicator standards: SundK's current values, falling back to the catalog's provisional ones. */
import type pg from "pg";
import { INDICATORS } from "./catalog";

export async function currentStandards(db: pg.Pool | pg.ClientBase): Promise<Map<string, number | null>> {
  const stored = new Map((await db.query<{ indicator_id: string; target: number }>(`SELECT indicator_id, target FROM indicator_standard`)).rows.map((r) => [r.indicator_id, r.target]));
  return new Map(INDICATORS.map((d) => [d.id, stored.get(d.id) ?? d.standard?.target ?? null]));
}
