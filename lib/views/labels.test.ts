import { describe, expect, it } from "vitest";
import { cell } from "./fixtures";
import { CATEGORIES, CATEGORY_STYLE, categoryOf, legendCategories, standardLabel, trendLabel } from "./labels";

describe("labels", () => {
  it("a cell's category: benchmark, or why it has none", () => {
    expect(categoryOf(cell("municipality", "101", 1, 10, { benchmark: "worse" }))).toBe("worse");
    expect(categoryOf(cell("municipality", "101", null, null))).toBe("suppressed");
    expect(categoryOf(cell("municipality", "101", 0, 0))).toBe("no-data");
    expect(categoryOf(cell("nation", "DK", 1, 10))).toBe("not-compared");
    expect(categoryOf(null)).toBe("no-data");
  });

  it("never tells categories of one legend apart by colour alone", () => {
    for (const polarity of ["higher", "lower", "none", "all"] as const) {
      const categories = legendCategories(polarity);
      // every category has its own pattern; the plain fills are one dark (better) and one light (similar)
      const patterns = categories.map((c) => CATEGORY_STYLE[c].pattern ?? `plain-${c === "better" ? "dark" : "light"}`);
      expect(new Set(patterns).size, polarity).toBe(categories.length);
    }
    expect(CATEGORIES).toHaveLength(8);
  });

  it("trend and standard in words", () => {
    expect(trendLabel("increasing", "lower")).toBe("Stigende – dårligere");
    expect(trendLabel("decreasing", "none")).toBe("Faldende");
    expect(trendLabel("not-enough-data", "higher")).toBe("For få perioder");
    expect(standardLabel(true, "entirely-met")).toBe("Opfyldt (sikkert)");
    expect(standardLabel(false, "straddles")).toBe("Ikke opfyldt (usikkert)");
    expect(standardLabel(null, null)).toBe("–");
  });
});
