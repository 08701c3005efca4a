import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseGenerateArgs, runGenerateCommand } from "./cli";

describe("ldbu generate arguments", () => {
  it("parses --name value and --name=value", () => {
    expect(parseGenerateArgs(["--seed", "3", "--scale=0.2", "--from", "2021", "--to", "2025", "--out", "x"])).toEqual({
      seed: 3,
      scale: 0.2,
      from: 2021,
      to: 2025,
      out: "x",
      cutoff: undefined,
    });
    expect(parseGenerateArgs(["--from", "2023", "--out", "y", "--cutoff", "2024-03-31"])).toMatchObject({ seed: 1, scale: 0.05, to: 2023, cutoff: "2024-03-31" });
  });

  it("rejects bad input with a message", () => {
    expect(() => parseGenerateArgs(["--from", "2023"])).toThrow(/--out/);
    expect(() => parseGenerateArgs(["--out", "x"])).toThrow(/--from/);
    expect(() => parseGenerateArgs(["--out", "x", "--from", "2023", "--seed", "1.5"])).toThrow(/integer/);
    expect(() => parseGenerateArgs(["--out", "x", "--from", "2023", "--bogus", "1"])).toThrow(/unknown/);
    expect(() => parseGenerateArgs(["--out", "x", "--from", "2023", "--cutoff", "31-03-2024"])).toThrow(/cutoff/);
  });

  it("runs the generator with progress and a summary, honouring --cutoff", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ldbu-cli-"));
    try {
      let out = "";
      let err = "";
      const code = await runGenerateCommand(["--seed", "5", "--scale", "0.003", "--from", "2023", "--to", "2023", "--out", dir, "--cutoff", "2023-12-31"], {
        out: (s) => (out += s),
        err: (s) => (err += s),
        tty: false,
      });
      expect(code).toBe(0);
      expect(err).toMatch(/simulating/);
      expect(err).toMatch(/writing 100 %/);
      expect(out).toMatch(/delivery reports/);
      const lines = readFileSync(join(dir, "reports.ndjson"), "utf8").trimEnd().split("\n");
      const last = JSON.parse(lines[lines.length - 1]!) as { timestamp: string };
      expect(last.timestamp <= "2023-12-31T23:59:59Z").toBe(true);
      expect(await runGenerateCommand(["--nope"], { out: () => {}, err: () => {}, tty: false })).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
