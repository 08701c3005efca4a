import type { Command } from "./types";
import { dbStart, dbStatus, migrateCmd, migrationNew } from "./db";
import { createUserCmd } from "./users";
import { rotatePseudonymKeyCmd } from "./pseudonym";
import { demo, dev, start } from "./app";
import { generateClient } from "./generate-client";
import { testCmd } from "./test";
import { benchCmd } from "./bench";
import { benchRefreshCmd } from "./bench-refresh";
import { benchViewsCmd } from "./bench-views";
import { generateCmd } from "./generate";
import { gatewayClientCmd, ingestCmd, refreshCmd, validateCmd } from "./reports";

export const COMMANDS: Record<string, Command> = {
  demo,
  dev,
  start,
  test: testCmd,
  migrate: migrateCmd,
  generate: generateCmd,
  validate: validateCmd,
  ingest: ingestCmd,
  refresh: refreshCmd,
  bench: benchCmd,
  "bench:refresh": benchRefreshCmd,
  "bench:views": benchViewsCmd,
  "create-gateway-client": gatewayClientCmd,
  "create-user": createUserCmd,
  "rotate-pseudonym-key": rotatePseudonymKeyCmd,
  "db:start": dbStart,
  "db:status": dbStatus,
  "migration:new": migrationNew,
  "generate-client": generateClient,
};
