/**
 * The result views on the synthetic demo data: Forside, Kommuneprofil, Sammenlign kommuner, Udvikling and
 * Indikatorbeskrivelser – for a large (Aarhus 751, København 101) and a small municipality (Læsø 825); filters update
 * chart, table and URL; a shared URL reproduces the view; the CSV matches the table; small numbers of other
 * municipalities never reach an anonymous user or a politician; no serious or critical axe violations.
 * Screenshots of every view are attached to the report and written to .data/test-results/screenshots/.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { DEMO_PASSWORD } from "../lib/demo/users";

const SHOTS = path.resolve(".data/test-results/screenshots");
const OWN = "751"; // the demo users' municipality (Aarhus)
const INDICATOR_IDS = ["LDBU-01", "LDBU-02", "LDBU-03", "LDBU-04", "LDBU-05", "LDBU-06", "LDBU-07", "LDBU-08", "LDBU-09", "LDBU-10", "LDBU-11"];

async function login(page: Page, username: string) {
  await page.goto("/login");
  await page.getByLabel("Brugernavn").fill(username);
  await page.getByLabel("Adgangskode").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Log ind" }).click();
  await expect(page.getByTestId("account-name")).toBeVisible();
}

async function shot(page: Page, testInfo: TestInfo, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: "image/png" });
}

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id} (${v.impact}): ${v.help} – ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** The rows of the results table as text per column id (data-col), with the row's data-kode. */
async function tableRows(page: Page): Promise<{ kode: string; cells: Record<string, string> }[]> {
  return page.locator("table#tabel tbody tr").evaluateAll((rows) =>
    rows.map((tr) => ({
      kode: tr.getAttribute("data-kode") ?? "",
      cells: Object.fromEntries([...tr.querySelectorAll("[data-col]")].map((c) => [c.getAttribute("data-col")!, (c.textContent ?? "").replace(/\u00a0/g, " ").trim()])),
    })),
  );
}

/** A displayed count ("1.234", "12 (2,1 %)", "<5", "–") as a number, or null when it is not a number. */
function countOf(text: string): number | null {
  const m = /^(\d{1,3}(?:\.\d{3})*|\d+)(?:\s|$)/.exec(text.trim());
  return m ? Number(m[1].replace(/\./g, "")) : null;
}

function expectNoSmallCounts(rows: { kode: string; cells: Record<string, string> }[], own: string | null, where: string) {
  for (const r of rows) {
    if (own !== null && r.kode === own) continue;
    for (const col of ["taeller", "naevner", "uoplyst"]) {
      const text = r.cells[col];
      if (text === undefined) continue;
      const n = countOf(text);
      expect(n === null || n === 0 || n >= 5, `${where}: ${r.kode} ${col} = "${text}"`).toBe(true);
    }
  }
}

test.describe("anonymous", () => {
  test("Forside explains that current results need login and published results come with the annual report", async ({ page }, testInfo) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Børns sundhed i Danmarks 98 kommuner");
    await expect(page.locator(".notice")).toContainText("kræver, at du er logget ind");
    await expect(page.locator(".notice")).toContainText("årsrapport");
    await expect(page.getByRole("link", { name: /LDBU-05 Fuldt ammet/ })).toBeVisible();
    await expect(page.locator("table#tabel")).toHaveCount(0);
    await shot(page, testInfo, "forside-anonym");
    await expectAccessible(page);
  });

  for (const url of ["/sammenlign?indikator=LDBU-05", "/udvikling", "/kommuner/825"]) {
    test(`${url} sends anonymous users to login`, async ({ page }) => {
      await page.goto(url);
      await expect(page).toHaveURL(/\/login\?callbackUrl=/);
      expect(decodeURIComponent(new URL(page.url()).searchParams.get("callbackUrl") ?? "")).toBe(url);
    });
  }

  test("the JSON API and exports refuse anonymous callers", async ({ request }) => {
    expect((await request.get("/api/results?indikator=LDBU-01")).status()).toBe(401);
    expect((await request.get("/api/series?indikator=LDBU-01&kommune=825")).status()).toBe(401);
    expect((await request.get("/api/export/csv?visning=forside")).status()).toBe(401);
  });

  test("Indikatorbeskrivelser is public and shows every indicator from the catalog", async ({ page }, testInfo) => {
    await page.goto("/indikatorer");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Indikatorbeskrivelser");
    for (const id of INDICATOR_IDS) await expect(page.locator(`article#${id}`)).toBeVisible();
    await expect(page.locator("article#LDBU-05")).toContainText("Tæller");
    await expect(page.locator("article#LDBU-05")).toContainText("Standard");
    await expect(page.getByRole("heading", { name: "Tælleregler for alle indikatorer" })).toBeVisible();
    await shot(page, testInfo, "indikatorbeskrivelser");
    await expectAccessible(page);
  });
});

