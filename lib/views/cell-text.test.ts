import { describe, expect, it } from "vitest";
import { ciText, countCsv, countText, percentCsv, uoplystShare, uoplystShareCsv, uoplystText, valueText } from "./cell-text";
import { cell } from "./fixtures";

describe("cell texts", () => {
  const big = cell("municipality", "101", 1234, 5678, { uoplyst: 89, ciLow: 0.2063, ciHigh: 0.2285 });
  it("display formats", () => {
    expect(countText(big, "numerator")).toBe("1.234");
    expect(valueText(big)).toBe("21,7 %");
    expect(ciText(big)).toBe("20,6–22,9 %");
    expect(uoplystText(big)).toBe("89 (1,5 %)");
    expect(uoplystShare(big)).toBeCloseTo(89 / 5767);
  });
  it("CSV formats", () => {
    expect(countCsv(big, "numerator")).toBe("1234");
    expect(percentCsv(big, "value")).toBe("21,7");
    expect(percentCsv(big, "ciHigh")).toBe("22,9");
    expect(uoplystShareCsv(big)).toBe("1,5");
  });
  it("suppressed and missing", () => {
    const hidden = cell("municipality", "825", null, null);
    for (const f of [countText(hidden, "denominator"), valueText(hidden), ciText(hidden), uoplystText(hidden), countCsv(hidden, "numerator"), percentCsv(hidden, "ciLow")]) expect(f).toBe("<5");
    expect(valueText(null)).toBe("–");
    expect(countCsv(null, "numerator")).toBe("");
    const uoplystHidden = { ...big, uoplyst: null, uoplystSuppressed: true };
    expect(uoplystText(uoplystHidden)).toBe("<5");
    expect(countText(uoplystHidden, "numerator")).toBe("1.234");
  });
});
