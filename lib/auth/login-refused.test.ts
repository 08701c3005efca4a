import { describe, expect, it } from "vitest";
import { minutesText } from "./login-refused";

describe("minutesText", () => {
  it("rounds up to whole minutes, at least one, in Danish", () => {
    expect(minutesText(0)).toBe("1 minut");
    expect(minutesText(59_000)).toBe("1 minut");
    expect(minutesText(60_001)).toBe("2 minutter");
    expect(minutesText(14.2 * 60_000)).toBe("15 minutter");
  });
});
