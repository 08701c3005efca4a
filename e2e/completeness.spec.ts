/**
 * Datakomplethed and Fejlliste in the browser, on the e2e synthetic data: who may open the Fejlliste (leder own
 * municipality only, SundK any, sundhedsplejerske and politiker none), the heatmap's numbers against its table and its
 * CSV, URL state, API validation, audit entries, and axe (no serious or critical violations).
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import pg from "pg";
import { DEMO_PASSWORD } from "../lib/demo/users";

async function login(page: Page, username: string) {
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

async function auditCount(username: string, resource: string, action: string): Promise<number> {
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  try {
    return (await c.query(`SELECT count(*)::int AS n FROM audit_entry WHERE username = $1 AND resource = $2 AND action = $3`, [username, resource, action])).rows[0].n;
  } finally {
    await c.end();
  }
}

test.describe("Fejlliste", () => {
  test("a leder sees their own municipality's list, is refused another, and every view and export is audited", async ({ page }) => {
    await login(page, "leder");
    const views = await auditCount("leder", "fejlliste", "view");
    const res = await page.goto("/fejlliste");
    expect(res?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Fejlliste");
    await expect(page.locator("p.lead")).toContainText("Aarhus Kommune");
    await expect(page.getByRole("combobox", { name: "Kommune" })).toHaveCount(0); // a leder cannot choose
    expect(await auditCount("leder", "fejlliste", "view")).toBe(views + 1);

    await page.getByRole("link", { name: "Manglende observationer" }).click();
    await expect(page).toHaveURL(/visning=mangler/);
    await expect(page.getByTestId("worklist-table").or(page.getByRole("status").filter({ hasText: "Ingen" }))).toBeVisible();

    const other = await page.goto("/fejlliste?kommune=101");
    expect(other?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ingen adgang");
    expect((await page.request.get("/api/fejlliste?kommune=101")).status()).toBe(403);
    expect((await page.request.get("/api/fejlliste/csv?kommune=101")).status()).toBe(403);

    const own = await page.request.get("/api/fejlliste?visning=sene");
    expect(own.status()).toBe(200);
    expect((await own.json()).municipality).toBe("751");

    const exports = await auditCount("leder", "fejlliste", "export");
    const csv = await page.request.get("/api/fejlliste/csv?visning=mangler");
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const body = await csv.text();
    expect(body.startsWith("\uFEFFBesøgsdato;Besøgstype;Kontakt-id (Encounter.id);Indberetnings-id (Bundle.id)")).toBe(true);
    expect(body).not.toMatch(/\b\d{6}-?\d{4}\b/); // never a CPR number
    expect(await auditCount("leder", "fejlliste", "export")).toBe(exports + 1);
  });

  for (const username of ["sundhedsplejerske", "politiker"]) {
    test(`a ${username} cannot open it`, async ({ page }) => {
      await login(page, username);
      const res = await page.goto("/fejlliste");
      expect(res?.status()).toBe(403);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ingen adgang");
      expect((await page.request.get("/api/fejlliste")).status()).toBe(403);
      expect((await page.request.get("/api/fejlliste/csv?kommune=751")).status()).toBe(403);
    });
  }

  test("SundK chooses any municipality", async ({ page }) => {
    await login(page, "sundk");
    await page.goto("/fejlliste");
    await page.getByRole("combobox", { name: "Kommune" }).selectOption("101");
    await page.getByRole("button", { name: "Vis" }).first().click();
    await expect(page).toHaveURL(/\/fejlliste\?kommune=101$/);
    await expect(page.locator("p.lead")).toContainText("København Kommune");
    expect((await page.goto("/fejlliste?kommune=825&visning=sene"))?.status()).toBe(200);
    await expect(page.locator("p.lead")).toContainText("Læsø Kommune");
    expect((await page.request.get("/api/fejlliste?kommune=ukendt")).status()).toBe(200);
  });

  test("has no serious accessibility violations", async ({ page }) => {
    await login(page, "leder");
    for (const path of ["/fejlliste", "/fejlliste?visning=mangler", "/fejlliste?visning=sene"]) {
      await page.goto(path);
      expect(await seriousViolations(page), path).toEqual([]);
    }
  });
});

test.describe("Datakomplethed", () => {
  test("the heatmap shows the same numbers as its table and its CSV", async ({ page }) => {
    await login(page, "sundhedsplejerske");
    await page.goto("/datakomplethed?maal=variabler");
    const heatmap = page.getByTestId("heatmap");
    const table = page.getByTestId("heatmap-table");
    await expect(heatmap).toBeVisible();
    const year = await page.getByRole("combobox", { name: "År" }).inputValue();
    await expect(table).toHaveCount(0); // rendered only when its disclosure is opened
    await page.getByText("Tabel med tal", { exact: true }).click();
    await expect(table).toBeVisible();
    const columns = await heatmap.locator("thead th[data-col]").evaluateAll((ths) => ths.map((th) => th.getAttribute("data-col")!).filter((c) => c !== "navn"));
    expect(columns.length).toBe(12);

    const csvResponse = await page.request.get(`/api/datakomplethed/csv?periode=${year}&maal=variabler`);
    expect(csvResponse.status()).toBe(200);
    const csvText = await csvResponse.text();
    expect(csvText.startsWith("\uFEFF")).toBe(true);
    const records: Record<string, string>[] = parse(csvText.slice(1), { delimiter: ";", columns: true });
    const titles = await table.locator("thead th[data-col]").evaluateAll((ths) => Object.fromEntries(ths.map((th) => [th.getAttribute("data-col")!, th.childNodes[0].textContent!.trim()])));

    let compared = 0, suppressed = 0;
    for (const area of ["DK", "1082", "751", "825", "101", "563"]) {
      for (const col of columns) {
        const h = (await heatmap.locator(`tr[data-area="${area}"] td[data-col="${col}"] [data-value]`).textContent())!.trim();
        const t = (await table.locator(`tr[data-area="${area}"] td[data-col="${col}"] [data-value]`).textContent())!.trim();
        expect(t, `${area} ${col}`).toBe(h);
        const line = records.find((r) => r.Kode === area && r["Besøg"] === titles[col]);
        expect(line, `${area} ${col} in the CSV`).toBeDefined();
        const fromCsv = line!["Andel (%)"] === "" ? "–" : line!["Andel (%)"] === "<5" ? "<5" : `${line!["Andel (%)"]} %`;
        expect(fromCsv, `${area} ${col}`).toBe(h);
        if (h === "<5") suppressed++;
        compared++;
      }
    }
    expect(compared).toBe(6 * 12);
    // small numbers of other municipalities are hidden (e.g. Læsø); the viewer's own municipality never is
    expect(suppressed).toBeGreaterThan(0);
    await expect(heatmap.locator('tr[data-area="751"] td', { hasText: "<5" })).toHaveCount(0);
  });

  test("sorting, filters and drill-down live in the URL", async ({ page }) => {
    await login(page, "sundk");
    await page.goto("/datakomplethed");
    await page.getByRole("link", { name: "8–11 mdr." }).click();
    await expect(page).toHaveURL(/sort=8-11mdr&retning=faldende/);
    const values = await page.locator('[data-testid="heatmap"] tbody tr[data-level="municipality"] td[data-col="8-11mdr"] [data-value]').allTextContents();
    const numbers = values.filter((v) => v.endsWith("%")).map((v) => Number(v.replace(" %", "").replace(",", ".")));
    expect(numbers.length).toBeGreaterThan(10);
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));

    await page.getByRole("combobox", { name: "Region" }).selectOption({ label: "Region Midtjylland" });
    await page.getByRole("combobox", { name: "Mål" }).selectOption("rettidighed");
    await page.getByRole("button", { name: "Vis" }).click();
    await expect(page).toHaveURL(/maal=rettidighed/);
    await expect(page).toHaveURL(/region=1082/);
    await expect(page.locator('[data-testid="heatmap"] tbody tr[data-level="municipality"]')).toHaveCount(19);

    await page.getByTestId("heatmap").getByRole("link", { name: "Aarhus" }).click();
    await expect(page).toHaveURL(/kommune=751/);
    await expect(page.getByRole("heading", { name: "Aarhus Kommune" })).toBeVisible();
    await expect(page.getByTestId("detail-visits")).toBeVisible();
    await expect(page.getByTestId("detail-trend")).toBeVisible();
    const shared = page.url();
    await page.goto(shared);
    await expect(page.getByRole("heading", { name: "Aarhus Kommune" })).toBeVisible();
  });

  test("the API validates its parameters and requires a login", async ({ page, request }) => {
    expect((await request.get("/api/datakomplethed")).status()).toBe(401);
    await login(page, "politiker");
    const bad = await page.request.get("/api/datakomplethed?maal=x&kommune=9999");
    expect(bad.status()).toBe(400);
    expect((await bad.json()).problemer.map((p: { parameter: string }) => p.parameter).sort()).toEqual(["kommune", "maal"]);
    expect((await page.request.get("/api/datakomplethed?foo=1")).status()).toBe(400);
    const ok = await page.request.get("/api/datakomplethed?maal=daekning");
    expect(ok.status()).toBe(200);
    expect((await ok.json()).heatmap.columns[0].key).toBe("alle");
  });

  test("has no serious accessibility violations", async ({ page }) => {
    await login(page, "sundhedsplejerske");
    for (const path of ["/datakomplethed", "/datakomplethed?maal=variabler&kommune=751"]) {
      await page.goto(path);
      expect(await seriousViolations(page), path).toEqual([]);
    }
  });
});
