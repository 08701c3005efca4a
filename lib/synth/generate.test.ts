/**
 * End-to-end: a small dataset is byte-identical for the same seed and arguments, its manifest
 * matches the files, lines are in gateway order, and every report validates as the manifest says
 * (lib/fhir/validate): valid ones without errors, listed invalid ones rejected by the listed rule.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cprFacts } from "@/lib/cpr";
import { validateSubmission } from "@/lib/fhir/validate";
import { generate, type GenerateSummary, type Manifest } from "./generate";
import { municipalityForSorCode } from "./municipalities";

const opts = { seed: 20240601, scale: 0.008, from: 2023, to: 2023 };
let dirA = "";
let dirB = "";
let dirC = "";
let sumA: GenerateSummary;

const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

beforeAll(async () => {
  const base = mkdtempSync(join(tmpdir(), "ldbu-synth-"));
  dirA = join(base, "a");
  dirB = join(base, "b");
  dirC = join(base, "c");
  const phases = new Set<string>();
  sumA = await generate({ ...opts, out: dirA, onProgress: (_d, _t, label) => phases.add(label) });
  expect([...phases]).toEqual(["population", "simulating", "writing"]);
  process.env.LDBU_SYNTH_SPOOL_MB = "1"; // force the spill-to-disk path: output must not change
  try {
    await generate({ ...opts, out: dirB });
  } finally {
    delete process.env.LDBU_SYNTH_SPOOL_MB;
  }
  await generate({ ...opts, seed: opts.seed + 1, out: dirC });
}, 60_000);

afterAll(() => {
  if (dirA) rmSync(join(dirA, ".."), { recursive: true, force: true });
});

describe("determinism", () => {
  it("gives byte-identical files for the same seed and arguments", () => {
    for (const f of ["reports.ndjson", "register.csv", "manifest.json"]) expect(sha(join(dirB, f)), f).toBe(sha(join(dirA, f)));
  });
  it("gives different data for another seed", () => {
    expect(sha(join(dirC, "reports.ndjson"))).not.toBe(sha(join(dirA, "reports.ndjson")));
    expect(sha(join(dirC, "register.csv"))).not.toBe(sha(join(dirA, "register.csv")));
  });
});

describe("output", () => {
  const lines = () => readFileSync(join(dirA, "reports.ndjson"), "utf8").split("\n").filter(Boolean);
  const manifest = () => JSON.parse(readFileSync(join(dirA, "manifest.json"), "utf8")) as Manifest;

  it("has a manifest consistent with the files", () => {
    const m = manifest();
    const ls = lines();
    expect(m.parameters).toEqual({ ...opts, cutoff: null });
    expect(m.counts.lines).toBe(ls.length);
    expect(m.counts).toEqual(sumA.counts);
    expect(m.counts.invalid).toBe(m.invalid.length);
    const reg = readFileSync(join(dirA, "register.csv"), "utf8").trimEnd().split("\n");
    expect(reg.length - 1).toBe(m.counts.registerRows);
    for (const e of m.invalid) expect(ls[e.line - 1]).toContain(`"id":"${e.bundleId}"`);
    for (const e of m.corrections) expect(ls[e.line - 1]).toContain(`"id":"${e.bundleId}"`);
    // 1–2 % invalid reports, some corrections of each kind, some wrappers and late reports
    expect(m.counts.invalid / m.counts.reports).toBeGreaterThan(0.007);
    expect(m.counts.invalid / m.counts.reports).toBeLessThan(0.025);
    expect(Object.keys(m.counts.invalidByKind).length).toBeGreaterThanOrEqual(6);
    for (const k of ["duplicate-delivery", "duplicate-documentation", "entered-in-error"]) expect(m.counts.corrections[k] ?? 0, k).toBeGreaterThan(0);
    expect(m.counts.wrappers).toBeGreaterThan(0);
    expect(m.counts.lateReports / m.counts.reports).toBeGreaterThan(0.02);
  });

  it("is in gateway order (by timestamp) with valid CPRs and known custodians", () => {
    let prev = "";
    const childCprs = new Set(readFileSync(join(dirA, "register.csv"), "utf8").split("\n").slice(1).map((l) => l.split(";")[0]));
    let childSeen = 0;
    for (const l of lines()) {
      const b = JSON.parse(l) as { timestamp: string; entry: { resource: Record<string, unknown> }[] };
      expect(b.timestamp >= prev).toBe(true);
      prev = b.timestamp;
      const reports = b.entry[0]?.resource.resourceType === "Bundle" ? b.entry.map((e) => e.resource as unknown as typeof b) : [b];
      for (const r of reports)
        for (const e of r.entry) {
          const res = e.resource;
          if (res.resourceType !== "Patient") continue;
          const cpr = (res.identifier as { value: string }[])[0]!.value;
          const sor = (res.managingOrganization as { identifier: { value: string } }).identifier.value;
          if (cpr.includes("-") || sor.length < 11) continue; // deliberate defects
          expect(cprFacts(cpr), cpr).not.toBeNull();
          expect(municipalityForSorCode(sor), sor).toBeDefined();
          if (res.active === true && childCprs.has(cpr)) childSeen++;
        }
    }
    expect(childSeen).toBeGreaterThan(1000);
  });

  it("validates as the manifest says (lib/fhir/validate)", () => {
    const m = manifest();
    const expected = new Map(m.invalid.map((e) => [`${e.line}:${e.bundleId}`, e]));
    let valid = 0;
    let rejected = 0;
    const problems: string[] = [];
    lines().forEach((line, i) => {
      const result = validateSubmission(line);
      if (result.wrapper && !result.wrapper.valid) problems.push(`line ${i + 1}: wrapper invalid: ${result.wrapper.issues.map((x) => x.rule).join(",")}`);
      for (const r of result.reports) {
        const exp = expected.get(`${i + 1}:${r.id}`);
        const errors = r.issues.filter((x) => x.severity === "error" || x.severity === "fatal");
        if (exp) {
          rejected++;
          const codes = r.outcome.issue.flatMap((x) => x.details.coding.map((c) => c.code));
          if (r.valid || !codes.includes(exp.ruleId)) problems.push(`line ${i + 1}: expected ${exp.ruleId} (${exp.kind}), got ${errors.map((x) => x.rule).join(",") || "valid"}`);
        } else {
          valid++;
          if (!r.valid) problems.push(`line ${i + 1}: unexpected ${errors.map((x) => `${x.rule} ${x.expression[0]}`).join("; ")}`);
        }
      }
    });
    expect(problems.slice(0, 10)).toEqual([]);
    expect(rejected).toBe(m.invalid.length);
    expect(valid + rejected).toBe(m.counts.reports);
  }, 60_000);
});
