/** A production server (`next start`, and the app cluster of `ldbu start`) refuses to start with missing or demo secrets. */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const NEXT_START = ["node_modules/next/dist/bin/next", "start", "-p", "0"];

function start(env: Record<string, string | undefined>, command = NEXT_START) {
  const clean = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", ...env } as NodeJS.ProcessEnv;
  return spawnSync(process.execPath, command, { env: clean, encoding: "utf8", timeout: 60_000 });
}

describe("startup check", () => {
  it("refuses to serve without secrets", () => {
    const r = start({ DATABASE_URL: "postgresql://127.0.0.1:1/none" });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("NEXTAUTH_SECRET skal være sat");
  });
  it("refuses short secrets", () => {
    const r = start({ DATABASE_URL: "postgresql://127.0.0.1:1/none", NEXTAUTH_SECRET: "kort", LDBU_PSEUDONYM_KEY: "ogsaa-kort" });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("for kort");
  });
  it("refuses malformed security settings even in demo mode", () => {
    const r = start({ LDBU_MODE: "demo", DATABASE_URL: "postgresql://127.0.0.1:1/none", LDBU_TRUSTED_PROXIES: "proxy.intern" });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('LDBU_TRUSTED_PROXIES: "proxy.intern" er hverken en IP-adresse');
  });
  it("the app cluster stops as a whole (no restarting of workers) when they refuse to start", () => {
    const r = start({ DATABASE_URL: "postgresql://127.0.0.1:1/none" }, ["--import", "tsx", "scripts/server/main.ts", "0", "2"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("NEXTAUTH_SECRET skal være sat");
    expect(r.stderr).toContain("kunne ikke starte");
  });
});

describe("startup check: single sign-on", () => {
  it("refuses to serve with a partial OIDC configuration", () => {
    const r = start({ DATABASE_URL: "postgresql://127.0.0.1:1/none", NEXTAUTH_SECRET: "s".repeat(40), LDBU_PSEUDONYM_KEY: "k".repeat(40), LDBU_OIDC_ISSUER: "https://login.example", LDBU_OIDC_CLIENT_ID: "ldbu" });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("LDBU_OIDC_CLIENT_SECRET skal være sat, når single sign-on (LDBU_OIDC_*) er slået til.");
  });
  it("refuses an invalid role map", () => {
    const r = start({
      DATABASE_URL: "postgresql://127.0.0.1:1/none", NEXTAUTH_SECRET: "s".repeat(40), LDBU_PSEUDONYM_KEY: "k".repeat(40), NEXTAUTH_URL: "https://ldbu.example",
      LDBU_OIDC_ISSUER: "https://login.example", LDBU_OIDC_CLIENT_ID: "ldbu", LDBU_OIDC_CLIENT_SECRET: "hemmelig", LDBU_OIDC_ROLE_CLAIM: "groups",
      LDBU_OIDC_ROLE_MAP: '{"LDBU-Chef":"chef"}', LDBU_OIDC_MUNICIPALITY_CLAIM: "kommunekode",
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('"LDBU-Chef" peger på en ukendt rolle ("chef")');
  });
});
