/**
 * The public annual report in the browser. The e2e database has no published report, so the setup freezes 2024 from
 * its results and stores it as published with a summary and comments (the integration tests' fixture). It stays: a
 * published report cannot be deleted, and the e2e database is recreated for every run. An anonymous reader opens the
 * report and a municipality page (axe: no serious or critical violations) and downloads its charts (PNG/SVG, audited),
 * the print view hides the navigation, and
 * the PDF download opens: its first page has the title in its text layer and is not blank when rendered to an image
 * (poppler-utils).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { closeDb } from "../lib/db/client";
import { storeReport } from "../tests/integration/helpers/annual-report";

const YEAR = 2024;

test.beforeAll(async () => {
  try {
    await storeReport(YEAR, {
      summary: "Sundhedsplejen nåede de fleste familier i 2024.",
      comments: [
        { indicatorId: "LDBU-02", municipalityCode: null, text: "Screeningen er udbredt, men ikke alle steder." },
        { indicatorId: "LDBU-02", municipalityCode: "751", text: "Aarhus har oplært alle sundhedsplejersker i EPDS." },
      ],
    });
  } finally {
    await closeDb();
  }
});

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}

test("an anonymous reader finds the report, reads it with its comments, and it passes axe", async ({ page }) => {
  test.setTimeout(600_000);
  await page.goto("/aarsrapport");
  await page.getByRole("link", { name: `Årsrapport ${YEAR}`, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/aarsrapport/${YEAR}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Årsrapport ${YEAR}`);
  await expect(page.getByTestId("report-version")).toHaveText("1 (gældende)");
  await expect(page.getByTestId("summary")).toHaveText("Sundhedsplejen nåede de fleste familier i 2024.");
  const ldbu02 = page.getByTestId("indikator-LDBU-02");
  await expect(ldbu02.getByTestId("sundk-comment")).toHaveText("Screeningen er udbredt, men ikke alle steder.");
  await expect(ldbu02.getByTestId("hearing-comments")).toContainText("Aarhus Kommune");
  await expect(ldbu02.locator("table tbody tr")).toHaveCount(1 + 5 + 98);
  await expect(page.locator("[data-map-loading]")).toHaveCount(0, { timeout: 60_000 });
  await expect(ldbu02.locator(".map svg path[data-kode]")).toHaveCount(98);
  for (const heading of ["Sammenfatning", "Definitioner", "Datakomplethed", "Kommunerne"]) await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("a municipality page shows its results and comments, and passes axe", async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto(`/aarsrapport/${YEAR}/kommuner/751`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Årsrapport ${YEAR}: Aarhus Kommune`);
  await expect(page.locator("#kommune-tabel tbody tr")).toHaveCount(11);
  await expect(page.getByTestId("municipality-comments")).toContainText("Aarhus har oplært alle sundhedsplejersker i EPDS.");
  const csv = await page.request.get(await page.getByTestId("report-csv").getAttribute("href") ?? "");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-disposition"]).toContain(`ldbu_aarsrapport_${YEAR}_v1_kommune-751.csv`);
  expect(await seriousViolations(page)).toEqual([]);
});

test("an anonymous reader downloads the report's charts as SVG and PNG, and each download is audited", async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto(`/aarsrapport/${YEAR}/v/1`);
  await expect(page.locator("[data-map-loading]")).toHaveCount(0, { timeout: 60_000 });
  const map = page.getByTestId("chart-LDBU-02-kort");
  const [svg] = await Promise.all([page.waitForEvent("download"), map.getByRole("button", { name: /Hent SVG/ }).click()]);
  expect(svg.suggestedFilename()).toBe(`ldbu-aarsrapport-${YEAR}-LDBU-02-kort.svg`);
  const text = fs.readFileSync((await svg.path())!, "utf8");
  expect(text).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(text).toContain("Kort – LDBU-02");
  expect(text).toContain("Geodatastyrelsen og Danske Kommuner");
  expect((text.match(/<path [^>]*data-kode/g) ?? []).length).toBe(98);

  await page.goto(`/aarsrapport/${YEAR}/kommuner/751`);
  const spine = page.getByTestId("chart-rygsoejle");
  const [png] = await Promise.all([page.waitForEvent("download"), spine.getByRole("button", { name: /Hent PNG/ }).click()]);
  expect(png.suggestedFilename()).toBe(`ldbu-aarsrapport-${YEAR}-751.png`);
  expect([...fs.readFileSync((await png.path())!).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);

  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
  try {
    const { rows } = await pool.query<{ resource: string; details: Record<string, unknown> }>(
      `SELECT resource, details FROM audit_entry WHERE action = 'export' AND role = 'anonymous' AND resource IN ('svg/aarsrapport', 'png/aarsrapport') ORDER BY id`,
    );
    expect(rows.map((r) => [r.resource, r.details.aar, r.details.version, r.details.diagram])).toEqual([
      ["svg/aarsrapport", YEAR, 1, "LDBU-02-kort"],
      ["png/aarsrapport", YEAR, 1, "rygsoejle"],
    ]);
  } finally {
    await pool.end();
  }
});

test("the print view has no navigation or chart buttons and shows link addresses", async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto(`/aarsrapport/${YEAR}/v/1`);
  await expect(page.getByRole("navigation", { name: "Hovedmenu" })).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Hovedmenu" })).toBeHidden();
  await expect(page.getByTestId("pdf-link")).toBeHidden();
  await expect(page.locator(".chart__tools").first()).toBeHidden();
  const csv = page.getByTestId("report-csv").first();
  expect(await csv.getAttribute("data-url")).toMatch(new RegExp(`^https?://[^/]+/aarsrapport/${YEAR}/v/1/csv/landsresultater$`));
  expect(await csv.evaluate((a) => getComputedStyle(a, "::after").content)).toMatch(/attr\(data-url\)|\/csv\/landsresultater/);
  const breakBefore = await page.locator("#definitioner").evaluate((s) => getComputedStyle(s).breakBefore);
  expect(breakBefore).toBe("page");
});

test("the PDF download opens: the title is on its first page, which is not blank", async ({ page }) => {
  test.setTimeout(600_000);
  await page.goto(`/aarsrapport/${YEAR}`);
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 540_000 }), page.getByTestId("pdf-link").click()]);
  expect(download.suggestedFilename()).toBe(`LDBU-aarsrapport-${YEAR}-v1.pdf`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ldbu-pdf-"));
  try {
    const file = path.join(dir, "rapport.pdf");
    await download.saveAs(file);
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe("%PDF-");
    const text = execFileSync("pdftotext", ["-f", "1", "-l", "1", "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
    expect(text).toContain(`Årsrapport ${YEAR}`);
    expect(text).toContain("Version");
    expect(text).not.toContain("Hovedmenu");
    execFileSync("pdftoppm", ["-f", "1", "-l", "1", "-r", "30", "-gray", file, path.join(dir, "side")]);
    const image = fs.readdirSync(dir).find((f) => f.startsWith("side") && f.endsWith(".pgm"));
    expect(image).toBeTruthy();
    const pgm = fs.readFileSync(path.join(dir, image!));
    // binary PGM: "P5\n<w> <h>\n<max>\n" then one byte per pixel
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 40).toString("latin1"))!;
    const pixels = pgm.subarray(header[0].length);
    expect(pixels.length).toBe(Number(header[1]) * Number(header[2]));
    const dark = pixels.filter((p) => p < 128).length;
    expect(dark / pixels.length).toBeGreaterThan(0.002);
    // a second download of the same version comes from the cache
    const started = Date.now();
    const again = await page.request.get(`/aarsrapport/${YEAR}/v/1/pdf`);
    expect(again.status()).toBe(200);
    expect(again.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(Date.now() - started).toBeLessThan(10_000);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
