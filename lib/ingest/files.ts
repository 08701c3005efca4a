/**
 * Input files for the command line: `.json` (one submission per file), `.ndjson` (one per
 * line) and `.csv` (register extract), given as files or folders (walked recursively, sorted).
 */
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";

export type InputKind = "json" | "ndjson" | "csv";

export function kindOf(file: string): InputKind | null {
  const ext = path.extname(file).toLowerCase();
  return ext === ".json" ? "json" : ext === ".ndjson" ? "ndjson" : ext === ".csv" ? "csv" : null;
}

/** Files under the given paths, in a stable order; unknown extensions inside folders are skipped. */
export function listInputs(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (p: string, explicit: boolean) => {
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      for (const e of fs.readdirSync(p).sort()) walk(path.join(p, e), false);
    } else if (kindOf(p) || explicit) out.push(p);
  };
  for (const p of paths) walk(p, true);
  return out;
}

export interface Submission {
  file: string;
  /** 1-based line for .ndjson files. */
  line?: number;
  text: string;
}

/** Every submission in a .json or .ndjson file, streamed. */
export async function* submissionsIn(file: string): AsyncGenerator<Submission> {
  if (kindOf(file) === "ndjson") {
    const rl = readline.createInterface({ input: fs.createReadStream(file, "utf8"), crlfDelay: Infinity });
    let line = 0;
    for await (const text of rl) {
      line++;
      if (text.trim()) yield { file, line, text };
    }
  } else {
    yield { file, text: fs.readFileSync(file, "utf8") };
  }
}
