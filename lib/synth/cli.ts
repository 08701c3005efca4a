/**
 * Command-line front end of the generator, for scripts/ldbu.ts:
 *
 *   npm run ldbu -- generate --seed 1 --scale 0.05 --from 2021 --to 2025 --out .data/synth [--cutoff 2026-03-31]
 *
 * Progress goes to stderr (a single updating line on a terminal, a line per phase otherwise); the
 * summary goes to stdout. Returns the process exit code.
 */
import { generate, type GenerateSummary } from "./generate";

export const GENERATE_USAGE =
  "usage: ldbu generate --seed <n> --scale <s> --from <year> --to <year> --out <dir> [--cutoff YYYY-MM-DD]\n" +
  "  writes <dir>/reports.ndjson (one delivery report or incremental-delivery wrapper per line, in gateway order),\n" +
  "  <dir>/register.csv (register extract) and <dir>/manifest.json (invalid reports, corrections, counts, ground truth).\n" +
  "  Same arguments give byte-identical files. Scale 1 ≈ 57,000 births a year.";

export interface GenerateArgs {
  seed: number;
  scale: number;
  from: number;
  to: number;
  out: string;
  cutoff?: string;
}

/** Parse `--name value` / `--name=value` arguments; throws with a readable message. */
export function parseGenerateArgs(argv: readonly string[]): GenerateArgs {
  const vals = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith("--")) throw new Error(`unexpected argument: ${a}`);
    const eq = a.indexOf("=");
    if (eq > 0) vals.set(a.slice(2, eq), a.slice(eq + 1));
    else {
      const v = argv[i + 1];
      if (v === undefined || v.startsWith("--")) throw new Error(`missing value for ${a}`);
      vals.set(a.slice(2), v);
      i++;
    }
  }
  for (const k of vals.keys()) if (!["seed", "scale", "from", "to", "out", "cutoff"].includes(k)) throw new Error(`unknown option --${k}`);
  const num = (k: string, dflt?: number): number => {
    const v = vals.get(k);
    if (v === undefined) {
      if (dflt === undefined) throw new Error(`--${k} is required`);
      return dflt;
    }
    const n = Number(v);
    if (!Number.isFinite(n)) throw new Error(`--${k} must be a number`);
    return n;
  };
  const out = vals.get("out");
  if (!out) throw new Error("--out is required");
  const cutoff = vals.get("cutoff");
  if (cutoff !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(cutoff)) throw new Error("--cutoff must be YYYY-MM-DD");
  const seed = num("seed", 1);
  if (!Number.isInteger(seed)) throw new Error("--seed must be an integer");
  const from = num("from");
  return { seed, scale: num("scale", 0.05), from, to: num("to", from), out, cutoff };
}

function formatBytes(n: number): string {
  return n > 1e9 ? `${(n / 1e9).toFixed(2)} GB` : n > 1e6 ? `${(n / 1e6).toFixed(1)} MB` : `${(n / 1e3).toFixed(0)} kB`;
}

export function formatSummary(s: GenerateSummary): string {
  const c = s.counts;
  return [
    `wrote ${s.out}: ${c.lines} lines (${c.reports} delivery reports, ${c.wrappers} incremental-delivery wrappers), ${formatBytes(c.bytes)}`,
    `  ${c.families} deliveries, ${c.children} children (register rows ${c.registerRows}); invalid ${c.invalid} (${((100 * c.invalid) / Math.max(1, c.reports)).toFixed(2)} %), late ${c.lateReports}`,
    `  corrections: ${Object.entries(c.corrections).map(([k, v]) => `${k} ${v}`).join(", ") || "none"}`,
    `  ${(s.durationMs / 1000).toFixed(1)} s`,
  ].join("\n");
}

/** Run `generate` from command-line arguments (everything after the word "generate"). */
export async function runGenerateCommand(argv: readonly string[], io: { out: (s: string) => void; err: (s: string) => void; tty?: boolean } = defaultIo()): Promise<number> {
  let args: GenerateArgs;
  try {
    args = parseGenerateArgs(argv);
  } catch (e) {
    io.err(`${(e as Error).message}\n${GENERATE_USAGE}\n`);
    return 2;
  }
  let lastLabel = "";
  let lastPct = -1;
  const summary = await generate({
    ...args,
    onProgress: (done, total, label) => {
      const pct = total > 0 ? Math.floor((100 * done) / total) : 100;
      const newPhase = label !== lastLabel;
      if (!newPhase && pct === lastPct) return;
      if (io.tty) io.err(`${newPhase && lastLabel !== "" ? "\n" : "\r"}${label.padEnd(11)} ${String(pct).padStart(3)} %  (${done}/${total})   `);
      else if (newPhase || pct >= lastPct + 25 || pct === 100) io.err(`${label} ${pct} % (${done}/${total})\n`);
      else return;
      lastLabel = label;
      lastPct = pct;
    },
  });
  if (io.tty) io.err("\n");
  io.out(`${formatSummary(summary)}\n`);
  return 0;
}

function defaultIo() {
  return {
    out: (s: string) => void process.stdout.write(s),
    err: (s: string) => void process.stderr.write(s),
    tty: Boolean(process.stderr.isTTY),
  };
}
