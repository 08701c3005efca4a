import { describe, expect, it } from "vitest";
import { startupProblems } from "./startup";

const good = { DATABASE_URL: "postgresql://x/y", NEXTAUTH_SECRET: "s".repeat(40), LDBU_PSEUDONYM_KEY: "k".repeat(40) };

describe("startup check", () => {
  it("accepts production secrets from the environment", () => {
    expect(startupProblems(good, {})).toEqual([]);
  });
  it("refuses missing, short and demo secrets in production", () => {
    expect(startupProblems({}, {}).map((p) => p.name)).toEqual(["DATABASE_URL", "NEXTAUTH_SECRET", "LDBU_PSEUDONYM_KEY"]);
    expect(startupProblems({ ...good, NEXTAUTH_SECRET: "short" }, {}).map((p) => p.name)).toEqual(["NEXTAUTH_SECRET"]);
    expect(startupProblems(good, { LDBU_PSEUDONYM_KEY: "k".repeat(40) }).map((p) => p.name)).toEqual(["LDBU_PSEUDONYM_KEY"]);
  });
  it("lets the project's own local scripts run with demo secrets", () => {
    expect(startupProblems({ LDBU_MODE: "demo" }, {})).toEqual([]);
  });
  it("refuses malformed security settings in every mode", () => {
    const demo = { LDBU_MODE: "demo" };
    expect(startupProblems({ ...demo, LDBU_TRUSTED_PROXIES: "10.0.0.0/8, proxy" }, {}).map((p) => p.name)).toEqual(["LDBU_TRUSTED_PROXIES"]);
    expect(startupProblems({ ...demo, LDBU_FHIR_RATE: "-1" }, {}).map((p) => p.name)).toEqual(["LDBU_FHIR_RATE", "LDBU_FHIR_BURST"]);
    expect(startupProblems({ ...good, LDBU_LOGIN_MAX_FAILURES: "0", LDBU_LOGIN_WINDOW_MINUTES: "15" }, {}).map((p) => p.name)).toEqual(["LDBU_LOGIN_MAX_FAILURES"]);
    expect(startupProblems({ ...good, LDBU_TRUSTED_PROXIES: "127.0.0.1, ::1", LDBU_FHIR_RATE: "300" }, {})).toEqual([]);
  });
});

describe("startup check: single sign-on", () => {
  const sso = {
    LDBU_OIDC_ISSUER: "https://login.example",
    LDBU_OIDC_CLIENT_ID: "ldbu",
    LDBU_OIDC_CLIENT_SECRET: "klienthemmelighed",
    LDBU_OIDC_ROLE_CLAIM: "groups",
    LDBU_OIDC_ROLE_MAP: '{"LDBU-SundK":"sundk"}',
    LDBU_OIDC_MUNICIPALITY_CLAIM: "kommunekode",
  };
  it("accepts a complete configuration with NEXTAUTH_URL", () => {
    expect(startupProblems({ ...good, ...sso, NEXTAUTH_URL: "https://ldbu.example" }, {})).toEqual([]);
  });
  it("needs NEXTAUTH_URL in production (the redirect URI)", () => {
    expect(startupProblems({ ...good, ...sso }, {}).map((p) => p.name)).toEqual(["NEXTAUTH_URL"]);
  });
  it("refuses a partial or invalid configuration, also in local runs", () => {
    expect(startupProblems({ ...good, NEXTAUTH_URL: "https://ldbu.example", LDBU_OIDC_ISSUER: "https://login.example" }, {})).toHaveLength(5);
    expect(startupProblems({ LDBU_MODE: "demo", ...sso, LDBU_OIDC_ROLE_MAP: '{"x":"chef"}' }, {}).map((p) => p.name)).toEqual(["LDBU_OIDC"]);
  });
});
