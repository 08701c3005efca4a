import type { Command } from "./types";
import { dbStart, dbStatus, migrateCmd, migrationNew } from "./db";
import { createUserCmd } from "./users";
import { demo, dev } from "./app";
import { generateClient } from "./generate-client";
import { testCmd } from "./test";

export const COMMANDS: Record<string, Command> = {
  demo,
  dev,
  test: testCmd,
  migrate: migrateCmd,
  "create-user": createUserCmd,
  "db:start": dbStart,
  "db:status": dbStatus,
  "migration:new": migrationNew,
  "generate-client": generateClient,
};
