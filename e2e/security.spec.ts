/**
 * The Content-Security-Policy in a real browser: the main pages (anonymous and as SundK), client-side
 * navigation between them, and a chart exported as PNG run without a single CSP violation – the browser
 * would block any script without the nonce. A cross-site POST from a foreign page is refused. (The axe
 * checks of login.spec.ts, views.spec.ts and completeness.spec.ts run under the same policy.)
 */
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../lib/demo/users";

/** Collects CSP violations (events and console reports) from every document the page loads. */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on("console", (m) => {
    if (/Content.Security.Policy/i.test(m.text())) seen.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => seen.push(`pageerror: ${e.message}`));
  await page.exposeFunction("reportCspViolation", (v: string) => seen.push(v));
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as unknown as { reportCspViolation: (v: string) => void }).reportCspViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    ),
  );
  return seen;
}

const PAGES = ["/", "/kommuner", "/kommuner/751", "/sammenlign?indikator=LDBU-05", "/udvikling?kommune=751", "/indikatorer", "/datakomplethed", "/fejlliste", "/admin", "/login"];

test("anonymous pages run without CSP violations", async ({ page }) => {
  const violations = await watchViolations(page);
  for (const path of ["/", "/kommuner", "/indikatorer", "/login"]) {
    const res = await page.goto(path);
    expect(res?.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  expect(violations).toEqual([]);
});

test("logged-in pages, client-side navigation and a PNG export run without CSP violations", async ({ page }) => {
  const violations = await watchViolations(page);
  // the credentials login posts and follows next-auth's redirect under form-action 'self'
  await page.goto("/login");
  await page.getByLabel("Brugernavn").fill("sundk");
  await page.getByLabel("Adgangskode").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Log ind" }).click();
  await expect(page.getByTestId("account-name")).toBeVisible();

  for (const path of PAGES.slice(0, -1)) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  // no inline style attribute is allowed (style-src-attr 'none'): the server renders none, and the charts, drawn in
  // the browser below, style themselves through the CSSOM
  const html = await (await page.request.get("/sammenlign?indikator=LDBU-05")).text();
  expect(html).not.toMatch(/<[^>]+\sstyle="/);
  await page.goto("/sammenlign?indikator=LDBU-05");
  await expect(page.locator(".recharts-wrapper").first()).toBeVisible();
  const map = page.getByTestId("chart-kort");
  const [png] = await Promise.all([page.waitForEvent("download"), map.getByRole("button", { name: /Hent PNG/ }).click()]);
  expect(png.suggestedFilename()).toMatch(/\.png$/);
  // client-side navigation loads further chunks through the nonce'd loader ('strict-dynamic')
  await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Udvikling" }).click();
  await expect(page).toHaveURL(/\/udvikling/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(violations).toEqual([]);
});

test("a form on another site cannot make a logged-in user's browser export", async ({ page, baseURL }) => {
  await page.goto("/login");
  await page.getByLabel("Brugernavn").fill("sundk");
  await page.getByLabel("Adgangskode").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Log ind" }).click();
  await expect(page.getByTestId("account-name")).toBeVisible();
  // A foreign page (another origin: 127.0.0.1 instead of localhost) posts a form to the export route.
  const foreign = baseURL!.replace("localhost", "127.0.0.1");
  await page.route(`${foreign}/angreb`, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<form method="post" action="${baseURL}/api/export/image" enctype="text/plain"><input name='{"a":"' value='"}'></form><script>document.forms[0].submit()</script>`,
    }),
  );
  const [response] = await Promise.all([page.waitForResponse(`${baseURL}/api/export/image`), page.goto(`${foreign}/angreb`)]);
  expect(response.status()).toBe(403);
  expect(await response.text()).toContain("kom fra et andet websted");
});
