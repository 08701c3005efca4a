// Config for Prisma 6.19's WASM schema engine, used only to compute SQL diffs
// (lib/db/schema-diff.ts). Prisma 7's own config is prisma.config.ts.
import { defineConfig } from "prisma6/config";
import { PrismaPg } from "@prisma/adapter-pg";

export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  schema: "prisma/schema.prisma",
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL }),
} as Parameters<typeof defineConfig>[0]);
