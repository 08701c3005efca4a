/** Minimal `--name value` / `--flag` parsing for the CLI (node:util parseArgs). */
import { parseArgs, type ParseArgsConfig } from "node:util";

export function parse<T extends NonNullable<ParseArgsConfig["options"]>>(args: string[], options: T) {
  return parseArgs({ args, options, allowPositionals: true, strict: true });
}
