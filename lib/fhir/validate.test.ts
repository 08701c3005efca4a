import { describe, expect, it } from "vitest";
import { benchValidator } from "./bench";
import { scanBundle } from "./invariants";
import { RULE_SYSTEM, TRANSLATION_EXTENSION, safeEcho } from "./outcome";
import { CONDITIONS, CONDITIONS_EXPECTED_COUNT, ENCOUNTER_TYPES, INDICATORS, INTERVENTIONS, QUESTIONNAIRES } from "./terminology";
import { parseJson, validateDeliveryReport, validateSubmission } from "./validate";
import { CHILD_CPR, PARENT_CPR, VISIT, clone, completeReport, example, loadExamples, loadExpected } from "./testdata/generate";

type J = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const EXAMPLE_CPRS = ["0505209996", "0505159995", "2911829996", "1502829995"];

describe("the guide's examples", () => {
  const expected = loadExpected();
  const examples = loadExamples();

  it("covers every example file", () => {
    expect(expected.map((e) => e.file).sort()).toEqual([...examples.keys()].sort());
  });

  it.each(expected.map((e) => [e.file, e] as const))("%s gets the expected outcome", (_f, e) => {
    const r = validateDeliveryReport(examples.get(e.file));
    expect(r.valid).toBe(e.expected === "valid");
    const errorRules = [...new Set(r.issues.filter((i) => i.severity === "error" || i.severity === "fatal").map((i) => i.rule))].sort();
    expect(errorRules).toEqual([...e.violates].sort());
    for (const v of e.violates) {
      expect(r.outcome.issue.some((i) => i.details.coding[0].code === v && i.severity === "error")).toBe(true);
    }
    if (e.expected === "valid") expect(r.issues).toEqual([]);
    const text = JSON.stringify(r.outcome);
    for (const cpr of EXAMPLE_CPRS) expect(text).not.toContain(cpr);
  });

  it("also accepts the JSON text", () => {
    const [file, b] = [...examples.entries()][0];
    const fromText = validateDeliveryReport(JSON.stringify(b));
    expect(fromText).toEqual(validateDeliveryReport(examples.get(file)));
  });

  it("does not modify its input", () => {
    for (const b of examples.values()) {
      const before = JSON.stringify(b);
      validateDeliveryReport(b);
      validateDeliveryReport(b, { engine: "reference" });
      expect(JSON.stringify(b)).toBe(before);
    }
  });
});

