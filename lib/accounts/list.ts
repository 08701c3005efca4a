/** The user list of the administration (a few hundred accounts at most: no paging needed). */
import { db } from "@/lib/db/client";
import type { UserFilter } from "./input";

export interface UserRow {
  id: number;
  username: string;
  name: string;
  role: "sundhedsplejerske" | "leder" | "politiker" | "sundk";
  municipalityCode: string | null;
  municipalityName: string | null;
  active: boolean;
  lastLoginAt: Date | null;
  lockedUntil: Date | null;
}

const SELECT = { id: true, username: true, name: true, role: true, municipalityCode: true, active: true, lastLoginAt: true, lockedUntil: true, municipality: { select: { name: true } } } as const;

export async function listUsers(f: UserFilter): Promise<UserRow[]> {
  const rows = await db().user.findMany({
    where: {
      ...(f.rolle ? { role: f.rolle } : {}),
      ...(f.kommune ? { municipalityCode: f.kommune } : {}),
      ...(f.status === "alle" ? {} : { active: f.status === "aktive" }),
      ...(f.soeg ? { OR: [{ username: { contains: f.soeg, mode: "insensitive" as const } }, { name: { contains: f.soeg, mode: "insensitive" as const } }] } : {}),
    },
    orderBy: [{ active: "desc" }, { username: "asc" }],
    select: SELECT,
  });
  return rows.map(({ municipality, ...u }) => ({ ...u, municipalityName: municipality?.name ?? null }));
}

export async function findUser(id: number): Promise<UserRow | null> {
  const found = await db().user.findUnique({ where: { id }, select: SELECT });
  if (!found) return null;
  const { municipality, ...u } = found;
  return { ...u, municipalityName: municipality?.name ?? null };
}
