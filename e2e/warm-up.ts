/**
 * Playwright global setup: one SundK login and the heaviest first pages before the first test, so that no test
 * pays for `next start` loading its route modules and filling its result caches (seconds on a busy machine,
 * longer than an expect timeout).
 */
import type { FullConfig } from "@playwright/test";
import { DEMO_PASSWORD } from "../lib/demo/users";

export default async function warmUp(config: FullConfig) {
  const base = config.projects[0].use.baseURL!;
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const login = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { cookie: csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; "), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ username: "sundk", password: DEMO_PASSWORD, csrfToken, json: "true" }),
    redirect: "manual",
  });
  const session = login.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="))?.split(";")[0];
  if (!session) throw new Error("Opvarmning: demobrugeren sundk kunne ikke logge ind.");
  for (const path of ["/", "/kommuner/751", "/sammenlign", "/datakomplethed", "/fejlliste"]) await (await fetch(`${base}${path}`, { headers: { cookie: session } })).text();
}
