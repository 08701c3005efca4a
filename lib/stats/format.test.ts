import { describe, expect, it } from "vitest";
import { formatDecimal, formatNumber, formatPercent, MISSING_TEXT } from "./format";

describe("formatPercent", () => {
  it("uses a decimal comma and a space before the percent sign", () => {
    expect(formatPercent(0.1234, 1)).toBe("12,3 %");
    expect(formatPercent(0.1234)).toBe("12,3 %");
    expect(formatPercent(0.5, 0)).toBe("50 %");
    expect(formatPercent(0.05, 2)).toBe("5,00 %");
    expect(formatPercent(1, 1)).toBe("100,0 %");
    expect(formatPercent(0, 1)).toBe("0,0 %");
    expect(formatPercent(12.3456, 1)).toBe("1.234,6 %");
    expect(formatPercent(12.3456, 1, { grouping: false })).toBe("1234,6 %");
  });
  it("rounds the decimal value half away from zero, without binary artefacts", () => {
    expect(formatPercent(0.145, 0)).toBe("15 %"); // 0.145 * 100 is 14.499999999999998 in binary
    expect(formatPercent(0.0125, 1)).toBe("1,3 %");
    expect(formatPercent(0.30798479087452471, 1)).toBe("30,8 %");
    expect(formatPercent(0.99996, 2)).toBe("100,00 %");
    expect(formatPercent(-0.0125, 1)).toBe("-1,3 %");
    expect(formatPercent(-0.0004, 1)).toBe("0,0 %"); // no "-0,0"
  });
  it("shows missing values as an en dash", () => {
    for (const x of [null, undefined, Number.NaN, Infinity]) expect(formatPercent(x)).toBe("–");
    expect(MISSING_TEXT).toBe("\u2013");
  });
});

describe("formatNumber", () => {
  it("groups thousands with a point", () => {
    expect(formatNumber(12345)).toBe("12.345");
    expect(formatNumber(1234)).toBe("1.234");
    expect(formatNumber(999)).toBe("999");
    expect(formatNumber(0)).toBe("0");
    expect(formatNumber(57000)).toBe("57.000");
    expect(formatNumber(1234567)).toBe("1.234.567");
    expect(formatNumber(-1234567)).toBe("-1.234.567");
    expect(formatNumber(1234567, { grouping: false })).toBe("1234567");
  });
  it("rounds to a whole number", () => {
    expect(formatNumber(2.5)).toBe("3");
    expect(formatNumber(-2.5)).toBe("-3");
    expect(formatNumber(1234.4)).toBe("1.234");
    expect(formatNumber(-0.4)).toBe("0");
  });
  it("shows missing values as an en dash", () => {
    expect(formatNumber(null)).toBe("–");
    expect(formatNumber(undefined)).toBe("–");
    expect(formatNumber(Number.NaN)).toBe("–");
  });
});

describe("formatDecimal", () => {
  it("uses a decimal comma with a fixed number of decimals", () => {
    expect(formatDecimal(1234.567, 2)).toBe("1.234,57");
    expect(formatDecimal(1234.567, 2, { grouping: false })).toBe("1234,57");
    expect(formatDecimal(0.30798479087452471, 4)).toBe("0,3080");
    expect(formatDecimal(3, 1)).toBe("3,0");
    expect(formatDecimal(1.005, 2)).toBe("1,01");
    expect(formatDecimal(1e-7, 3)).toBe("0,000");
    expect(formatDecimal(1.5e-7, 7)).toBe("0,0000002");
    expect(formatDecimal(-12.345, 2)).toBe("-12,35");
    expect(formatDecimal(5, 0)).toBe("5");
  });
  it("agrees with Intl da-DK apart from its rounding of negative zero", () => {
    const intl = (x: number, d: number) =>
      new Intl.NumberFormat("da-DK", { minimumFractionDigits: d, maximumFractionDigits: d }).format(x);
    for (const x of [0, 0.5, 1.25, 12.3456, 999.999, 1234.5678, 98765.4321, -42.42, 57000]) {
      for (const d of [0, 1, 2, 3]) expect(formatDecimal(x, d)).toBe(intl(x, d));
    }
  });
  it("shows missing values as an en dash and rejects bad digit counts", () => {
    expect(formatDecimal(null, 2)).toBe("–");
    expect(() => formatDecimal(1, -1)).toThrow(RangeError);
    expect(() => formatDecimal(1, 1.5)).toThrow(RangeError);
  });
});
