/** The demo users (lib/demo/users.ts) as viewers, by username, for calling the data layer as they would. */
import type { Role, Viewer } from "@/lib/auth/roles";
import { pool } from "@/lib/db/client";

export async function demoViewers(): Promise<Record<string, Viewer>> {
  const { rows } = await pool().query<{ id: number; username: string; name: string; role: Role; municipality_code: string | null }>(
    `SELECT id, username, name, role, municipality_code FROM app_user WHERE username IN ('sundk', 'leder', 'politiker', 'sundhedsplejerske')`,
  );
  return Object.fromEntries(rows.map((r) => [r.username, { kind: "user", id: r.id, username: r.username, name: r.name, role: r.role, municipalityCode: r.municipality_code } satisfies Viewer]));
}
