/**
 * The published FHIRPath stays the reference: these tests check that
 *  - the published expressions held in invariants.ts say what mandatory-observations.json says;
 *  - the intended rules are exactly the index-table gaps of the published ones;
 *  - fhirpath.js evaluates the published expressions as profiles.md describes;
 *  - the fast path agrees with fhirpath.js evaluation of the published expressions on the
 *    examples and on thousands of generated and mutated reports (differential test), both rule
 *    by rule and for the validator's complete output.
 */
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { CPR_PATTERN } from "@/lib/cpr";
import mandatoryJson from "./data/mandatory-observations.json";
import {
  ALL_BUNDLE_RULES,
  INTENDED_RULES,
  MANDATORY_RULES,
  NODE_INVARIANTS,
  PUBLISHED_MANDATORY,
  analyseMandatory,
  evaluateBundleRules,
  fastNode,
  matchesRegex,
  referenceBundleRule,
  referenceNode,
  scanBundle,
  type NodeInvariantId,
} from "./invariants";
import { validateDeliveryReport } from "./validate";
import { VISIT, clone, completeReport, loadExamples, mutate, oddShapes, pick, randomReport, rng } from "./testdata/generate";

type J = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface VisitJson {
  encounter_type: { code: string };
  required_by_invariants: { invariant: string; satisfied_by_any_observation_with_code: { code: string }[] }[];
  effectively_enforced: string[];
  index_table_row: string[];
}
const M = mandatoryJson as unknown as { standard_visits: VisitJson[]; _about: { trigger_encounter_class_codes: string[] } };

describe("published mandatory-observation invariants", () => {
  it("are the 17 of the guide, each with the common shape", () => {
    expect(Object.keys(PUBLISHED_MANDATORY)).toHaveLength(17);
    for (const [id, expr] of Object.entries(PUBLISHED_MANDATORY)) expect(() => analyseMandatory(id, expr)).not.toThrow();
    expect(() => analyseMandatory("x", "entry.exists() implies true")).toThrow();
  });

  it("trigger on exactly the visits, classes and codes of mandatory-observations.json", () => {
    const triggers = new Map<string, Set<string>>();
    const codes = new Map<string, Set<string>>();
    for (const v of M.standard_visits) {
      for (const r of v.required_by_invariants) {
        (triggers.get(r.invariant) ?? triggers.set(r.invariant, new Set()).get(r.invariant)!).add(v.encounter_type.code);
        const cs = codes.get(r.invariant) ?? codes.set(r.invariant, new Set()).get(r.invariant)!;
        for (const c of r.satisfied_by_any_observation_with_code) cs.add(c.code);
      }
    }
    for (const rule of MANDATORY_RULES) {
      expect([...rule.triggers].sort(), rule.id).toEqual([...triggers.get(rule.id)!].sort());
      expect([...rule.codes].sort(), rule.id).toEqual([...codes.get(rule.id)!].sort());
      expect([...rule.classes].sort()).toEqual([...M._about.trigger_encounter_class_codes].sort());
    }
    expect(MANDATORY_RULES.find((r) => r.id === "gateway-children-report-motor-function")!.codes).toEqual(["73f981f8-455a-4158-b435-7c6d83ab84da"]);
  });

  it("intended rules are exactly the index-table rows the published rules fail to enforce", () => {
    const motor = M.standard_visits.filter((v) => v.index_table_row.includes("IndicatorMotorFunction")).map((v) => v.encounter_type.code);
    const parentRel = M.standard_visits
      .filter((v) => v.index_table_row.some((n) => n.endsWith("ParentRelationship")) && !v.effectively_enforced.includes("IndicatorParentRelationship"))
      .map((v) => v.encounter_type.code);
    const [m, p] = INTENDED_RULES;
    expect(m.id).toBe("ldbu-intended-motor-function");
    expect([...m.triggers].sort()).toEqual(motor.sort());
    expect(m.codes).toEqual(["e04f2ca1-888a-4671-a97a-371b525cd2a3"]);
    expect(p.id).toBe("ldbu-intended-parent-relationship");
    expect([...p.triggers]).toEqual(parentRel);
    expect(INTENDED_RULES.every((r) => r.severity === "warning")).toBe(true);
  });
});

