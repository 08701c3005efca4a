/**
 * The annual-report workflow in the browser with the demo users, on the e2e synthetic data (2021–2025): SundK creates
 * and freezes 2025 → starts the hearing → the leder of Aarhus sees the municipality's frozen figures unsuppressed and
 * comments → SundK sees the comment, writes commentary and a summary, ends the hearing and publishes → a correction
 * version with its change note, which supersedes version 1. Axe (no serious or critical violations) on every screen.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect as base, request, test, type Page } from "@playwright/test";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { DEMO_PASSWORD } from "../lib/demo/users";

const YEAR = "2025";
// The machine running the tests may be busy: server actions and page loads get a generous time.
const expect = base.configure({ timeout: 60_000 });

async function login(page: Page, username: string) {
  await page.context().clearCookies();
  await page.goto("/login");
  await page.getByLabel("Brugernavn").fill(username);
  await page.getByLabel("Adgangskode").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Log ind" }).click();
  await expect(page.getByTestId("account-name")).toBeVisible();
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}

async function sql<T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  try {
    return (await c.query<T>(text, params)).rows;
  } finally {
    await c.end();
  }
}

/** The real CLI against the e2e database (DATABASE_URL is set, so no embedded server is started). */
function ldbu(args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/ldbu.ts", ...args], { env: process.env, encoding: "utf8", timeout: 600_000 });
  if (r.status !== 0) throw new Error(`ldbu ${args.join(" ")} fejlede: ${r.stderr || r.stdout}`);
}

/** LDBU-02's national denominator: published (open data API, anonymous) and live (the dashboards' API, SundK). */
async function nationDenominators(page: Page) {
  const anonymous = await request.newContext({ baseURL: new URL(page.url()).origin });
  const published = await anonymous.get(`/api/v1/resultater?indicator=LDBU-02&period=${YEAR}&level=nation`);
  expect(published.status()).toBe(200);
  const publishedBody = (await published.json()) as { results: { denominator: number }[] };
  await anonymous.dispose();
  const live = await page.request.get(`/api/results?indikator=LDBU-02&periode=${YEAR}`);
  expect(live.status()).toBe(200);
  return {
    published: publishedBody.results[0].denominator,
    live: ((await live.json()) as { nation: { denominator: number } }).nation.denominator,
  };
}

async function publicNationValue(page: Page) {
  await page.context().clearCookies();
  expect((await page.goto(`/aarsrapport/${YEAR}`))?.status()).toBe(200);
  const section = page.locator('[data-testid^="indikator-"]').filter({ hasText: "LDBU-02" }).first();
  return (await section.getByTestId("nation-value").textContent())?.trim();
}

