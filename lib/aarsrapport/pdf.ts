/**
 * The PDF of a published report version: the version-pinned report page printed to A4 by the machine's Chromium
 * (/usr/bin/chromium or LDBU_CHROMIUM), driven by playwright-core. Chromium opens the page without a session, so the
 * PDF holds the public (suppressed) figures whoever asks for it.
 *
 * A published version never changes, so its PDF is rendered once and kept on disk (LDBU_PDF_CACHE_DIR, default
 * .data/aarsrapport-pdf), named by the report row and its publication time; concurrent requests share one render.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { PublishedReport } from "./published";
import { reportPath } from "./report-view";

export class PdfUnavailable extends Error {}

/** The flags the browser tests use (playwright.config.ts): no sandbox in containers, no network of its own. */
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"];
const RENDER_TIMEOUT_MS = 240_000;

export const chromiumPath = () => process.env.LDBU_CHROMIUM ?? "/usr/bin/chromium";
const cacheDir = () => process.env.LDBU_PDF_CACHE_DIR ?? path.join(process.cwd(), ".data", "aarsrapport-pdf");

type Report = Pick<PublishedReport, "id" | "year" | "version" | "publishedAt">;

export function pdfCacheFile(report: Report): string {
  const key = createHash("sha256").update(`${report.id}|${report.year}|${report.version}|${new Date(report.publishedAt).toISOString()}`).digest("hex").slice(0, 16);
  return path.join(cacheDir(), `${report.year}-v${report.version}-${key}.pdf`);
}

const rendering = new Map<string, Promise<Buffer>>();

/** The PDF of the report, from the cache or rendered from `origin` (where this server answers itself). */
export function reportPdf(report: Report, origin: string): Promise<Buffer> {
  const file = pdfCacheFile(report);
  if (fs.existsSync(file)) return fs.promises.readFile(file);
  let job = rendering.get(file);
  if (!job) {
    job = render(report, origin)
      .then(async (pdf) => {
        await fs.promises.mkdir(path.dirname(file), { recursive: true });
        const tmp = `${file}.${process.pid}.tmp`;
        await fs.promises.writeFile(tmp, pdf);
        await fs.promises.rename(tmp, file);
        return pdf;
      })
      .finally(() => rendering.delete(file));
    rendering.set(file, job);
  }
  return job;
}

async function render(report: Report, origin: string): Promise<Buffer> {
  const executablePath = chromiumPath();
  if (!fs.existsSync(executablePath)) throw new PdfUnavailable(`Chromium findes ikke på serveren (${executablePath}). Installér chromium eller sæt LDBU_CHROMIUM.`);
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ locale: "da-DK" });
    page.setDefaultTimeout(RENDER_TIMEOUT_MS);
    const response = await page.goto(`${origin}${reportPath(report.year, report.version)}`, { waitUntil: "networkidle", timeout: RENDER_TIMEOUT_MS });
    if (!response?.ok()) throw new Error(`rapportsiden svarede ${response?.status()}`);
    // the maps fetch their geometry after hydration; the charts are drawn by then
    await page.waitForFunction(() => document.querySelector("[data-map-loading]") === null);
    await page.emulateMedia({ media: "print" });
    const footer = `<div style="font-size:8px;width:100%;text-align:center;color:#333">LDBU · Årsrapport ${report.year}, version ${report.version} · side <span class="pageNumber"></span> af <span class="totalPages"></span></div>`;
    return await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true, displayHeaderFooter: true, headerTemplate: "<span></span>", footerTemplate: footer, tagged: true, outline: true });
  } finally {
    await browser.close();
  }
}
