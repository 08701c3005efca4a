/**
 * Demo-only accounts, one per role (documented in README). Created by `npm run demo`
 * and the browser tests; never by a production deployment.
 */
import { createUser } from "@/lib/auth/users";
import type { Role } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";

export const DEMO_PASSWORD = "ldbu-demo-2026";
export const DEMO_MUNICIPALITY = "751"; // Aarhus

export const DEMO_USERS: { username: string; name: string; role: Role; municipalityCode: string | null }[] = [
  { username: "sundk", name: "Signe SundK", role: "sundk", municipalityCode: null },
  { username: "leder", name: "Lene Leder", role: "leder", municipalityCode: DEMO_MUNICIPALITY },
  { username: "sundhedsplejerske", name: "Sara Sundhedsplejerske", role: "sundhedsplejerske", municipalityCode: DEMO_MUNICIPALITY },
  { username: "politiker", name: "Peter Politiker", role: "politiker", municipalityCode: DEMO_MUNICIPALITY },
];

export async function ensureDemoUsers(): Promise<number> {
  let created = 0;
  for (const u of DEMO_USERS) {
    if (await db().user.findUnique({ where: { username: u.username } })) continue;
    await createUser({ ...u, password: DEMO_PASSWORD });
    created++;
  }
  return created;
}
