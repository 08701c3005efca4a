import { describe, expect, it } from "vitest";
import mandatory from "@/lib/fhir/data/mandatory-observations.json";
import { ALL_BUNDLE_RULES } from "@/lib/fhir/invariants";
import { ITEMS, ITEM_BY_KEY, STANDARD_VISIT_CODES, VISITS, VISIT_ITEMS } from "./items";

describe("mandatory observations per visit", () => {
  it("are exactly what the validator checks (working published rules as errors, intended rules as warnings)", () => {
    const ruleToItem = new Map(ITEMS.map((i) => [i.rule, i.key]));
    ruleToItem.set("ldbu-intended-parent-relationship", "relationship");
    const fromValidator = new Set<string>();
    for (const rule of ALL_BUNDLE_RULES) {
      if (rule.defective) continue; // tests the sleep code: adds nothing beyond the sleep rule
      const item = ruleToItem.get(rule.id);
      expect(item, rule.id).toBeDefined();
      for (const visit of rule.triggers) fromValidator.add(`${visit} ${item} ${rule.severity === "error" ? "enforced" : "intended"} ${rule.id}`);
    }
    const ours = new Set<string>();
    for (const [visit, items] of VISIT_ITEMS) for (const i of items) ours.add(`${visit} ${i.item} ${i.enforced ? "enforced" : "intended"} ${i.rule}`);
    expect([...ours].sort()).toEqual([...fromValidator].sort());
  });

  it("cover the ten standard visits of the guide and the codes the rules accept", () => {
    expect(STANDARD_VISIT_CODES.toSorted()).toEqual(mandatory.standard_visits.map((v) => v.encounter_type.code).toSorted());
    for (const v of mandatory.standard_visits) expect(VISITS.find((x) => x.code === v.encounter_type.code)?.label).toBe(v.encounter_type.display);
    for (const rule of ALL_BUNDLE_RULES) {
      if (rule.defective) continue;
      const item = ITEMS.find((i) => i.rule === rule.id) ?? ITEM_BY_KEY.get("relationship")!;
      const fboe = item.match.filter((m) => m.kind === "indicator" || m.kind === "feeding").map((m) => m.code);
      if (fboe.length) expect(rule.codes.every((c) => fboe.includes(c)), rule.id).toBe(true);
    }
  });
});

describe("item matchers", () => {
  it("match by kind alone only for measurements (the facts query depends on it)", () => {
    for (const i of ITEMS) for (const m of i.match) expect(m.code === null, `${i.key} ${m.kind}`).toBe(["weight", "height", "head_circumference"].includes(m.kind));
  });
});