test("SundK freezes 2025, the leder comments in the hearing, SundK publishes and corrects", async ({ page }) => {
  test.setTimeout(600_000);
  let reportUrl = "";

  await test.step("SundK creates and freezes 2025", async () => {
    await login(page, "sundk");
    await page.goto("/admin");
    await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Årsrapporter" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Årsrapporter");
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel(/^År/).selectOption(YEAR);
    await page.getByRole("button", { name: "Opret og frys resultaterne" }).click();
    await expect(page).toHaveURL(/\/admin\/aarsrapporter\/\d+$/, { timeout: 300_000 });
    reportUrl = new URL(page.url()).pathname;
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`Årsrapport ${YEAR}, version 1`);
    await expect(page.getByTestId("report-status")).toHaveText("Kladde");
    await expect(page.getByTestId("event-history")).toContainText("Oprettet og frosset");
    await expect(page.getByTestId("publish")).toHaveCount(0); // version 1 goes through the hearing first
  });

  await test.step("SundK starts the hearing", async () => {
    await page.getByRole("button", { name: "Send i høring" }).click();
    await expect(page.getByTestId("report-status")).toHaveText("I høring");
    await expect(page.getByTestId("hearing-count")).toHaveText("0 af 98 kommuner har kommenteret.");
  });

  const comment = "Aarhus har indført ekstra vejning på dag 5; effekten ses i 2026.";
  await test.step("the leder sees Aarhus' frozen figures unsuppressed and comments", async () => {
    await login(page, "leder");
    const res = await page.goto("/aarsrapport/hoering");
    expect(res?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Høring over årsrapporten ${YEAR}`);
    await expect(page.getByTestId("hearing-deadline")).toContainText("Høringsfrist:");
    const section = page.getByTestId("hearing-LDBU-01");
    const [frozen] = await sql<{ numerator: number; denominator: number }>(
      `SELECT (r->>'numerator')::int AS numerator, (r->>'denominator')::int AS denominator
       FROM annual_report a, jsonb_array_elements(a.snapshot->'results') r
       WHERE a.year = $1 AND a.version = 1 AND r->>'indicatorId' = 'LDBU-01' AND r->>'areaCode' = '751' AND r->>'breakdown' = 'all'`,
      [Number(YEAR)],
    );
    const aarhus = section.getByRole("row", { name: /Aarhus Kommune/ });
    await expect(aarhus.getByRole("cell").nth(2)).toHaveText(String(frozen.numerator)); // never "<5" for the own municipality
    await expect(aarhus.getByRole("cell").nth(3)).toHaveText(String(frozen.denominator));
    expect(await seriousViolations(page)).toEqual([]);

    await section.getByLabel("Aarhus Kommunes kommentar til LDBU-01").fill(comment);
    await section.getByRole("button", { name: "Gem kommentar" }).click();
    await expect(section.getByRole("status").filter({ hasText: "Kommentaren er gemt." })).toBeVisible();
    await page.reload();
    await expect(page.getByTestId("hearing-LDBU-01").getByLabel("Aarhus Kommunes kommentar til LDBU-01")).toHaveValue(comment);
  });

  await test.step("a politiker may not take part in the hearing", async () => {
    await login(page, "politiker");
    expect((await page.goto("/aarsrapport/hoering"))?.status()).toBe(403);
  });

  await test.step("SundK sees the comment, writes commentary and summary, ends the hearing and publishes", async () => {
    await login(page, "sundk");
    await page.goto(reportUrl);
    await expect(page.getByTestId("hearing-count")).toHaveText("1 af 98 kommuner har kommenteret.");
    const indicator = page.getByTestId("indicator-LDBU-01");
    await expect(indicator).toContainText(comment);
    await indicator.getByLabel("SundK's faglige kommentar til LDBU-01").fill("Vægttabet ligger stabilt på landsplan.");
    await indicator.getByRole("button", { name: "Gem kommentar" }).click();
    await expect(indicator.getByRole("status").filter({ hasText: "SundK-kommentar gemt." })).toBeVisible();
    const summary = page.getByTestId("summary");
    await summary.getByLabel(/sammenfatning/).fill(`Årsrapporten ${YEAR} viser stabile resultater.`);
    await summary.getByRole("button", { name: "Gem sammenfatning" }).click();
    await expect(summary.getByRole("status").filter({ hasText: "Sammenfatningen er gemt." })).toBeVisible();

    // publishing asks for a confirmation first
    await page.getByTestId("end-hearing").getByRole("button", { name: "Afslut høringen nu" }).click();
    await expect(page.getByTestId("report-status")).toHaveText("I høring"); // the required checkbox stopped it
    await page.getByLabel(/Afslut høringen før fristen/).check();
    await page.getByRole("button", { name: "Afslut høringen nu" }).click();
    await expect(page.getByText("Høringsfristen er udløbet")).toBeVisible();
    await page.getByLabel(/Offentliggør årsrapporten for 2025/).check();
    await page.getByRole("button", { name: "Offentliggør årsrapporten" }).click();
    await expect(page.getByTestId("report-status")).toHaveText("Offentliggjort");
    await expect(page.getByTestId("published-notice")).toContainText("Offentliggjort");
    await expect(page.getByTestId("event-history")).toContainText("Høring afsluttet");
    expect(await seriousViolations(page)).toEqual([]);
    const [row] = await sql<{ status: string }>(`SELECT status::text FROM annual_report WHERE year = $1 AND version = 1`, [Number(YEAR)]);
    expect(row.status).toBe("published");
  });

  await test.step("the leder can no longer comment on the published report", async () => {
    await login(page, "leder");
    await page.goto("/aarsrapport/hoering");
    await expect(page.getByRole("status").filter({ hasText: "Der er ingen årsrapport i høring lige nu." })).toBeVisible();
  });

  await test.step("anonymous reads it; new reports arrive and are refreshed; the report and the open data keep the frozen figures, the dashboards show the new ones", async () => {
    const shown = await publicNationValue(page);
    expect(shown).toMatch(/%/);
    await expect(page.getByTestId("aarsrapport")).toBeVisible();
    await login(page, "sundk");
    const before = await nationDenominators(page);
    expect(before.published).toBe(before.live);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ldbu-e2e-nye-"));
    try {
      ldbu(["generate", "--seed", "77", "--scale", "0.003", "--from", YEAR, "--to", YEAR, "--out", dir]);
      ldbu(["ingest", path.join(dir, "register.csv"), path.join(dir, "reports.ndjson")]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }

    const after = await nationDenominators(page);
    expect(after.published).toBe(before.published);
    expect(after.live).toBeGreaterThan(before.live);
    expect(await publicNationValue(page)).toBe(shown);
  });

  const note = "Sene indberetninger fra flere kommuner er medtaget.";
  await test.step("SundK creates a correction with a change note and publishes it; version 1 stays reachable", async () => {
    await login(page, "sundk");
    await page.goto(reportUrl);
    const correction = page.getByTestId("correction");
    await correction.getByLabel(/Ændringsnote/).fill(note);
    await correction.getByLabel(/Frys de aktuelle resultater/).check();
    await correction.getByRole("button", { name: "Opret rettelse (version 2)" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`Årsrapport ${YEAR}, version 2`, { timeout: 300_000 });
    await expect(page.getByTestId("report-status")).toHaveText("Kladde");
    await expect(page.getByText(note).first()).toBeVisible();
    await expect(page.getByTestId("indicator-LDBU-01").getByLabel("SundK's faglige kommentar til LDBU-01")).toHaveValue("Vægttabet ligger stabilt på landsplan.");
    await expect(page.getByTestId("indicator-LDBU-01")).toContainText(comment);
    await page.getByLabel(/som version 2/).check();
    await page.getByRole("button", { name: "Offentliggør årsrapporten" }).click();
    await expect(page.getByTestId("report-status")).toHaveText("Offentliggjort");

    await page.goto("/admin/aarsrapporter");
    const list = page.getByTestId("report-list");
    await expect(list.getByRole("row", { name: new RegExp(`${YEAR}, version 2`) })).toContainText("Offentliggjort");
    await expect(list.getByRole("row", { name: new RegExp(`${YEAR}, version 2`) })).toContainText(note);
    await expect(list.getByRole("row", { name: new RegExp(`${YEAR}, version 1`) })).toContainText("Erstattet af nyere version");
    await page.goto(reportUrl);
    await expect(page.getByTestId("published-notice")).toContainText("erstattet af en nyere version");
    await expect(page.getByTestId("event-history")).toContainText("Erstattet af version 2");

    // the public report now shows version 2 with its change note, built on the new data; version 1 stays citable
    await page.context().clearCookies();
    await page.goto(`/aarsrapport/${YEAR}`);
    await expect(page.getByTestId("report-version")).toContainText("2");
    await expect(page.getByTestId("correction-note")).toContainText(note);
    await login(page, "sundk");
    const corrected = await nationDenominators(page);
    expect(corrected.published).toBe(corrected.live);
    await page.context().clearCookies();
    await page.goto(`/aarsrapport/${YEAR}/v/1`);
    await expect(page.getByTestId("superseded-banner")).toBeVisible();
  });

  await test.step("SundK discards a correction's draft with a reason; the public report stays version 2", async () => {
    await login(page, "sundk");
    await page.goto("/admin/aarsrapporter");
    await page.getByTestId("report-list").getByRole("row", { name: new RegExp(`${YEAR}, version 2`) }).getByRole("link").first().click();
    const correction = page.getByTestId("correction");
    await correction.getByLabel(/Ændringsnote/).fill("Rettelse, der bliver kasseret igen.");
    await correction.getByLabel(/Frys de aktuelle resultater/).check();
    await correction.getByRole("button", { name: "Opret rettelse (version 3)" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`Årsrapport ${YEAR}, version 3`, { timeout: 300_000 });
    const discard = page.getByTestId("discard");
    const reason = "Frosset før de sidste indberetninger kom.";
    await discard.getByLabel(/Begrundelse/).fill(reason);
    await discard.getByRole("button", { name: "Kassér kladden" }).click();
    await expect(page.getByTestId("report-status")).toHaveText("Kladde"); // the required checkbox stopped it
    await discard.getByLabel(/Kassér kladden\. Den kan ikke bruges igen/).check();
    await discard.getByRole("button", { name: "Kassér kladden" }).click();
    await expect(page.getByTestId("report-status")).toHaveText("Kasseret");
    await expect(page.getByTestId("event-history")).toContainText(reason);
    await expect(page.getByTestId("discard")).toHaveCount(0);
    await expect(page.getByTestId("summary")).toHaveCount(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().clearCookies();
    await page.goto(`/aarsrapport/${YEAR}`);
    await expect(page.getByTestId("report-version")).toContainText("2");
  });
});
