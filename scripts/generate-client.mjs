// `prisma generate` offline: Prisma only needs the schema engine binary to be named, not run.
// Plain Node with no project imports, because it runs at `npm install` before the client exists.
import { spawnSync } from "node:child_process";

const res = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
});
process.exit(res.status ?? 1);
