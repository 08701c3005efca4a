/**
 * The SundK administration in the browser: a SundK user creates a leder, resets the password, the leder logs in, is
 * deactivated and is thrown out on the next navigation; the audit log finds all of it; the receipt log searches;
 * SundK maps a SOR code to a municipality; nobody else may open /admin; every view of unpublished data is audited;
 * axe on every admin page.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { DEMO_PASSWORD } from "../lib/demo/users";

async function submitLogin(page: Page, username: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Brugernavn").fill(username);
  await page.getByLabel("Adgangskode").fill(password);
  await page.getByRole("button", { name: "Log ind" }).click();
}

async function login(page: Page, username: string, password = DEMO_PASSWORD) {
  await submitLogin(page, username, password);
  // the first page after a cold server start (the Forside with all its results) may take a while on a busy machine
  await expect(page.getByTestId("account-name")).toBeVisible({ timeout: 20_000 });
}

async function violations(page: Page) {
  // After a server action Next re-renders the page and streams its metadata: wait for the <title> to be back.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}

async function query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows as T[];
  } finally {
    await c.end();
  }
}

test("SundK creates a leder, resets the password, the leder logs in and is thrown out when deactivated; the audit log shows it", async ({ browser }) => {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  const username = `e2e-leder-${Date.now().toString(36)}`;
  await login(admin, "sundk");

  await admin.goto("/admin");
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Administration");
  expect(await violations(admin)).toEqual([]);
  await admin.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Brugere" }).click();
  await expect(admin.getByTestId("user-table")).toContainText("leder");
  expect(await violations(admin)).toEqual([]);
  await admin.getByRole("link", { name: "Opret bruger" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Opret bruger");

  // a refused form keeps what was typed and names the problem in Danish
  await admin.getByLabel("Brugernavn", { exact: true }).fill(username);
  await admin.getByLabel("Fulde navn", { exact: true }).fill("Edith Testleder");
  await admin.getByLabel("Rolle", { exact: true }).selectOption("leder");
  await admin.getByRole("button", { name: "Opret bruger" }).click();
  await expect(admin.getByTestId("form-error")).toHaveText("Rettelserne nedenfor mangler.");
  await expect(admin.getByText("Vælg brugerens kommune (kræves for alle roller undtagen SundK).")).toBeVisible();
  await expect(admin.getByLabel("Brugernavn", { exact: true })).toHaveValue(username);
  expect(await violations(admin)).toEqual([]);

  await admin.getByLabel("Kommune", { exact: true }).selectOption("751");
  await admin.getByRole("button", { name: "Opret bruger" }).click();
  const first = await admin.getByTestId("one-time-password").textContent();
  expect(first).toMatch(/^[^-]{5}(-[^-]{5}){3}$/);
  expect(await violations(admin)).toEqual([]);
  await admin.getByRole("link", { name: "Gå til brugeren" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText(`Bruger: ${username}`);
  await admin.getByRole("button", { name: "Nulstil adgangskode" }).click();
  const password = (await admin.getByTestId("one-time-password").textContent())!;
  expect(password).not.toBe(first);
  expect(await violations(admin)).toEqual([]);

  const userContext = await browser.newContext();
  const user = await userContext.newPage();
  await submitLogin(user, username, first!);
  await expect(user.getByTestId("login-error")).toHaveText("Forkert brugernavn eller adgangskode."); // the old password is gone
  await login(user, username, password);
  await expect(user.getByTestId("account-name")).toHaveText("Edith Testleder");
  expect((await user.goto("/fejlliste"))?.status()).toBe(200);

  await admin.getByRole("button", { name: "Deaktivér bruger" }).click();
  await expect(admin.getByTestId("user-status")).toHaveText("Deaktiveret");
  await expect(admin.getByTestId("form-ok")).toContainText("deaktiveret");

  await user.goto("/fejlliste");
  await expect(user).toHaveURL(/\/login\?callbackUrl=%2Ffejlliste/);
  await expect(user.getByRole("link", { name: "Log ind" })).toBeVisible();
  await userContext.close();

  await admin.goto(`/admin/audit?bruger=sundk&handling=admin`);
  const table = admin.getByTestId("audit-table");
  for (const what of ["handling: opret", "handling: nulstil adgangskode", "handling: deaktivér"]) await expect(table.getByRole("row").filter({ hasText: username }).filter({ hasText: what })).toHaveCount(1);
  await expect(table).not.toContainText(password);
  expect(await violations(admin)).toEqual([]);
  await admin.goto(`/admin/audit?bruger=${username}`);
  await expect(admin.getByTestId("audit-table").getByRole("row").filter({ hasText: "fejlliste" })).toHaveCount(1);
  const csv = await admin.request.get(`/api/admin/audit/csv?bruger=${username}`);
  expect(csv.status()).toBe(200);
  const logged = await csv.text();
  expect(logged).toContain(`${username};leder;Visning;fejlliste;751`);
  expect(logged).toContain(`${username};leder;Login;lokal;751`);
  await adminContext.close();
});

test("a SundK user cannot deactivate themselves", async ({ page }) => {
  await login(page, "sundk");
  await page.goto("/admin/brugere?rolle=sundk");
  await page.getByRole("link", { name: "sundk", exact: true }).click();
  await page.getByRole("button", { name: "Deaktivér bruger" }).click();
  await expect(page.getByTestId("form-error")).toHaveText("Du kan ikke deaktivere dig selv. Bed en anden SundK-bruger om det.");
  await expect(page.getByTestId("user-status")).toHaveText("Aktiv");
});

test("the receipt log finds the rejected reports with their problems", async ({ page }) => {
  await login(page, "sundk");
  await page.goto("/admin/modtagelser?resultat=rejected");
  const rows = page.getByTestId("receipt-table").locator("tbody tr");
  expect(await rows.count()).toBeGreaterThan(0);
  for (const text of await rows.locator("td:nth-child(5)").allTextContents()) expect(text).toBe("Afvist");
  await rows.first().getByText(/fejl,/).click();
  await expect(rows.first().getByRole("listitem").first()).toContainText("Fejl");
  expect(await violations(page)).toEqual([]);
});

for (const username of ["leder", "sundhedsplejerske", "politiker"]) {
  test(`a ${username} gets 403 on every admin page and the audit export`, async ({ page }) => {
    await login(page, username);
    for (const path of ["/admin", "/admin/brugere", "/admin/brugere/ny", "/admin/brugere/1", "/admin/audit", "/admin/modtagelser", "/admin/indstillinger", "/admin/organisationer"]) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ingen adgang");
    }
    expect((await page.request.get("/api/admin/audit/csv")).status()).toBe(403);
  });
}

test("every view of unpublished results is audited, pages and API alike", async ({ page }) => {
  await login(page, "sundhedsplejerske");
  const count = async (resource: string) =>
    (await query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_entry WHERE username = 'sundhedsplejerske' AND action = 'view' AND resource = $1`, [resource]))[0].n;
  const checks: [path: string, resource: string][] = [
    ["/", "forside"],
    ["/kommuner/751", "kommuneprofil"],
    ["/sammenlign", "sammenlign"],
    ["/udvikling", "udvikling"],
    ["/datakomplethed", "datakomplethed"],
  ];
  for (const [path, resource] of checks) {
    const before = await count(resource);
    expect((await page.goto(path))?.status(), path).toBe(200);
    expect(await count(resource), path).toBe(before + 1);
  }
  const before = await count("api/datakomplethed");
  expect((await page.request.get("/api/datakomplethed")).status()).toBe(200);
  expect(await count("api/datakomplethed")).toBe(before + 1);
  const [last] = await query<{ municipality_code: string; details: { kommune: string } }>(
    `SELECT municipality_code, details FROM audit_entry WHERE username = 'sundhedsplejerske' AND resource = 'kommuneprofil' ORDER BY id DESC LIMIT 1`,
  );
  expect(last).toEqual({ municipality_code: "751", details: { kommune: "751" } });
});

test("SundK sets an indicator's standard: a wrong value is refused in Danish, the new one shows on the definitions page", async ({ page }) => {
  await login(page, "sundk");
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Standarder" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Standarder");
  expect(await violations(page)).toEqual([]);
  const form = page.getByRole("form", { name: /^Standard for LDBU-02 / });
  await expect(form.getByLabel("Standard (%)")).toHaveValue("90");

  await form.getByLabel("Standard (%)").fill("92,5");
  await form.getByRole("button", { name: "Gem standard for LDBU-02" }).click();
  await expect(form.getByTestId("form-error")).toHaveText("Standarden er ikke gemt.");
  await expect(form.getByLabel("Standard (%)")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText("Skriv standarden som et helt antal procent, fx 85.")).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await form.getByLabel("Standard (%)").fill("95");
  await form.getByLabel("Fastsat af SundK").check();
  await form.getByRole("button", { name: "Gem standard for LDBU-02" }).click();
  await expect(form.getByTestId("form-ok")).toContainText("Standarden for LDBU-02 er nu 95 % (fastsat)");
  await page.goto("/indikatorer");
  await expect(page.getByText("95 % – fastsat af SundK")).toBeVisible();
  expect(await query(`SELECT target, provisional, updated_by FROM indicator_standard WHERE indicator_id = 'LDBU-02'`)).toEqual([{ target: 0.95, provisional: false, updated_by: "sundk" }]);

  // back to the catalog's provisional 90 %, as the other specs expect
  await page.goto("/admin/standarder");
  const again = page.getByRole("form", { name: /^Standard for LDBU-02 / });
  await again.getByLabel("Standard (%)").fill("90");
  await again.getByLabel("Foreløbig").check();
  await again.getByRole("button", { name: "Gem standard for LDBU-02" }).click();
  await expect(again.getByTestId("form-ok")).toContainText("Standarden for LDBU-02 er nu 90 % (foreløbig)");
});

test("SundK sets the coverage warning threshold: a wrong value is refused in Danish, the new one marks the Datakomplethed heatmap", async ({ page }) => {
  await login(page, "sundk");
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Indstillinger" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Indstillinger");
  const form = page.getByRole("form", { name: "Grænse for advarsel om lav dækningsgrad" });
  await expect(form.getByLabel("Grænse for dækningsgrad (%)")).toHaveValue("90");
  expect(await violations(page)).toEqual([]);

  await form.getByLabel("Grænse for dækningsgrad (%)").fill("0");
  await form.getByRole("button", { name: "Gem grænsen" }).click();
  await expect(form.getByTestId("form-error")).toHaveText("Grænsen er ikke gemt.");
  await expect(form.getByLabel("Grænse for dækningsgrad (%)")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText("Grænsen skal ligge mellem 1 og 100 %.")).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await form.getByLabel("Grænse for dækningsgrad (%)").fill("99");
  await form.getByRole("button", { name: "Gem grænsen" }).click();
  await expect(form.getByTestId("form-ok")).toContainText("Grænsen for advarsel om lav dækningsgrad er nu 99 %.");
  await page.goto("/datakomplethed");
  await expect(page.getByText("dækningsgrad under SundK's grænse på 99 %")).toBeVisible();
  expect(await query(`SELECT value, updated_by FROM setting WHERE key = 'coverage_warning_threshold'`)).toEqual([{ value: 0.99, updated_by: "sundk" }]);

  // back to 90 %, as the other specs expect
  await page.goto("/admin/indstillinger");
  await page.getByLabel("Grænse for dækningsgrad (%)").fill("90");
  await page.getByRole("button", { name: "Gem grænsen" }).click();
  await expect(page.getByTestId("form-ok")).toContainText("er nu 90 %.");
});

test("SundK maps a SOR code seen in reports to a municipality: refused in Danish first, then in the table; a mapping reports carry cannot be deleted", async ({ page }) => {
  // a SOR code no mapping knows, on one custodian row of a child (dated long before any cut-off, so it places nobody)
  const sor = `7${Date.now()}`;
  const [{ id: citizenId }] = await query<{ id: string }>(`SELECT id::text FROM citizen ORDER BY id LIMIT 1`);
  await query(`INSERT INTO citizen_custodian (citizen_id, receipt_id, report_timestamp, sor_code) VALUES ($1, -1, '2000-01-01T00:00:00Z', $2)`, [citizenId, sor]);
  try {
    await login(page, "sundk");
    await page.goto("/admin");
    await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Organisationer" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Organisationer");
    expect(await violations(page)).toEqual([]);

    await page.getByTestId("unmapped-table").getByRole("link", { name: `Knyt til kommune (SOR-koden ${sor})` }).click();
    const form = page.getByRole("form", { name: "Knyt SOR-kode til kommune" });
    await expect(form.getByLabel("SOR-kode")).toHaveValue(sor);
    await form.getByRole("button", { name: "Gem tilknytning" }).click();
    await expect(form.getByTestId("form-error")).toHaveText("Tilknytningen er ikke gemt.");
    await expect(form.getByLabel("Navn")).toHaveAttribute("aria-invalid", "true");
    await expect(form.getByLabel("Navn")).toHaveAccessibleDescription(/Skriv organisationens navn\./);
    await expect(form.getByText("Vælg en kommune.")).toBeVisible();
    await expect(form.getByLabel("SOR-kode")).toHaveValue(sor);
    expect(await violations(page)).toEqual([]);

    await form.getByLabel("Navn").fill("E2E-sundhedsplejen");
    await form.getByLabel("Kommune").selectOption("563");
    await form.getByRole("button", { name: "Gem tilknytning" }).click();
    await expect(form.getByTestId("form-ok")).toHaveText(
      `SOR-koden ${sor} er nu knyttet til Fanø (563). Ændringen slår igennem i resultaterne ved næste genberegning; 1 borger er markeret til den.`,
    );
    const row = page.getByTestId("organisation-table").getByRole("row").filter({ hasText: sor });
    await expect(row).toContainText("E2E-sundhedsplejen");
    await expect(row).toContainText("Fanø (563)");
    await expect(row).toContainText("Region Syddanmark");
    await expect(page.getByRole("link", { name: `Knyt til kommune (SOR-koden ${sor})` })).toHaveCount(0);
    expect(await violations(page)).toEqual([]);
    expect(await query(`SELECT name, municipality_code FROM organisation WHERE sor_code = $1`, [sor])).toEqual([{ name: "E2E-sundhedsplejen", municipality_code: "563" }]);
    expect(await query(`SELECT 1 FROM refresh_citizen WHERE citizen_id = $1`, [citizenId])).toHaveLength(1);
    expect(await query(`SELECT details->>'handling' AS h FROM audit_entry WHERE resource = 'organisation' AND details->>'sorKode' = $1`, [sor])).toEqual([{ h: "opret" }]);

    await page.goto("/admin/organisationer?kommune=563");
    await expect(page.getByTestId("organisation-table")).toContainText(sor);
    await page.getByRole("link", { name: `Ret SOR-koden ${sor}` }).click();
    const remove = page.getByRole("form", { name: "Slet tilknytning" });
    await remove.getByRole("button", { name: `Slet tilknytningen af ${sor}` }).click();
    await expect(remove.getByTestId("form-error")).toContainText("kan ikke slettes: børnene ville så kun tælle med på landsplan.");
    expect(await violations(page)).toEqual([]);
  } finally {
    await query(`DELETE FROM citizen_custodian WHERE sor_code = $1`, [sor]);
  }
  // once no report carries it, the mapping can go
  await page.reload();
  await page.getByRole("form", { name: "Slet tilknytning" }).getByRole("button", { name: `Slet tilknytningen af ${sor}` }).click();
  await expect(page.getByRole("form", { name: "Slet tilknytning" }).getByTestId("form-ok")).toHaveText(`Tilknytningen af SOR-koden ${sor} til Fanø (563) er slettet.`);
  await expect(page.getByTestId("organisation-table")).not.toContainText(sor);
  expect(await query(`SELECT 1 FROM organisation WHERE sor_code = $1`, [sor])).toHaveLength(0);
});
