/**
 * Single sign-on end to end: a real OpenID Connect provider (e2e/support/test-idp.ts) and an
 * LDBU server of its own started with the LDBU_OIDC_* settings (the other specs' server has none),
 * on the e2e database. The browser goes /login → "Log ind med …" → the provider's login and
 * consent pages → back in LDBU with the role and municipality mapped from the claims.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { freePort, startApp, type AppServer } from "../scripts/app-server";
import { startTestIdp, type TestIdp } from "./support/test-idp";

const IDP_NAME = "Testkommunernes login";
const ACCOUNTS = {
  "lene.leder": { name: "Lene Leder", ldbu_rolle: ["Alle-ansatte", "LDBU-Leder"], kommunekode: "0101" },
  "sara.sundk": { given_name: "Sara", family_name: "Sundk", ldbu_rolle: "LDBU-SundK" },
  "ulla.ukendt": { name: "Ulla Ukendt", ldbu_rolle: "Administrator", kommunekode: "101" },
  "kim.kommunelos": { name: "Kim Kommuneløs", ldbu_rolle: "LDBU-Sundhedsplejerske" },
};

let idp: TestIdp;
let app: AppServer;
let base: string;

async function sql<T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  try {
    return (await c.query<T>(text, params)).rows;
  } finally {
    await c.end();
  }
}

const ssoUser = (login: string) =>
  sql<{ username: string; role: string; municipality_code: string | null; active: boolean; password_hash: string | null }>(
    `SELECT username, role, municipality_code, active, password_hash FROM app_user WHERE external_id = $1`,
    [`${idp.issuer}#${login}`],
  );

async function ssoLogin(page: Page, login: string, path = "/login") {
  await page.goto(`${base}${path}`);
  await page.getByRole("button", { name: `Log ind med ${IDP_NAME}` }).click();
  await page.waitForURL(`${idp.issuer}/**`);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("hvad-som-helst");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForURL(`${base}/**`);
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const [appPort, idpPort] = [await freePort(), await freePort()];
  base = `http://localhost:${appPort}`;
  idp = await startTestIdp({ port: idpPort, redirectUri: `${base}/api/auth/callback/oidc`, accounts: ACCOUNTS });
  app = await startApp(process.env.DATABASE_URL!, appPort, { env: {
    LDBU_OIDC_ISSUER: idp.issuer,
    LDBU_OIDC_CLIENT_ID: idp.clientId,
    LDBU_OIDC_CLIENT_SECRET: idp.clientSecret,
    LDBU_OIDC_NAME: IDP_NAME,
    LDBU_OIDC_SCOPE: "openid profile ldbu",
    LDBU_OIDC_ROLE_CLAIM: "ldbu_rolle",
    LDBU_OIDC_ROLE_MAP: JSON.stringify({ "LDBU-Leder": "leder", "LDBU-Sundhedsplejerske": "sundhedsplejerske", "LDBU-Politiker": "politiker", "LDBU-SundK": "sundk" }),
    LDBU_OIDC_MUNICIPALITY_CLAIM: "kommunekode",
  } });
});

test.afterAll(async () => {
  await app?.stop();
  await idp?.stop();
  // Leave the shared e2e database as the other specs expect it.
  if (idp) await sql(`DELETE FROM app_user WHERE external_id LIKE $1`, [`${idp.issuer}#%`]);
});

test("the login page offers the identity provider beside the LDBU account, accessibly", async ({ page }) => {
  await page.goto(`${base}/login`);
  await expect(page.getByRole("button", { name: `Log ind med ${IDP_NAME}` })).toBeVisible();
  await expect(page.getByLabel("Brugernavn")).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test("a leader in København logs in through the IdP and lands with the mapped role and municipality", async ({ page }) => {
  await ssoLogin(page, "lene.leder", "/login?callbackUrl=%2Ffejlliste");
  await expect(page).toHaveURL(`${base}/fejlliste`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Fejlliste");
  await expect(page.getByTestId("account-name")).toHaveText("Lene Leder");
  await expect(page.getByTestId("account-role")).toHaveText("Leder af sundhedsplejen, København Kommune");
  expect(await ssoUser("lene.leder")).toEqual([{ username: "sso:lene.leder", role: "leder", municipality_code: "101", active: true, password_hash: null }]);
});

test("a SundK user lands as SundK without a municipality and may administer", async ({ page }) => {
  await ssoLogin(page, "sara.sundk");
  await expect(page.getByTestId("account-name")).toHaveText("Sara Sundk");
  await expect(page.getByTestId("account-role")).toHaveText("SundK");
  expect((await page.goto(`${base}/admin`))?.status()).toBe(200);
});

test("an unknown role claim is refused with a Danish message and no account", async ({ page }) => {
  await ssoLogin(page, "ulla.ukendt");
  await expect(page).toHaveURL(/\/login\?error=SsoRolle$/);
  await expect(page.getByTestId("sso-error")).toHaveText("Din bruger har ikke en rolle, der giver adgang til LDBU. Bed din it-afdeling om at tildele dig en LDBU-rolle.");
  await expect(page.getByRole("link", { name: "Log ind" })).toBeVisible();
  expect(await ssoUser("ulla.ukendt")).toEqual([]);
});

test("a health visitor without a municipality claim is refused", async ({ page }) => {
  await ssoLogin(page, "kim.kommunelos");
  await expect(page.getByTestId("sso-error")).toHaveText("Din bruger mangler en gyldig kommunekode. Bed din it-afdeling om at tilknytte dig din kommune.");
  expect(await ssoUser("kim.kommunelos")).toEqual([]);
});

test("the next login takes role and municipality from the claims again", async ({ page }) => {
  idp.accounts["lene.leder"] = { ...ACCOUNTS["lene.leder"], ldbu_rolle: "LDBU-Sundhedsplejerske", kommunekode: 751 };
  try {
    await ssoLogin(page, "lene.leder");
    await expect(page.getByTestId("account-role")).toHaveText("Sundhedsplejerske, Aarhus Kommune");
    expect(await ssoUser("lene.leder")).toMatchObject([{ username: "sso:lene.leder", role: "sundhedsplejerske", municipality_code: "751" }]);
  } finally {
    idp.accounts["lene.leder"] = ACCOUNTS["lene.leder"];
  }
});

test("deactivating the local row ends the session at once and refuses the next IdP login", async ({ page, browser }) => {
  await ssoLogin(page, "lene.leder");
  await expect(page.getByTestId("account-role")).toHaveText("Leder af sundhedsplejen, København Kommune");
  await sql(`UPDATE app_user SET active = false WHERE external_id = $1`, [`${idp.issuer}#lene.leder`]);
  await page.reload();
  await expect(page.getByRole("link", { name: "Log ind" })).toBeVisible();
  // A new browser, so the IdP asks for the login again rather than reusing its own session.
  const again = await browser.newPage();
  await ssoLogin(again, "lene.leder");
  await expect(again.getByTestId("sso-error")).toHaveText("Din LDBU-adgang er deaktiveret. Kontakt SundK, hvis du mener, det er en fejl.");
  await expect(again.getByRole("link", { name: "Log ind" })).toBeVisible();
  await again.context().close();
});
