import { spawnSync } from "node:child_process";
import type { Command } from "./types";

export const generateClient: Command = {
  summary: "Generér Prisma-klienten (kører automatisk ved npm install)",
  async run() {
    return spawnSync(process.execPath, ["scripts/generate-client.mjs"], { stdio: "inherit" }).status ?? 1;
  },
};