describe("node invariants as published", () => {
  it("cpr is dk-core's regex, the same as lib/cpr", () => {
    expect(matchesRegex(NODE_INVARIANTS.cpr.expression).source).toBe(CPR_PATTERN.source);
  });

  it("obs-1 behaves as profiles.md describes under fhirpath.js 5.x", () => {
    const obs = (value?: unknown) => ({ resourceType: "Observation", ...(value === undefined ? {} : { valueQuantity: { value, code: "g" } }) });
    expect(referenceNode("obs-1", obs(5100))).toBe(true);
    expect(referenceNode("obs-1", obs(54.4))).toBe(true);
    expect(referenceNode("obs-1", obs(26))).toBe(true);
    expect(referenceNode("obs-1", obs(54.45))).toBe(false);
    expect(referenceNode("obs-1", obs())).toBe(null); // empty: see the decision in validate.ts
  });

  it("questionnaire-response-string-length counts code points and lets '.' match newlines (fhirpath.js flags u+s)", () => {
    for (const s of ["a\nb", "😀".repeat(30), "😀".repeat(31), "", "x".repeat(30), "x".repeat(31)]) {
      expect(fastNode("questionnaire-response-string-length", s)).toBe(referenceNode("questionnaire-response-string-length", s));
    }
  });
});

// ---------------------------------------------------------------- differential corpus

function corpus(): J[] {
  const r = rng(20240611);
  const out: J[] = [...loadExamples().values()];
  for (const v of Object.values(VISIT)) for (const cls of ["HH", "AMB", "VR"]) out.push(completeReport({ visit: v, cls, extras: true }));
  for (let i = 0; i < 1500; i++) out.push(randomReport(r, i));
  const base = out.slice();
  for (let i = 0; i < 1500; i++) out.push(mutate(r, pick(r, base)));
  // Reports with one mandatory observation removed, so rules both hold and fail.
  for (let i = 0; i < 300; i++) {
    const b = clone(pick(r, base));
    if (Array.isArray(b.entry) && b.entry.length > 0) b.entry.splice(Math.floor(r() * b.entry.length), 1);
    out.push(b);
  }
  for (const b of [...loadExamples().values(), completeReport({ visit: VISIT.twoMonths, extras: true })]) out.push(...oddShapes(b));
  return out;
}

