import { defineConfig } from "prisma/config";

// Used by `prisma generate` (offline: see lib/db/prisma-cli.ts). Migrations are applied by
// the project's own step (`npm run ldbu -- migrate`), recorded the way `prisma migrate deploy` expects.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/ldbu" },
});