describe("bundled references", () => {
  /** Rewrite every absolute reference to the relative `Type/id` form (as SUSHI would). */
  function relative(b: J): J {
    return JSON.parse(JSON.stringify(b).replace(/"reference":"https:\/\/test\.fhir\.dk\//g, '"reference":"'));
  }
  /** Use urn:uuid fullUrls and references. */
  function urnUuids(b: J): J {
    const map = new Map<string, string>();
    b.entry.forEach((e: J, i: number) => map.set(e.fullUrl, `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, "0")}`));
    let s = JSON.stringify(b);
    for (const [from, to] of map) s = s.split(`"${from}"`).join(`"${to}"`);
    return JSON.parse(s);
  }

  it("resolves relative Type/id references against the entry's fullUrl base", () => {
    for (const b of loadExamples().values()) {
      const rel = relative(b);
      expect(JSON.stringify(rel)).not.toMatch(/"reference":"https/);
      expect(validateDeliveryReport(rel).issues.filter((i) => i.rule.startsWith("ldbu-reference"))).toEqual([]);
    }
  });

  it("resolves urn:uuid fullUrls, and Type/id when the referring entry has no RESTful fullUrl", () => {
    const b = urnUuids(completeReport({ visit: VISIT.twoMonths, extras: true }));
    expect(validateDeliveryReport(b).issues).toEqual([]);
    const r = relative(completeReport({ visit: VISIT.twoMonths, extras: true }));
    for (const e of r.entry) e.fullUrl = `urn:uuid:${e.resource.id}`;
    // urn:uuid fullUrls are fine; the relative references fall back to resourceType/id
    expect(validateDeliveryReport(r).issues.filter((i) => i.rule.startsWith("ldbu-reference"))).toEqual([]);
  });

  it("accepts primitive extensions on codes, without leaving the fast path", () => {
    const b = completeReport({ visit: VISIT.twoMonths });
    b.entry[3].resource.class._code = { extension: [{ url: "http://example.org/note", valueString: "x" }] };
    expect(scanBundle(b, new Set(["HH", "AMB"]))).toBeDefined();
    const r = validateDeliveryReport(b);
    expect(r.valid).toBe(true);
    expect(r.issues.map((i) => i.rule)).toEqual(["ldbu-unknown-extension"]);
  });

  it("accepts a version-specific absolute reference", () => {
    const b = completeReport({ visit: VISIT.twoMonths });
    b.entry[3].resource.subject.reference += "/_history/2";
    expect(validateDeliveryReport(b).valid).toBe(true);
  });
});

describe("OperationOutcome", () => {
  it("has the documented shape: severity, code, rule coding, Danish text, English translation and diagnostics, FHIRPath", () => {
    const b = completeReport({ visit: VISIT.twoMonths });
    b.entry[0].resource.identifier[0].value = "3102201234";
    const r = validateDeliveryReport(b);
    expect(r.outcome.resourceType).toBe("OperationOutcome");
    const i = r.outcome.issue.find((x) => x.details.coding[0].code === "cpr")!;
    expect(i.severity).toBe("error");
    expect(i.code).toBe("invariant");
    expect(i.details.coding[0].system).toBe(RULE_SYSTEM);
    expect(i.details.text).toMatch(/CPR-nummeret/);
    expect(i.diagnostics).toMatch(/The CPR number/);
    expect(i.details._text!.extension[0].url).toBe(TRANSLATION_EXTENSION);
    expect(i.details._text!.extension[0].extension![1].valueString).toBe(i.diagnostics);
    expect(i.expression).toEqual(["Bundle.entry[0].resource.identifier[0].value"]);
    expect(JSON.stringify(r.outcome)).not.toContain("3102201234");
  });

  it("reports a valid report with one informational issue (FHIR needs at least one)", () => {
    const r = validateDeliveryReport(completeReport({ visit: VISIT.twoMonths, extras: true }));
    expect(r.valid).toBe(true);
    expect(r.issues).toEqual([]);
    expect(r.outcome.issue).toHaveLength(1);
    expect(r.outcome.issue[0]).toMatchObject({ severity: "information", code: "informational", details: { coding: [{ code: "ldbu-ok" }] } });
  });

  it("orders issues deterministically by entry, and reports every problem", () => {
    const b = completeReport({ visit: VISIT.twoMonths, extras: true });
    b.entry[20].resource.valueQuantity.value = 38.35; // obs-1 in entry 20
    b.entry[0].resource.gender = "female"; // entry 0
    b.entry[3].resource.status = "done"; // entry 3
    b.entry.splice(10, 1); // sleep indicator: two bundle rules anchored on entry 3
    b.type = "batch"; // report level
    const r1 = validateDeliveryReport(b);
    const r2 = validateDeliveryReport(clone(b));
    expect(r1).toEqual(r2);
    expect(r1.issues.map((i) => i.rule)).toEqual([
      "ldbu-fixed-value",
      "ldbu-forbidden-element",
      "ldbu-binding",
      "gateway-children-report-sleep",
      "gateway-children-report-motor-function",
      "obs-1",
    ]);
    expect(r1.errorCount).toBe(6);
    expect(r1.warningCount).toBe(0);
  });

  it("never echoes values that may be personal data", () => {
    expect(safeEcho("HH")).toBe("'HH'");
    for (const v of [CHILD_CPR, "050520-9996", "0505 209996", "x".repeat(100), 505209996]) expect(safeEcho(v)).toMatch(/udeladt/);
  });
});

describe("parseJson", () => {
  it("parses JSON and strips a BOM", () => {
    expect(parseJson('\ufeff{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
  });
  it("gives a structured error with line and column, without echoing the input", () => {
    const text = `{\n  "resourceType": "Bundle",\n  "x": ${CHILD_CPR}x\n}`;
    const p = parseJson(text);
    expect(p.ok).toBe(false);
    if (p.ok) return;
    expect(p.error.line).toBe(3);
    expect(p.result.valid).toBe(false);
    expect(p.result.issues[0]).toMatchObject({ severity: "fatal", rule: "ldbu-json", code: "structure" });
    expect(p.result.issues[0].da).toContain("linje 3");
    expect(JSON.stringify(p.result)).not.toContain(CHILD_CPR);
  });
  it("rejects empty and oversized text", () => {
    expect(parseJson("").ok).toBe(false);
    const big = parseJson(`{"a":"${"x".repeat(2000)}"}`, { maxBytes: 1000 });
    expect(big.ok).toBe(false);
    if (!big.ok) expect(big.result.issues[0]).toMatchObject({ rule: "ldbu-too-large", code: "too-long", severity: "fatal" });
  });
});

describe("validateSubmission", () => {
  const examples = loadExamples();
  const expected = loadExpected();

  function wrapper(reports: J[]): J {
    return {
      resourceType: "Bundle",
      meta: { profile: ["http://fhir.kl.dk/children/StructureDefinition/klgateway-children-incremental-delivery"] },
      type: "collection",
      timestamp: "2021-10-10T00:00:00Z",
      entry: reports.map((r) => ({ fullUrl: `https://test.fhir.dk/Bundle/${r.id}`, resource: r })),
    };
  }

  it("handles a bare delivery report", () => {
    const s = validateSubmission(example("RikkeDeliveryReport2months.json"));
    expect(s.kind).toBe("delivery-report");
    expect(s.valid).toBe(true);
    expect(s.reports).toHaveLength(1);
    expect(s.reports[0]).toMatchObject({ index: 0, id: "RikkeDeliveryReport2months", timestamp: "2020-07-08T23:45:00.000Z", path: "Bundle" });
  });

  it("validates each report of an incremental delivery on its own", () => {
    const files = expected.map((e) => e.file);
    const s = validateSubmission(wrapper(files.map((f) => examples.get(f)!)));
    expect(s.kind).toBe("incremental-delivery");
    expect(s.wrapper!.valid).toBe(true);
    expect(s.reports.map((r) => r.valid)).toEqual(expected.map((e) => e.expected === "valid"));
    expect(s.valid).toBe(false); // one report (Rikke-2a) is invalid
    const bad = files.indexOf("c5b55e0e-3bc4-468a-8600-1b23617dbb58.json");
    // Per report: expressions relative to the inner report; for the submission: prefixed.
    expect(s.reports[bad].issues[0].expression[0]).toBe("Bundle");
    expect(s.reports[bad].issues[0].expression[1]).toBe("Bundle.entry[1].resource");
    const sub = s.issues.find((i) => i.rule === "gateway-children-report-parent-relationship")!;
    expect(sub.expression).toEqual([`Bundle.entry[${bad}].resource`, `Bundle.entry[${bad}].resource.entry[1].resource`]);
  });

  it("recognises a wrapper without meta.profile, and checks the wrapper itself", () => {
    const w = wrapper([example("4cda6c3c-856c-4fe3-ac90-9b6f968207c3.json"), completeReport({ visit: VISIT.twoMonths })]);
    delete w.meta;
    w.identifier = { value: "x" };
    w.entry.push({ fullUrl: "https://test.fhir.dk/Patient/p", resource: { resourceType: "Patient", id: "p" } });
    w.entry.push(clone(w.entry[0]));
    const s = validateSubmission(w);
    expect(s.kind).toBe("incremental-delivery");
    expect(s.reports).toHaveLength(3);
    expect(s.reports.every((r) => r.valid)).toBe(true);
    expect(s.wrapper!.issues.map((i) => i.rule)).toEqual(["ldbu-forbidden-element", "ldbu-resource-type", "ldbu-duplicate-fullurl"]);
    expect(s.valid).toBe(false);
  });

  it("reports non-JSON and non-Bundle input", () => {
    expect(validateSubmission("nope")).toMatchObject({ kind: "unknown", valid: false, reports: [] });
    expect(validateSubmission({ resourceType: "Patient" }).issues[0].rule).toBe("ldbu-structure");
  });

  it("keeps CPR numbers out of the whole submission outcome", () => {
    const w = wrapper([completeReport({ visit: VISIT.twoMonths, id: "a" }), completeReport({ visit: VISIT.postnatal, id: "b" })]);
    w.entry[1].resource.entry[0].resource.identifier[0].value = "2902214000";
    const s = validateSubmission(w);
    expect(s.reports[1].issues.some((i) => i.rule === "ldbu-cpr-date")).toBe(true);
    const text = JSON.stringify(s);
    for (const cpr of [CHILD_CPR, PARENT_CPR, "2902214000"]) {
      // the input is referenced nowhere in the result: only issue texts and locations
      expect(JSON.stringify(s.outcome)).not.toContain(cpr);
      expect(text).not.toContain(cpr);
    }
  });
});

describe("terminology", () => {
  it("has the guide's value sets", () => {
    expect(ENCOUNTER_TYPES.size).toBe(14);
    expect(INDICATORS).toHaveLength(14);
    expect(INTERVENTIONS.size).toBe(34);
    expect(CONDITIONS.size).toBe(CONDITIONS_EXPECTED_COUNT);
    expect(QUESTIONNAIRES.size).toBe(7);
    expect(QUESTIONNAIRES.get("http://fhir.kl.dk/children/Questionnaire/klgateway-children-epds")!.summedItems).toHaveLength(10);
  });
});

describe("benchValidator", () => {
  it("measures throughput", () => {
    const r = benchValidator([completeReport({ visit: VISIT.twoMonths, extras: true })], { minMs: 50, warmup: 10 });
    expect(r.reportsPerSecond).toBeGreaterThan(0);
    expect(r.meanEntries).toBe(27);
    expect(r.validCount).toBe(1);
  });
});
