import { describe, expect, it } from "vitest";
import { isMissingState, MISSING_STATE_LABELS, MISSING_STATES } from "./missing";

describe("missing states", () => {
  it("are four distinct states, each with a Danish label", () => {
    expect(MISSING_STATES).toEqual(["no-data", "suppressed", "not-compared", "uoplyst"]);
    expect(Object.keys(MISSING_STATE_LABELS).sort()).toEqual([...MISSING_STATES].sort());
    expect(new Set(Object.values(MISSING_STATE_LABELS)).size).toBe(4);
    expect(MISSING_STATE_LABELS.suppressed).toBe("<5");
  });
  it("can be recognised at run time", () => {
    expect(isMissingState("suppressed")).toBe(true);
    expect(isMissingState("missing")).toBe(false);
    expect(isMissingState(null)).toBe(false);
  });
});
