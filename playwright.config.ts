import { defineConfig } from "@playwright/test";
import fs from "node:fs";

// Debian's Chromium (apt-get install -y chromium); Playwright's own browser download cannot work here.
const chromium = process.env.LDBU_CHROMIUM ?? "/usr/bin/chromium";
if (!fs.existsSync(chromium)) {
  throw new Error(`Chromium blev ikke fundet på ${chromium}. Installér det med: apt-get install -y chromium (eller sæt LDBU_CHROMIUM).`);
}
const port = Number(process.env.LDBU_E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/warm-up.ts",
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: ".data/test-results/e2e.json" }]],
  use: {
    baseURL: `http://localhost:${port}`,
    locale: "da-DK",
    launchOptions: {
      executablePath: chromium,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
    },
  },
  webServer: {
    command: `node node_modules/next/dist/bin/next start -p ${port}`,
    url: `http://localhost:${port}/login`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: { ...(process.env as Record<string, string>), NEXTAUTH_URL: `http://localhost:${port}` },
  },
});
