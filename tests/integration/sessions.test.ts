/**
 * Session hygiene on the running app: a session works for pages and API routes until the user is
 * deactivated (then at once, not at expiry), it ends 8 hours after login however it was renewed,
 * logging out makes a copied session cookie worthless, and only an intact, unexpired session cookie counts.
 */
import { randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@/lib/auth/users";
import { pool } from "@/lib/db/client";
import { useAppDatabase } from "./helpers/app-db";
import { startApp, type AppServer } from "../../scripts/app-server";

const PASSWORD = "korrekt-hest-batteri-staple";
const COOKIE = "next-auth.session-token";
let db: Awaited<ReturnType<typeof useAppDatabase>>;
let app: AppServer;

beforeAll(async () => {
  db = await useAppDatabase();
  process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url");
  for (const username of ["lone", "lars", "lotte"]) await createUser({ username, name: username, role: "leder", municipalityCode: "101", password: PASSWORD });
  app = await startApp(db.url);
});
afterAll(async () => {
  await app?.stop();
  await db.close();
});

const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]);

/** Logs in through next-auth's credentials endpoint, as the login form does; returns the session cookie. */
async function login(username: string): Promise<string> {
  const csrf = await fetch(`${app.url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${app.url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf).join("; ") },
    body: new URLSearchParams({ csrfToken, username, password: PASSWORD, json: "true" }),
  });
  const session = cookiesOf(res).find((c) => c.startsWith(`${COOKIE}=`));
  if (!session) throw new Error(`login som ${username} gav ingen session (${res.status})`);
  return session;
}

/** What a session cookie opens: the Fejlliste page (200, or 307 to /login) and its API route (200 or 401). */
async function access(cookie: string) {
  const page = await fetch(`${app.url}/fejlliste`, { headers: { cookie }, redirect: "manual" });
  const api = await fetch(`${app.url}/api/fejlliste`, { headers: { cookie } });
  return { page: page.status, login: page.headers.get("location")?.startsWith("/login") ?? false, api: api.status };
}
const OPEN = { page: 200, login: false, api: 200 };
const CLOSED = { page: 307, login: true, api: 401 };

const userId = async (username: string) => (await pool().query<{ id: number; session_version: number }>(`SELECT id, session_version FROM app_user WHERE username = $1`, [username])).rows[0];

/** A session cookie as next-auth would issue it, with a chosen login time. */
async function cookieWithLoginAt(username: string, at: number, maxAge = 8 * 3600): Promise<string> {
  const u = await userId(username);
  const token = await encode({ token: { sub: String(u.id), uid: u.id, sv: u.session_version, at }, secret: process.env.NEXTAUTH_SECRET!, maxAge });
  return `${COOKIE}=${token}`;
}

describe("sessions", () => {
  it("a deactivated user's existing session stops working at once, for pages and API routes", async () => {
    const cookie = await login("lone");
    expect(await access(cookie)).toEqual(OPEN);
    await pool().query(`UPDATE app_user SET active = false WHERE username = 'lone'`);
    expect(await access(cookie)).toEqual(CLOSED);
    expect(await access("")).toEqual(CLOSED);
  });

  it("a session ends 8 hours after login, even when its cookie was renewed", async () => {
    const hour = 3600_000;
    expect(await access(await cookieWithLoginAt("lars", Date.now() - 7 * hour))).toEqual(OPEN);
    expect(await access(await cookieWithLoginAt("lars", Date.now() - 8 * hour - 1000))).toEqual(CLOSED);
    // A renewal through /api/auth/session keeps the login time, so it cannot extend the session.
    const old = await cookieWithLoginAt("lars", Date.now() - 8 * hour - 1000);
    const renewed = cookiesOf(await fetch(`${app.url}/api/auth/session`, { headers: { cookie: old } })).find((c) => c.startsWith(`${COOKIE}=`));
    expect(renewed).toBeDefined();
    expect(await access(renewed!)).toEqual(CLOSED);
  });

  it("logging out makes a copy of the session cookie worthless", async () => {
    const cookie = await login("lotte");
    expect(await access(cookie)).toEqual(OPEN);
    const csrf = await fetch(`${app.url}/api/auth/csrf`, { headers: { cookie } });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const out = await fetch(`${app.url}/api/auth/signout`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: [cookie, ...cookiesOf(csrf)].join("; ") },
      body: new URLSearchParams({ csrfToken, json: "true" }),
    });
    expect(out.status).toBeLessThan(400);
    expect(await access(cookie)).toEqual(CLOSED);
    expect(await access(await login("lotte"))).toEqual(OPEN);
  });

  it("counts only an intact, unexpired session cookie — not the same token in an Authorization header", async () => {
    const good = await cookieWithLoginAt("lars", Date.now());
    expect(await access(good)).toEqual(OPEN);
    expect(await access(await cookieWithLoginAt("lars", Date.now(), -60))).toEqual(CLOSED); // the token itself has expired
    const token = good.slice(COOKIE.length + 1);
    const flipped = token.slice(0, -5) + (token.at(-5) === "A" ? "B" : "A") + token.slice(-4);
    expect(await access(`${COOKIE}=${flipped}`)).toEqual(CLOSED);
    const bearer = await fetch(`${app.url}/api/fejlliste`, { headers: { authorization: `Bearer ${token}` } });
    expect(bearer.status).toBe(401);
  });
});
