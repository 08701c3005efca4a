import { describe, expect, it } from "vitest";
import { decide, worklistScope, type Action } from "./access";
import { ANONYMOUS, type Role, type Viewer } from "./roles";

const user = (role: Role, municipalityCode: string | null = "101"): Viewer => ({
  kind: "user", id: 1, username: role, name: role, role, municipalityCode,
});

const GATEWAY: Viewer = { kind: "gateway", clientId: 1, name: "fk-gateway" };

// [viewer, action, municipality, allow, unsuppressed]
const table: [Viewer, Action, string | undefined, boolean, boolean][] = [
  [ANONYMOUS, "read:published", undefined, true, false],
  [ANONYMOUS, "read:current", "101", false, false],
  [ANONYMOUS, "read:worklist", "101", false, false],
  [ANONYMOUS, "admin", undefined, false, false],
  [user("politiker"), "read:current", "101", true, true],
  [user("politiker"), "read:current", "147", true, false],
  [user("politiker"), "export:current", "101", true, true],
  [user("politiker"), "read:worklist", "101", false, false],
  [user("sundhedsplejerske"), "read:current", "101", true, true],
  [user("sundhedsplejerske"), "read:current", "147", true, false],
  [user("sundhedsplejerske"), "read:worklist", "101", false, false],
  [user("sundhedsplejerske"), "comment:hearing", "101", false, false],
  [user("leder"), "read:worklist", "101", true, true],
  [user("leder"), "read:worklist", "147", false, false],
  [user("leder"), "comment:hearing", "101", true, true],
  [user("leder"), "comment:hearing", "147", false, false],
  [user("leder"), "admin", undefined, false, false],
  [user("leder"), "read:logs", undefined, false, false],
  [user("sundk", null), "read:current", "147", true, true],
  [user("sundk", null), "read:worklist", "851", true, true],
  [user("sundk", null), "admin", undefined, true, true],
  [user("sundk", null), "read:logs", undefined, true, true],
  [user("sundk", null), "submit:reports", undefined, false, false],
  [ANONYMOUS, "submit:reports", undefined, false, false],
  [GATEWAY, "submit:reports", undefined, true, false],
  [GATEWAY, "read:published", undefined, false, false],
  [GATEWAY, "read:current", "101", false, false],
];

describe("access rules", () => {
  it.each(table)("%#: %o %s %s", (viewer, action, kommune, allow, unsuppressed) => {
    expect(decide(viewer, action, kommune)).toEqual({ allow, unsuppressed });
  });
  it("a resource spanning all municipalities is never 'own'", () => {
    expect(decide(user("politiker"), "read:current", undefined)).toEqual({ allow: true, unsuppressed: false });
  });
  it("worklist scope", () => {
    expect(worklistScope(user("sundk", null))).toBe("all");
    expect(worklistScope(user("leder", "851"))).toEqual(["851"]);
    expect(worklistScope(user("politiker"))).toEqual([]);
    expect(worklistScope(ANONYMOUS)).toEqual([]);
  });
});