test.describe("SundK", () => {
  test.beforeEach(async ({ page }) => login(page, "sundk"));

  test("Forside: every indicator with national value, trend and comparison counts", async ({ page }, testInfo) => {
    await page.goto("/");
    const rows = await tableRows(page);
    expect(rows.map((r) => r.kode)).toEqual(INDICATOR_IDS);
    for (const r of rows) {
      expect(r.cells.land).toMatch(/^\d+,\d %$/);
      expect(r.cells.kommuner).toMatch(/\d+ (bedre|lavere) · \d+ som landet · \d+ (dårligere|højere)/);
    }
    await shot(page, testInfo, "forside-sundk");
    await expectAccessible(page);
  });

  for (const [kode, name] of [["101", "København"], ["825", "Læsø"]]) {
    test(`Kommuneprofil ${name} (${kode})`, async ({ page }, testInfo) => {
      await page.goto(`/kommuner/${kode}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Kommuneprofil: ${name}`);
      const rows = await tableRows(page);
      expect(rows.map((r) => r.kode)).toEqual(INDICATOR_IDS);
      await expect(page.getByTestId("chart-rygsoejle").locator("svg[data-export] circle").first()).toBeVisible();
      await shot(page, testInfo, `kommuneprofil-${kode}`);
      await expectAccessible(page);
    });
  }

  test("the municipality picker finds Læsø by name and by code", async ({ page }) => {
    await page.goto("/kommuner/101");
    await page.getByLabel("Skift kommune").fill("læs");
    await expect(page.getByTestId("picker-hits").getByRole("link")).toHaveText(["Læsø"]);
    await page.getByLabel("Skift kommune").fill("825");
    await page.getByTestId("picker-hits").getByRole("link", { name: "Læsø" }).click();
    await expect(page).toHaveURL(/\/kommuner\/825$/);
  });

  test("Sammenlign: indicator, region and period switch chart, table and URL; the URL reproduces the view", async ({ page, context }, testInfo) => {
    await page.goto("/sammenlign");
    await expect(page.locator("table#tabel tbody:not(.results__pinned) tr")).toHaveCount(98);
    await expect(page.getByTestId("chart-soejler").locator(".recharts-bar-rectangle").first()).toBeVisible();
    await expect(page.getByTestId("chart-kort").locator("svg[data-export] path[data-kode]")).toHaveCount(98);
    await shot(page, testInfo, "sammenlign-landet");
    await expectAccessible(page);

    await page.getByLabel("Indikator", { exact: true }).selectOption("LDBU-05");
    await expect(page).toHaveURL(/indikator=LDBU-05/);
    await expect(page.getByTestId("status")).toHaveText(/Viser LDBU-05/);
    await expect(page.locator("#soejler-titel")).toContainText("LDBU-05");
    await expect(page.locator("table#tabel caption")).toContainText("LDBU-05");

    await page.getByLabel("Region", { exact: true }).selectOption({ label: "Region Midtjylland" });
    await expect(page).toHaveURL(/region=1082/);
    await expect(page.getByTestId("status")).toHaveText(/Region Midtjylland/);
    const municipalityRows = page.locator("table#tabel tbody:not(.results__pinned) tr");
    await expect(municipalityRows).toHaveCount(19);
    const withValue = (await tableRows(page)).filter((r) => r.kode.length === 3 && /%$/.test(r.cells.vaerdi)).length;
    // one bar (a name on the axis) per municipality with a value; a 0 % bar has no rectangle to count
    await expect(page.getByTestId("chart-soejler").locator(".recharts-yAxis .recharts-cartesian-axis-tick")).toHaveCount(withValue);
    await expect(page.getByTestId("chart-kort").locator("svg[data-export] path[data-kode]")).toHaveCount(19);

    const periods = await page.getByLabel("Periode", { exact: true }).locator("option").allTextContents();
    expect(periods.length).toBeGreaterThan(1);
    await page.getByLabel("Periode", { exact: true }).selectOption(periods[1]);
    await expect(page).toHaveURL(new RegExp(`periode=${periods[1]}`));
    await expect(page.locator("table#tabel caption")).toContainText(periods[1]);

    await page.getByRole("link", { name: /^Område/ }).click();
    await expect(page).toHaveURL(/sort=navn/);
    await expect(page.locator('table#tabel th[aria-sort="ascending"]')).toContainText("Område");
    const names = (await tableRows(page)).filter((r) => r.kode.length === 3).map((r) => r.cells.navn.replace(" din kommune", ""));
    expect(names).toEqual([...names].sort(new Intl.Collator("da-DK").compare));
    await page.getByLabel(/femtedele/).check();
    await expect(page.getByLabel(/femtedele/)).toBeChecked();
    await expect(page).toHaveURL(/kort=kvintil/);
    await shot(page, testInfo, "sammenlign-midtjylland");

    // the shared link, opened fresh, shows the same view
    const shared = page.url();
    const before = await tableRows(page);
    const other = await context.newPage();
    await other.goto(shared);
    expect(await tableRows(other)).toEqual(before);
    await expect(other.getByLabel("Indikator", { exact: true })).toHaveValue("LDBU-05");
    await expect(other.getByLabel("Region", { exact: true })).toHaveValue("1082");
    await expect(other.getByLabel(/femtedele/)).toBeChecked();
    await other.close();

    // back goes to the previous state
    await page.goBack();
    await expect(page).not.toHaveURL(/kort=kvintil/);
  });

  test("Sammenlign: the CSV download holds the table's numbers", async ({ page }) => {
    await page.goto("/sammenlign?indikator=LDBU-02&region=1084&sort=navn&retning=stigende");
    const rows = await tableRows(page);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("csv-link").click()]);
    const buf = fs.readFileSync((await download.path())!);
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = buf.toString("utf8").slice(1).split("\r\n").filter(Boolean).map((l) => l.split(";"));
    const header = lines[0];
    const col = (name: string) => header.indexOf(name);
    expect(header).toContain("Andel (%)");
    const csv = lines.slice(1);
    expect(csv.map((l) => l[col("Kode")])).toEqual(rows.map((r) => r.kode));
    for (const [i, r] of rows.entries()) {
      const l = csv[i];
      // the name cell also holds the "din kommune" and "lav dækning: …" tags, which are not part of the name
      expect(l[col("Område")]).toBe(r.cells.navn.replace(" din kommune", "").replace(/ lav dækning: .*$/s, ""));
      const num = (s: string) => (s === "" ? "–" : s);
      expect(num(l[col("Tæller")])).toBe(r.cells.taeller.replace(/\./g, ""));
      expect(num(l[col("Nævner")])).toBe(r.cells.naevner.replace(/\./g, ""));
      const share = l[col("Andel (%)")];
      expect(share === "" ? "–" : share === "<5" ? "<5" : `${share} %`).toBe(r.cells.vaerdi);
      expect(l[col("Sammenlignet med landet")]).toBe(r.cells.sammenligning);
    }
  });

  test("charts export as SVG and PNG, and every export is audited", async ({ page }) => {
    await page.goto("/kommuner/101");
    const frame = page.getByTestId("chart-rygsoejle");
    const [svg] = await Promise.all([page.waitForEvent("download"), frame.getByRole("button", { name: /Hent SVG/ }).click()]);
    expect(svg.suggestedFilename()).toBe("ldbu-kommuneprofil-101.svg");
    const text = fs.readFileSync((await svg.path())!, "utf8");
    expect(text).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(text).toContain("Rygsøjlediagram – København");
    await page.goto("/sammenlign?indikator=LDBU-05");
    const map = page.getByTestId("chart-kort");
    // the map is drawn after its geometry arrives (/api/kort)
    await expect(map.locator("svg[data-export], svg.recharts-surface").first()).toBeVisible();
    const [png] = await Promise.all([page.waitForEvent("download"), map.getByRole("button", { name: /Hent PNG/ }).click()]);
    expect(png.suggestedFilename()).toMatch(/^ldbu-LDBU-05-.*-kort\.png$/);
    expect([...fs.readFileSync((await png.path())!).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const mapSvg = await (await Promise.all([page.waitForEvent("download"), map.getByRole("button", { name: /Hent SVG/ }).click()]))[0].path();
    const mapText = fs.readFileSync(mapSvg!, "utf8");
    expect(mapText).toContain("Geodatastyrelsen og Danske Kommuner");
    expect((mapText.match(/<path /g) ?? []).length).toBeGreaterThanOrEqual(98);

    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
    try {
      const { rows } = await pool.query<{ resource: string }>(`SELECT resource FROM audit_entry WHERE action = 'export' AND username = 'sundk' AND resource IN ('svg/kommuneprofil', 'png/sammenlign', 'svg/sammenlign')`);
      expect(new Set(rows.map((r) => r.resource))).toEqual(new Set(["svg/kommuneprofil", "png/sammenlign", "svg/sammenlign"]));
    } finally {
      await pool.end();
    }
  });

  test("the JSON API validates its parameters", async ({ page }) => {
    const get = (q: string) => page.request.get(`/api/results?${q}`);
    const ok = await get("indikator=LDBU-05&region=1082");
    expect(ok.status()).toBe(200);
    const body = await ok.json();
    expect(body.indicatorId).toBe("LDBU-05");
    expect(body.municipalities.length).toBeGreaterThan(0);
    expect(body.municipalities.length).toBeLessThanOrEqual(19);
    for (const q of ["", "indikator=LDBU-99", "indikator=LDBU-05&periode=24", "indikator=LDBU-05&region=9", "indikator=LDBU-05&ukendt=1"]) {
      const res = await get(q);
      expect(res.status(), q).toBe(400);
      expect((await res.json()).problemer.length, q).toBeGreaterThan(0);
    }
    expect((await get("indikator=LDBU-05&periode=1990")).status()).toBe(404);
    expect((await page.request.get("/api/series?indikator=LDBU-05&kommune=8251")).status()).toBe(400);
  });

  test("Udvikling: municipality and indicator switch chart, table and URL", async ({ page }, testInfo) => {
    await page.goto("/udvikling?kommune=101");
    await expect(page.getByLabel("Kommune", { exact: true })).toHaveValue("101");
    await expect(page.getByTestId("chart-udvikling").locator(".recharts-line").first()).toBeVisible();
    await expect(page.locator("table#tabel tbody tr").first()).toContainText("København");
    await shot(page, testInfo, "udvikling-101");
    await expectAccessible(page);

    await page.getByLabel("Kommune", { exact: true }).selectOption("825");
    await expect(page).toHaveURL(/kommune=825/);
    await expect(page.locator("#udvikling-titel")).toContainText("Læsø");
    await expect(page.locator("table#tabel tbody tr").first()).toContainText("Læsø");
    await page.getByLabel("Indikator", { exact: true }).selectOption("LDBU-07");
    await expect(page).toHaveURL(/indikator=LDBU-07/);
    await expect(page.locator("#udvikling-titel")).toContainText("LDBU-07");
    await shot(page, testInfo, "udvikling-825");
    const shared = page.url();
    await page.goto(shared);
    await expect(page.getByLabel("Kommune", { exact: true })).toHaveValue("825");
    await expect(page.getByLabel("Indikator", { exact: true })).toHaveValue("LDBU-07");
  });
});

