import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS } from "../lib/demo/users";
import { ROLE_LABEL } from "../lib/auth/roles";

async function login(page: Page, username: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Brugernavn").fill(username);
  await page.getByLabel("Adgangskode").fill(password);
  await page.getByRole("button", { name: "Log ind" }).click();
}

for (const u of DEMO_USERS) {
  test(`logs in as ${u.role} and shows the role`, async ({ page }) => {
    await login(page, u.username, DEMO_PASSWORD);
    await expect(page.getByTestId("account-role")).toContainText(ROLE_LABEL[u.role]);
    await expect(page.getByTestId("account-name")).toHaveText(u.name);
    await page.getByRole("button", { name: "Log ud" }).click();
    await expect(page.getByRole("link", { name: "Log ind" })).toBeVisible();
  });
}

test("a wrong password is refused with a Danish message", async ({ page }) => {
  await login(page, "leder", "forkert-adgangskode");
  await expect(page.getByTestId("login-error")).toHaveText("Forkert brugernavn eller adgangskode.");
  await expect(page.getByRole("link", { name: "Log ind" })).toBeVisible();
});

test("a protected page sends anonymous users to login and back", async ({ page }) => {
  await page.goto("/fejlliste");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Ffejlliste/);
  await page.getByLabel("Brugernavn").fill("leder");
  await page.getByLabel("Adgangskode").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Log ind" }).click();
  await expect(page).toHaveURL(/\/fejlliste$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Fejlliste");
});

test("a logged-in user without the right role gets 403, not the page", async ({ page }) => {
  await login(page, "politiker", DEMO_PASSWORD);
  await expect(page.getByTestId("account-role")).toBeVisible();
  const res = await page.goto("/admin");
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ingen adgang");
});

test("lists the 98 municipalities in 5 regions", async ({ page }) => {
  await page.goto("/kommuner");
  await expect(page.getByTestId("municipality-list").getByRole("listitem")).toHaveCount(98);
  await expect(page.getByRole("heading", { level: 2 })).toHaveCount(5);
  await expect(page.getByRole("link", { name: "Læsø" })).toBeVisible();
});

for (const path of ["/", "/kommuner", "/login"]) {
  test(`has no accessibility violations on ${path}`, async ({ page }) => {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
}
