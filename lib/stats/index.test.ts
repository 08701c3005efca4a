import { describe, expect, it } from "vitest";
import * as stats from "@/lib/stats";

describe("public API", () => {
  it("is reachable through the @/lib/stats alias", () => {
    const ci = stats.wilson(81, 263)!;
    expect(stats.compareWithNation({ areaLow: ci.low, areaHigh: ci.high, nationValue: 0.4, polarity: "higher" })).toBe("worse");
    expect(stats.formatPercent(ci.value)).toBe("30,8 %");
    expect(stats.funnelPosition(81, 263, 0.4)).toBe("below-95");
    expect(stats.MIN_TREND_PERIODS).toBe(5);
    expect(stats.suppress([{ key: "a", numerator: 2, denominator: 9 }], []).get("a")).toBe("primary");
    expect(stats.isMissingState("uoplyst")).toBe(true);
  });
});