test.describe("politiker (Aarhus)", () => {
  test.beforeEach(async ({ page }) => login(page, "politiker"));

  test("Sammenlign never shows another municipality a count below 5, for any indicator", async ({ page }, testInfo) => {
    await page.goto("/sammenlign");
    for (const id of INDICATOR_IDS) {
      await page.getByLabel("Indikator", { exact: true }).selectOption(id);
      await expect(page.getByTestId("status")).toHaveText(new RegExp(`Viser ${id}`));
      const rows = await tableRows(page);
      expect(rows.find((r) => r.kode === OWN)?.cells.navn).toContain("din kommune");
      expectNoSmallCounts(rows, OWN, id);
    }
    await shot(page, testInfo, "sammenlign-politiker");
  });

  test("the API and the CSV never carry another municipality's small numbers either", async ({ page }) => {
    for (const id of INDICATOR_IDS) {
      const body = await (await page.request.get(`/api/results?indikator=${id}`)).json();
      for (const c of [...body.municipalities, ...body.regions, body.nation].filter(Boolean)) {
        if (c.areaCode === OWN) continue;
        for (const n of [c.numerator, c.denominator, c.uoplyst]) expect(n === null || n === 0 || n >= 5, `${id} ${c.areaCode}`).toBe(true);
      }
    }
    const csv = await (await page.request.get("/api/export/csv?visning=sammenlign&indikator=LDBU-04")).text();
    const lines = csv.slice(1).split("\r\n").filter(Boolean).map((l) => l.split(";"));
    const h = lines[0];
    for (const l of lines.slice(1))
      if (l[h.indexOf("Kode")] !== OWN)
        for (const name of ["Tæller", "Nævner", "Uoplyst"]) {
          const n = countOf(l[h.indexOf(name)]);
          expect(n === null || n === 0 || n >= 5, `${l[h.indexOf("Område")]} ${name}`).toBe(true);
        }
  });

  test("Kommuneprofil and Udvikling of Læsø show only suppressed or safe counts", async ({ page }, testInfo) => {
    await page.goto("/kommuner/825");
    expectNoSmallCounts(await tableRows(page), null, "profil 825");
    await shot(page, testInfo, "kommuneprofil-825-politiker");
    await expectAccessible(page);
    await page.goto("/udvikling?kommune=825&indikator=LDBU-05");
    expectNoSmallCounts(await tableRows(page), null, "udvikling 825");
  });

  test("their own municipality is shown in full and highlighted", async ({ page }, testInfo) => {
    await page.goto(`/kommuner/${OWN}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kommuneprofil: Aarhus");
    const rows = await tableRows(page);
    expect(rows.some((r) => /^\d/.test(r.cells.taeller))).toBe(true);
    await shot(page, testInfo, "kommuneprofil-751-politiker");
    await page.goto("/sammenlign?indikator=LDBU-05&region=1082");
    await expect(page.locator(`table#tabel tr.own[data-kode="${OWN}"]`)).toContainText("din kommune");
  });
});
