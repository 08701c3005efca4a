/**
 * User administration (lib/accounts/admin.ts) on a real PostgreSQL: only SundK may act; refused input leaves the
 * database unchanged; passwords are hashed, shown once and never audited; deactivation and password reset end
 * sessions at once; the last active SundK user cannot be deactivated or demoted; every change is audited in the
 * same transaction; and the database refuses to change or delete audit entries.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AdminRefused, changeUserAccount, createUserAccount, resetUserPassword, setUserActive } from "@/lib/accounts/admin";
import { listUsers } from "@/lib/accounts/list";
import type { Viewer } from "@/lib/auth/roles";
import { checkCredentials, createUser, viewerFromToken } from "@/lib/auth/users";
import { db, pool } from "@/lib/db/client";
import { useAppDatabase } from "./helpers/app-db";

let database: Awaited<ReturnType<typeof useAppDatabase>>;
let admin: Viewer;
const asViewer = (u: { id: number; username: string; name: string; role: string; municipalityCode: string | null }) =>
  ({ kind: "user", id: u.id, username: u.username, name: u.name, role: u.role, municipalityCode: u.municipalityCode }) as Viewer;

const snapshot = async () => (await pool().query(`SELECT id, username, name, role, municipality_code, active, password_hash, session_version FROM app_user ORDER BY id`)).rows;
const auditRows = async () => (await pool().query(`SELECT username, action, resource, municipality_code, details FROM audit_entry WHERE action = 'admin' ORDER BY id`)).rows;

async function refused(p: Promise<unknown>): Promise<AdminRefused> {
  const e = await p.then(() => null, (x) => x);
  expect(e).toBeInstanceOf(AdminRefused);
  return e as AdminRefused;
}

beforeAll(async () => {
  database = await useAppDatabase();
  admin = asViewer(await createUser({ username: "signe", name: "Signe SundK", role: "sundk", municipalityCode: null, password: "admin-password-1234" }));
});
afterAll(async () => database.close());

describe("creating users", () => {
  let created: { id: number; password: string };

  it("creates a leder with a strong one-time password that logs in; the audit names who did what to whom, never the password", async () => {
    created = await createUserAccount(admin, { username: "Jens.Hansen", name: "Jens Hansen", role: "leder", municipalityCode: "751" });
    expect(created.password).toMatch(/^[^-]{5}(-[^-]{5}){3}$/);
    const stored = (await pool().query(`SELECT username, password_hash FROM app_user WHERE id = $1`, [created.id])).rows[0];
    expect(stored.username).toBe("jens.hansen");
    expect(stored.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(stored.password_hash).not.toContain(created.password);
    expect((await checkCredentials("jens.hansen", created.password)).id).toBe(created.id);
    const entries = await auditRows();
    expect(entries).toEqual([
      { username: "signe", action: "admin", resource: "bruger", municipality_code: "751", details: { handling: "opret", bruger: "jens.hansen", brugerId: created.id, rolle: "leder", kommune: "751" } },
    ]);
    expect(JSON.stringify(await pool().query(`SELECT * FROM audit_entry`).then((r) => r.rows))).not.toContain(created.password);
  });

  it("refuses bad input, a taken username, an unknown municipality and non-SundK actors, leaving the database unchanged", async () => {
    const before = [await snapshot(), await auditRows()];
    const bad = await refused(createUserAccount(admin, { username: "x", name: "", role: "leder", municipalityCode: "" }));
    expect(bad.fields).toEqual({ username: expect.stringContaining("3-64 tegn"), name: "Skriv brugerens fulde navn.", municipalityCode: expect.stringContaining("Vælg brugerens kommune") });
    expect((await refused(createUserAccount(admin, { username: "jens.hansen", name: "J", role: "leder", municipalityCode: "751" }))).fields).toEqual({ username: "Brugernavnet jens.hansen er optaget." });
    expect((await refused(createUserAccount(admin, { username: "nybruger", name: "N", role: "leder", municipalityCode: "999" }))).fields).toEqual({ municipalityCode: "Kommunekoden 999 findes ikke." });
    const leder = asViewer({ id: created.id, username: "jens.hansen", name: "Jens Hansen", role: "leder", municipalityCode: "751" });
    for (const actor of [leder, { kind: "anonymous" } as Viewer, { kind: "gateway", clientId: 1, name: "fk" } as Viewer]) {
      expect((await refused(createUserAccount(actor, { username: "nybruger", name: "N", role: "leder", municipalityCode: "751" }))).message).toBe("Du har ikke adgang til brugeradministrationen.");
      await refused(setUserActive(actor, admin.kind === "user" ? admin.id : 0, false));
      await refused(resetUserPassword(actor, created.id));
      await refused(changeUserAccount(actor, created.id, { name: "X", role: "sundk", municipalityCode: "" }));
    }
    expect([await snapshot(), await auditRows()]).toEqual(before);
  });

  it("changes name, role and municipality at once (read afresh per request) and audits before and after", async () => {
    await changeUserAccount(admin, created.id, { name: "Jens H.", role: "politiker", municipalityCode: "101" });
    const v = await viewerFromToken(created.id, 0);
    expect(v).toMatchObject({ role: "politiker", municipalityCode: "101", name: "Jens H." });
    expect((await auditRows()).at(-1)!.details).toEqual({
      handling: "ændr", bruger: "jens.hansen", brugerId: created.id,
      før: { navn: "Jens Hansen", rolle: "leder", kommune: "751" }, efter: { navn: "Jens H.", rolle: "politiker", kommune: "101" },
    });
    const n = (await auditRows()).length;
    await changeUserAccount(admin, created.id, { name: "Jens H.", role: "politiker", municipalityCode: "101" }); // no change, no entry
    expect(await auditRows()).toHaveLength(n);
  });

  it("lists users by role, municipality, status and search", async () => {
    expect((await listUsers({ rolle: "politiker", kommune: null, status: "aktive", soeg: null })).map((u) => u.username)).toEqual(["jens.hansen"]);
    expect((await listUsers({ rolle: null, kommune: "101", status: "alle", soeg: "JENS" })).map((u) => u.municipalityName)).toEqual(["København"]);
    expect(await listUsers({ rolle: null, kommune: null, status: "deaktiverede", soeg: null })).toEqual([]);
  });
});

describe("sessions and passwords", () => {
  it("deactivation ends the session at once and refuses login; reactivation does not revive the old session", async () => {
    const u = await createUserAccount(admin, { username: "sara", name: "Sara", role: "sundhedsplejerske", municipalityCode: "751" });
    const { sessionVersion } = await checkCredentials("sara", u.password);
    expect(await viewerFromToken(u.id, sessionVersion)).not.toBeNull();
    await setUserActive(admin, u.id, false);
    expect(await viewerFromToken(u.id, sessionVersion)).toBeNull();
    await expect(checkCredentials("sara", u.password)).rejects.toThrow("Forkert brugernavn eller adgangskode.");
    expect((await refused(resetUserPassword(admin, u.id))).message).toContain("deaktiveret");
    await setUserActive(admin, u.id, true);
    expect(await viewerFromToken(u.id, sessionVersion)).toBeNull();
    const again = await checkCredentials("sara", u.password);
    expect(await viewerFromToken(u.id, again.sessionVersion)).not.toBeNull();
    expect((await auditRows()).slice(-2).map((r) => r.details.handling)).toEqual(["deaktivér", "genaktivér"]);
  });

  it("a password reset ends sessions, lifts a lock-out, and only the new password works", async () => {
    const u = await createUserAccount(admin, { username: "lise", name: "Lise", role: "leder", municipalityCode: "751" });
    const { sessionVersion } = await checkCredentials("lise", u.password);
    for (let i = 0; i < 5; i++) await checkCredentials("lise", "forkert-forkert").catch(() => {});
    await expect(checkCredentials("lise", u.password)).rejects.toThrow(/låst/);
    const reset = await resetUserPassword(admin, u.id);
    expect(reset.password).not.toBe(u.password);
    expect(await viewerFromToken(u.id, sessionVersion)).toBeNull();
    await expect(checkCredentials("lise", u.password)).rejects.toThrow("Forkert brugernavn eller adgangskode.");
    expect((await checkCredentials("lise", reset.password)).id).toBe(u.id);
    const entry = (await auditRows()).at(-1)!;
    expect(entry.details).toEqual({ handling: "nulstil adgangskode", bruger: "lise", brugerId: u.id });
    expect(JSON.stringify(entry)).not.toContain(reset.password);
    // every login of the account is in the audit log, admitted or refused with the reason – never a password
    const logins = await pool().query(`SELECT role, municipality_code, details FROM audit_entry WHERE username = 'lise' AND action = 'login' AND resource = 'lokal' ORDER BY id`);
    expect(logins.rows.map((r) => r.details)).toEqual([
      { outcome: "admitted" },
      ...Array.from({ length: 5 }, () => ({ outcome: "refused", reason: "forkert adgangskode" })),
      { outcome: "refused", reason: "låst" },
      { outcome: "refused", reason: "forkert adgangskode" },
      { outcome: "admitted" },
    ]);
    expect(logins.rows[0]).toMatchObject({ role: "leder", municipality_code: "751" });
    for (const secret of ["forkert-forkert", u.password, reset.password]) expect(JSON.stringify(logins.rows)).not.toContain(secret);
    // a username nobody has leaves no trace (it may be a password typed in the wrong field)
    await checkCredentials("ingen-saadan-bruger", "hemmelig-hemmelig").catch(() => {});
    expect((await pool().query(`SELECT count(*)::int AS n FROM audit_entry WHERE details::text LIKE '%ingen-saadan%' OR details::text LIKE '%hemmelig%'`)).rows[0].n).toBe(0);
  });
});

describe("keeping an active SundK user", () => {
  it("a SundK user cannot deactivate or demote themselves, nor anyone the last active SundK", async () => {
    const self = admin.kind === "user" ? admin.id : 0;
    expect((await refused(setUserActive(admin, self, false))).message).toBe("Du kan ikke deaktivere dig selv. Bed en anden SundK-bruger om det.");
    expect((await refused(changeUserAccount(admin, self, { name: "Signe", role: "leder", municipalityCode: "751" }))).message).toContain("dig selv");
    const other = await createUserAccount(admin, { username: "karl", name: "Karl", role: "sundk", municipalityCode: "" });
    const karl = asViewer({ id: other.id, username: "karl", name: "Karl", role: "sundk", municipalityCode: null });
    await setUserActive(karl, self, false); // two active: allowed
    // now karl is the last active SundK user: nobody can remove him
    expect((await refused(setUserActive(admin, other.id, false))).message).toBe("Du kan ikke deaktivere den sidste aktive SundK-bruger.");
    expect(await snapshot().then((rows) => rows.filter((r) => r.role === "sundk" && r.active).map((r) => r.username))).toEqual(["karl"]);
    await setUserActive(karl, self, true);
    const before = await snapshot();
    const outcomes = await Promise.allSettled([setUserActive(admin, other.id, false), setUserActive(karl, self, false)]);
    // concurrent attempts to remove each other: one wins, the other is refused (no deadlock), one active SundK remains
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(outcomes.find((o) => o.status === "rejected")!.reason).toBeInstanceOf(AdminRefused);
    expect((await snapshot()).filter((r) => r.role === "sundk" && r.active)).toHaveLength(1);
    expect(before.length).toBe((await snapshot()).length);
  });

  it("the last active SundK user cannot be demoted by anyone", async () => {
    await pool().query(`UPDATE app_user SET active = true WHERE role = 'sundk'`);
    const karl = (await db().user.findUniqueOrThrow({ where: { username: "karl" } }));
    await setUserActive(admin, karl.id, false);
    await setUserActive(admin, karl.id, true);
    await changeUserAccount(admin, karl.id, { name: "Karl", role: "leder", municipalityCode: "751" }); // two SundK: allowed
    const signe = await db().user.findUniqueOrThrow({ where: { username: "signe" } });
    const third = await createUserAccount(admin, { username: "tove", name: "Tove", role: "sundk", municipalityCode: "" });
    const tove = asViewer({ id: third.id, username: "tove", name: "Tove", role: "sundk", municipalityCode: null });
    await setUserActive(tove, signe.id, false);
    expect((await refused(changeUserAccount(admin, third.id, { name: "Tove", role: "politiker", municipalityCode: "751" }))).message).toBe("Du kan ikke fjerne SundK-rollen fra den sidste aktive SundK-bruger.");
    expect((await refused(setUserActive(tove, third.id, false))).message).toContain("dig selv");
  });
});

describe("the audit log", () => {
  it("the database refuses to change or delete an entry", async () => {
    const before = (await pool().query(`SELECT * FROM audit_entry ORDER BY id`)).rows;
    expect(before.length).toBeGreaterThan(5);
    await expect(pool().query(`UPDATE audit_entry SET username = 'x'`)).rejects.toThrow("audit_entry is append-only");
    await expect(pool().query(`DELETE FROM audit_entry`)).rejects.toThrow("audit_entry is append-only");
    await expect(db().auditEntry.deleteMany({})).rejects.toThrow();
    expect((await pool().query(`SELECT * FROM audit_entry ORDER BY id`)).rows).toEqual(before);
  });
});
