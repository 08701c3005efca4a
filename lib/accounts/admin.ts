/**
 * SundK's user administration: create, change role and municipality, deactivate and reactivate, reset the password.
 * Every operation authorises the actor through the access rules (`admin`), validates its input, makes the change and
 * its audit entry in one transaction (who did what to whom – never a password), and keeps at least one active SundK
 * user: nobody can deactivate or demote the last one, and a SundK user cannot deactivate or demote themselves.
 */
import { audit } from "@/lib/audit";
import { decide } from "@/lib/auth/access";
import { hashPassword } from "@/lib/auth/password";
import type { Viewer } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { changeUserSchema, fieldErrors, newUserSchema } from "./input";
import { oneTimePassword } from "./one-time-password";

/** A refusal the administrator should read: a Danish message, and per-field messages for the form. */
export class AdminRefused extends Error {
  constructor(message: string, readonly fields: Record<string, string> = {}) {
    super(message);
  }
}

const FORBIDDEN = "Du har ikke adgang til brugeradministrationen.";
const INVALID = "Rettelserne nedenfor mangler.";

type Admin = Extract<Viewer, { kind: "user" }>;

function authorise(actor: Viewer): Admin {
  if (!decide(actor, "admin").allow || actor.kind !== "user") throw new AdminRefused(FORBIDDEN);
  return actor;
}

type Tx = Prisma.TransactionClient;

async function requireMunicipality(tx: Tx, code: string | null) {
  if (code !== null && !(await tx.municipality.findUnique({ where: { code } })))
    throw new AdminRefused(INVALID, { municipalityCode: `Kommunekoden ${code} findes ikke.` });
}

/**
 * The target user, locked for the change together with every active SundK user, in id order: concurrent changes
 * queue instead of deadlocking, and the last-SundK check below sees what the other change committed.
 */
async function lockUser(tx: Tx, id: number) {
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM app_user WHERE id = ${id} OR (role = 'sundk' AND active) ORDER BY id FOR UPDATE`;
  const user = rows.some((r) => r.id === id) ? await tx.user.findUnique({ where: { id } }) : null;
  if (!user) throw new AdminRefused("Brugeren findes ikke.");
  return user;
}

/** Refuses a change that would leave no active SundK user. */
async function keepOneSundk(tx: Tx, actor: Admin, target: { id: number; role: string; active: boolean }, what: string) {
  if (target.role !== "sundk" || !target.active) return;
  if (target.id === actor.id) throw new AdminRefused(`Du kan ikke ${what} dig selv. Bed en anden SundK-bruger om det.`);
  const others = await tx.user.count({ where: { role: "sundk", active: true, id: { not: target.id } } });
  if (others === 0) throw new AdminRefused(`Du kan ikke ${what} den sidste aktive SundK-bruger.`);
}

const transaction = <T>(fn: (tx: Tx) => Promise<T>) => db().$transaction(fn, { timeout: 15_000 });

export async function createUserAccount(actorViewer: Viewer, input: unknown): Promise<{ id: number; username: string; password: string }> {
  const actor = authorise(actorViewer);
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) throw new AdminRefused(INVALID, fieldErrors(parsed.error));
  const u = parsed.data;
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  return transaction(async (tx) => {
    await requireMunicipality(tx, u.municipalityCode);
    if (await tx.user.findUnique({ where: { username: u.username } })) throw new AdminRefused(INVALID, { username: `Brugernavnet ${u.username} er optaget.` });
    const created = await tx.user.create({ data: { username: u.username, name: u.name, role: u.role, municipalityCode: u.municipalityCode, passwordHash } });
    await audit(actor, "admin", "bruger", { handling: "opret", bruger: created.username, brugerId: created.id, rolle: u.role, kommune: u.municipalityCode }, u.municipalityCode, tx);
    return { id: created.id, username: created.username, password };
  });
}

export async function changeUserAccount(actorViewer: Viewer, id: number, input: unknown): Promise<void> {
  const actor = authorise(actorViewer);
  const parsed = changeUserSchema.safeParse(input);
  if (!parsed.success) throw new AdminRefused(INVALID, fieldErrors(parsed.error));
  const next = parsed.data;
  await transaction(async (tx) => {
    const user = await lockUser(tx, id);
    if (user.role !== next.role) await keepOneSundk(tx, actor, user, "fjerne SundK-rollen fra");
    await requireMunicipality(tx, next.municipalityCode);
    if (user.name === next.name && user.role === next.role && user.municipalityCode === next.municipalityCode) return;
    // role and municipality are read afresh on every request (lib/auth/session.ts): the change applies at once
    await tx.user.update({ where: { id }, data: { name: next.name, role: next.role, municipalityCode: next.municipalityCode } });
    await audit(actor, "admin", "bruger", {
      handling: "ændr", bruger: user.username, brugerId: id,
      før: { navn: user.name, rolle: user.role, kommune: user.municipalityCode },
      efter: { navn: next.name, rolle: next.role, kommune: next.municipalityCode },
    }, next.municipalityCode ?? user.municipalityCode, tx);
  });
}

/** Deactivation ends the user's sessions at once (and for good: reactivation does not revive them). */
export async function setUserActive(actorViewer: Viewer, id: number, active: boolean): Promise<void> {
  const actor = authorise(actorViewer);
  await transaction(async (tx) => {
    const user = await lockUser(tx, id);
    if (user.active === active) return;
    if (!active) await keepOneSundk(tx, actor, user, "deaktivere");
    await tx.user.update({ where: { id }, data: { active, sessionVersion: { increment: active ? 0 : 1 }, failedLogins: 0, lockedUntil: null } });
    await audit(actor, "admin", "bruger", { handling: active ? "genaktivér" : "deaktivér", bruger: user.username, brugerId: id }, user.municipalityCode, tx);
  });
}

/** A new one-time password, shown once to the administrator; the user's sessions end and a lock-out is lifted. */
export async function resetUserPassword(actorViewer: Viewer, id: number): Promise<{ username: string; password: string }> {
  const actor = authorise(actorViewer);
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  return transaction(async (tx) => {
    const user = await lockUser(tx, id);
    if (!user.active) throw new AdminRefused("Brugeren er deaktiveret. Genaktivér brugeren først.");
    await tx.user.update({ where: { id }, data: { passwordHash, sessionVersion: { increment: 1 }, failedLogins: 0, lockedUntil: null } });
    await audit(actor, "admin", "bruger", { handling: "nulstil adgangskode", bruger: user.username, brugerId: id }, user.municipalityCode, tx);
    return { username: user.username, password };
  });
}
