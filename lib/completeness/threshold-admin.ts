/**
 * SundK's coverage warning threshold: below it, the dashboards warn that an indicator result rests on incomplete data
 * (lib/queries/completeness.ts `coverageWarnings`), and the Datakomplethed heatmap marks the cell. Stored in `setting`
 * with who changed it, audited after the commit; the views' cache hears the change before their next read.
 */
import { z } from "zod";
import { audit } from "@/lib/audit";
import { decide } from "@/lib/auth/access";
import type { Viewer } from "@/lib/auth/roles";
import { pool } from "@/lib/db/client";
import { AdminRefused } from "@/lib/accounts/admin";
import { COVERAGE_WARNING_SETTING, DEFAULT_COVERAGE_WARNING_THRESHOLD, thresholdOf } from "@/lib/queries/completeness";

export interface ThresholdSetting {
  /** the threshold in force (share 0–1) */
  threshold: number;
  defaultThreshold: number;
  updatedBy: string | null;
  updatedAt: Date | null;
}

export async function thresholdSetting(): Promise<ThresholdSetting> {
  const { rows } = await pool().query<{ value: unknown; updated_by: string | null; updated_at: Date }>(
    `SELECT value, updated_by, updated_at FROM setting WHERE key = $1`,
    [COVERAGE_WARNING_SETTING],
  );
  const row = rows[0];
  return { threshold: thresholdOf(row?.value), defaultThreshold: DEFAULT_COVERAGE_WARNING_THRESHOLD, updatedBy: row?.updated_by ?? null, updatedAt: row?.updated_at ?? null };
}

/** Whole per cent, as the pages show coverage against it ("90 %"). */
const inputSchema = z.object({
  threshold: z
    .string()
    .trim()
    .regex(/^\d{1,3}$/, "Skriv grænsen som et helt antal procent, fx 90.")
    .transform(Number)
    .refine((x) => x >= 1 && x <= 100, "Grænsen skal ligge mellem 1 og 100 %."),
});

export async function setCoverageWarningThreshold(viewer: Viewer, input: unknown): Promise<{ threshold: number }> {
  if (viewer.kind !== "user" || !decide(viewer, "admin").allow) throw new AdminRefused("Du har ikke adgang til at ændre indstillinger.");
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) throw new AdminRefused("Grænsen er ikke gemt.", Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
  const threshold = parsed.data.threshold / 100;
  const { rows } = await pool().query<{ before: unknown }>(
    `WITH before AS (SELECT value FROM setting WHERE key = $1)
     INSERT INTO setting (key, value, updated_by, updated_at) VALUES ($1, to_jsonb($2::float8), $3, now())
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_by = EXCLUDED.updated_by, updated_at = now()
     RETURNING (SELECT value FROM before) AS before`,
    [COVERAGE_WARNING_SETTING, threshold, viewer.username],
  );
  await audit(viewer, "admin", `setting/${COVERAGE_WARNING_SETTING}`, { før: rows[0]?.before ?? null, efter: threshold });
  return { threshold };
}
