import { spawnSync } from "node:child_process";
import type { Command } from "./types";

/** `prisma generate` offline: the schema engine binary is not needed, only named. */
export const generateClient: Command = {
  summary: "Generér Prisma-klienten (kører automatisk ved npm install)",
  async run() {
    const res = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], {
      stdio: "inherit",
      env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    });
    return res.status ?? 1;
  },
};
