import { runGenerateCommand } from "@/lib/synth/cli";
import type { Command } from "./types";

export const generateCmd: Command = {
  summary: "Generér syntetiske indberetninger og registerudtræk (--seed --scale --from --to --out)",
  run: (args) => runGenerateCommand(args),
};
