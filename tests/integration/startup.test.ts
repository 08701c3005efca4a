/** A production server refuses to start with missing or demo secrets. */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

function start(env: Record<string, string | undefined>) {
  const clean = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", ...env } as NodeJS.ProcessEnv;
  return spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", "0"], { env: clean, encoding: "utf8", timeout: 60_000 });
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
});
