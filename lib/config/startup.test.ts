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
});