describe("fast path = fhirpath.js evaluation of the published expressions (differential)", () => {
  const reports = corpus();

  it("agrees on every mandatory-observation and intended rule, for every report", { timeout: 300_000 }, () => {
    expect(reports.length).toBeGreaterThan(3000);
    let compared = 0;
    let decidedFast = 0;
    let violated = 0;
    const classes = new Set(["HH", "AMB"]);
    for (const b of reports) {
      const scan = scanBundle(b, classes);
      if (scan) decidedFast++;
      const fast = evaluateBundleRules(b, "fast");
      for (let k = 0; k < ALL_BUNDLE_RULES.length; k++) {
        const rule = ALL_BUNDLE_RULES[k];
        let ref: boolean | null | "error";
        try {
          ref = referenceBundleRule(rule, b);
        } catch {
          ref = "error";
        }
        const expected = ref === null ? true : ref;
        if (fast[k].value !== expected) {
          throw new Error(`${rule.id}: fast ${fast[k].value} vs fhirpath ${ref} on ${JSON.stringify(b).slice(0, 400)}`);
        }
        if (expected === false) violated++;
        compared++;
      }
    }
    // The fast path must actually be used for most reports, and rules must fail often enough to matter.
    expect(decidedFast / reports.length).toBeGreaterThan(0.8);
    expect(violated).toBeGreaterThan(1000);
    expect(compared).toBe(reports.length * ALL_BUNDLE_RULES.length);
  });

  it("agrees on every node invariant wherever the fast path answers", { timeout: 300_000 }, () => {
    const stats = new Map<NodeInvariantId, { decided: number; total: number }>();
    const check = (id: NodeInvariantId, node: unknown) => {
      const s = stats.get(id) ?? stats.set(id, { decided: 0, total: 0 }).get(id)!;
      s.total++;
      const f = fastNode(id, node);
      if (f === undefined) return;
      s.decided++;
      let ref: unknown;
      try {
        ref = referenceNode(id, node);
      } catch (e) {
        throw new Error(`${id}: fast ${f}, fhirpath threw ${String(e)} on ${JSON.stringify(node)}`);
      }
      if (ref !== f) throw new Error(`${id}: fast ${f} vs fhirpath ${String(ref)} on ${JSON.stringify(node)}`);
    };
    for (const b of reports) {
      for (const e of Array.isArray(b?.entry) ? b.entry : []) {
        const res = e?.resource;
        if (typeof res !== "object" || res === null) continue;
        if (res.resourceType === "Observation") {
          for (const id of ["obs-1", "obs-2", "obs-6", "dk-core-observation-mandatory-units"] as const) check(id, res);
        } else if (res.resourceType === "Patient") {
          for (const i of Array.isArray(res.identifier) ? res.identifier : []) if (i && typeof i === "object" && i.value !== undefined) check("cpr", i.value);
          const v = res.managingOrganization?.identifier?.value;
          if (v !== undefined) check("min-digits-sor", v);
        } else if (res.resourceType === "QuestionnaireResponse") {
          for (const it of Array.isArray(res.item) ? res.item : []) {
            for (const a of Array.isArray(it?.answer) ? it.answer : []) if (a && a.valueString !== undefined) check("questionnaire-response-string-length", a.valueString);
          }
        }
      }
    }
    // Value fuzz for the regex and decimal rules.
    const r = rng(7);
    const values: unknown[] = [0, 1, -1, 0.1, 1.25, 54.45, 1e-7, 1e21, 2 ** 53 + 2, "5100", "54.4", "", "abc", "1.2.3", "١٢", "12\n3", true, false, {}, "0505209996", "3102201234", "2902214000", "050520-9996", "12345678901", "1234567890", "😀".repeat(15), "x".repeat(31)];
    for (let i = 0; i < 5000; i++) {
      const x = (Math.floor(r() * 1e7) / 10 ** Math.floor(r() * 6)) * (r() < 0.1 ? -1 : 1);
      values.push(x, String(x), String(Math.floor(r() * 1e12)).padStart(10, "0"));
    }
    for (const v of values) {
      check("obs-1", { resourceType: "Observation", valueQuantity: { value: v, unit: "g" } });
      check("dk-core-observation-mandatory-units", { resourceType: "Observation", valueQuantity: { value: v } });
      check("obs-2", { resourceType: "Observation", valueString: v });
      check("obs-6", { resourceType: "Observation", valueBoolean: v, dataAbsentReason: { text: "x" } });
      check("cpr", v);
      check("min-digits-sor", v);
      check("questionnaire-response-string-length", v);
    }
    for (const [id, s] of stats) expect(s.decided / s.total, id).toBeGreaterThan(0.5);
  });

  it("gives the same validation outcome with either engine", { timeout: 300_000 }, () => {
    const r = rng(99);
    const sample = [...reports.slice(0, 60), ...Array.from({ length: 600 }, () => pick(r, reports))];
    for (const b of sample) {
      const fast = validateDeliveryReport(b);
      const ref = validateDeliveryReport(b, { engine: "reference" });
      if (!isDeepStrictEqual(fast, ref)) {
        throw new Error(`engines differ on ${JSON.stringify(b).slice(0, 300)}:\n${JSON.stringify(fast.issues.map((i) => i.rule))}\n${JSON.stringify(ref.issues.map((i) => i.rule))}`);
      }
    }
  });
});
