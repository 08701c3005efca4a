/**
 * The public annual report (/aarsrapport/…) on the built app and a small synthetic Denmark loaded through the real
 * ingest, with reports frozen by the fixture: the index of versions, the current and version-pinned pages, the
 * superseded banner, the CSV of every table (Danish format, version-pinned, audited, cacheable), no count 1–4 anywhere
 * in anonymous output, frozen figures after the live results change, and a clear error when Chromium is missing.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PdfUnavailable, reportPdf } from "@/lib/aarsrapport/pdf";
import { publishedReport } from "@/lib/aarsrapport/published";
import { reportCompleteness, reportData } from "@/lib/aarsrapport/report-data";
import { ANONYMOUS, type Viewer } from "@/lib/auth/roles";
import { pool } from "@/lib/db/client";
import { ensureDemoData } from "@/lib/demo/data";
import { ensureDemoUsers } from "@/lib/demo/users";
import { INDICATORS } from "@/lib/indicators/catalog";
import { startApp, type AppServer } from "../../scripts/app-server";
import { storeReport } from "./helpers/annual-report";
import { useAppDatabase } from "./helpers/app-db";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ldbu-aarsrapport-public-"));
let db: Awaited<ReturnType<typeof useAppDatabase>>;
let app: AppServer;
const sundk: Viewer = { kind: "user", id: 1, username: "sundk", name: "S", role: "sundk", municipalityCode: null };

beforeAll(async () => {
  db = await useAppDatabase();
  await ensureDemoUsers();
  await ensureDemoData(pool(), { seed: 5, scale: 0.01, from: 2024, to: 2024 }, dir);
  const comments = [
    { indicatorId: "LDBU-05", municipalityCode: null, text: "Amningen er stabil." },
    { indicatorId: "LDBU-05", municipalityCode: "825", text: "Læsø har få fødsler." },
  ];
  const summary = "Året i korte træk.";
  await storeReport(2024, { status: "superseded", summary, comments });
  await storeReport(2024, { version: 2, changeNote: "Rettet fejl i LDBU-05 for to kommuner.", summary, comments });
  await storeReport(2023, { status: "draft" });
  app = await startApp(db.url);
}, 1_800_000);
afterAll(async () => {
  await app?.stop();
  await db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const get = (p: string) => fetch(`${app.url}${p}`, { redirect: "manual" });
/** The page's HTML without React's text separators ("Læsø<!-- --> Kommune"). */
const pageText = async (res: Response) => (await res.text()).replaceAll("<!-- -->", "");
const isSmall = (s: string) => /^[1-4]$/.test(s.trim());
/** The body with its byte-order mark kept (Response.text() drops it). */
const csvText = async (res: Response) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer());
const csvRecords = (text: string): Record<string, string>[] => parse(text.slice(1), { delimiter: ";", columns: true });
const COUNT_HEADER = /^(Tæller|Nævner|Uoplyst)$|: (tæller|nævner)$/;

describe("public annual-report pages", () => {
  it("lists the published years and versions, never drafts", async () => {
    const res = await get("/aarsrapport");
    expect(res.status).toBe(200);
    const html = await pageText(res);
    expect(html).toContain('href="/aarsrapport/2024/v/1"');
    expect(html).toContain('href="/aarsrapport/2024/v/2"');
    expect(html).toContain("Rettet fejl i LDBU-05 for to kommuner.");
    expect(html).not.toContain("Årsrapport 2023");
  });

  it("shows the current version at the year's address, and every earlier version at its own", async () => {
    const current = await get("/aarsrapport/2024");
    expect(current.status).toBe(200);
    const html = await pageText(current);
    expect(html).toContain("Årsrapport 2024");
    expect(html).toMatch(/data-testid="report-version"[^>]*>2(<!-- -->)? \(gældende\)/);
    expect(html).toContain("Året i korte træk.");
    expect(html).toContain("Amningen er stabil.");
    expect(html).toContain("Læsø har få fødsler.");
    for (const d of INDICATORS) expect(html, d.id).toContain(`id="${d.id}-tabel"`);
    expect(html).not.toContain('data-testid="superseded-banner"');

    const old = await pageText(await get("/aarsrapport/2024/v/1"));
    expect(old).toContain('data-testid="superseded-banner"');
    expect(old).toContain('href="/aarsrapport/2024"');
    expect(old).toContain("Rettet fejl i LDBU-05 for to kommuner.");
    expect(old).toMatch(/data-testid="report-version"[^>]*>1(<!-- -->)? \(erstattet\)/);

    const kommune = await get("/aarsrapport/2024/v/1/kommuner/825");
    expect(kommune.status).toBe(200);
    const k = await pageText(kommune);
    expect(k).toContain("Læsø Kommune");
    expect(k).toContain("Læsø har få fødsler.");
    expect(k).toContain('data-testid="superseded-banner"');
  });

  it("lets anonymous readers' caches keep a published version for a year, and revalidate the current one", async () => {
    const cc = async (p: string, headers: Record<string, string> = {}) => (await fetch(`${app.url}${p}`, { headers })).headers.get("cache-control");
    expect(await cc("/aarsrapport/2024/v/1")).toBe("public, max-age=31536000, immutable");
    expect(await cc("/aarsrapport/2024/v/2/kommuner/825")).toBe("public, max-age=31536000, immutable");
    expect(await cc("/aarsrapport/2024")).toBe("public, no-cache");
    expect(await cc("/aarsrapport")).toBe("public, no-cache");
    expect(await cc("/aarsrapport/2024/v/3")).toContain("no-store");
    expect(await cc("/aarsrapport/2024/v/1", { cookie: "next-auth.session-token=x" })).toContain("private");
  });

  it("answers 404 for drafts, unknown versions and malformed addresses", async () => {
    for (const p of ["/aarsrapport/2023", "/aarsrapport/2024/v/3", "/aarsrapport/2024/v/01", "/aarsrapport/20x4", "/aarsrapport/2024/kommuner/999", "/aarsrapport/2024/kommuner/abc"])
      expect((await get(p)).status, p).toBe(404);
  });

  it("shows no count of 1–4 in any table of the anonymous pages", async () => {
    for (const p of ["/aarsrapport/2024", "/aarsrapport/2024/v/1", "/aarsrapport/2024/kommuner/825", "/aarsrapport/2024/kommuner/101"]) {
      const html = await pageText(await get(p));
      const counts = [...html.matchAll(/<td class="num" data-col="(?:taeller|naevner|uoplyst)">([^<]*)</g)].map((m) => m[1].replace(/ \(.*$/, ""));
      expect(counts.length, p).toBeGreaterThan(0);
      expect(counts.filter(isSmall), p).toEqual([]);
      expect(html, p).toContain("&lt;5");
    }
  });
});

describe("CSV of every table", () => {
  const tables = ["landsresultater", "datakomplethed", ...INDICATORS.map((d) => d.id), "kommune-825", "kommune-751"];

  it("is Danish CSV, version-pinned, cacheable for the public, audited, and never holds a count of 1–4", async () => {
    const audits = (await pool().query(`SELECT count(*)::int AS n FROM audit_entry WHERE resource = 'csv/aarsrapport'`)).rows[0].n;
    for (const t of tables) {
      const res = await get(`/aarsrapport/2024/v/1/csv/${t}`);
      expect(res.status, t).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(res.headers.get("content-disposition")).toBe(`attachment; filename="ldbu_aarsrapport_2024_v1_${t}.csv"`);
      expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      const text = await csvText(res);
      expect(text.startsWith("\uFEFF"), t).toBe(true);
      const records = csvRecords(text);
      expect(records.length, t).toBeGreaterThan(0);
      const countColumns = Object.keys(records[0]).filter((h) => COUNT_HEADER.test(h));
      expect(countColumns.length, t).toBeGreaterThan(0);
      for (const r of records) for (const h of countColumns) expect(isSmall(r[h]), `${t} ${h} ${JSON.stringify(r)}`).toBe(false);
      if (["LDBU-05", "datakomplethed", "kommune-825"].includes(t)) expect(text, t).toContain("<5");
      if (["LDBU-05", "landsresultater", "datakomplethed"].includes(t)) expect(text, t).toMatch(/;\d+,\d(;|\r\n)/); // decimal comma
    }
    expect((await pool().query(`SELECT count(*)::int AS n FROM audit_entry WHERE resource = 'csv/aarsrapport'`)).rows[0].n).toBe(audits + tables.length);
  });

  it("has the indicator's rows for the nation, the regions and all 98 municipalities", async () => {
    const records = csvRecords(await csvText(await get("/aarsrapport/2024/v/2/csv/LDBU-05")));
    expect(records).toHaveLength(1 + 5 + 98);
    expect(records[0]).toMatchObject({ Indikator: "LDBU-05", Periode: "2024", Niveau: "Land", Område: "Hele landet" });
  });

  it("refuses unknown tables and malformed addresses in Danish", async () => {
    const unknown = await get("/aarsrapport/2024/v/1/csv/LDBU-99");
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error).toContain("ingen tabel");
    expect((await get("/aarsrapport/2024/v/9/csv/LDBU-01")).status).toBe(404);
    expect((await get("/aarsrapport/2023/v/1/csv/LDBU-01")).status).toBe(404);
    const bad = await get("/aarsrapport/2024/v/x/csv/LDBU-01");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/^Ugyldig adresse/);
  });
});

describe("frozen figures", () => {
  it("stay when the live results change after publishing", async () => {
    const before = csvRecords(await csvText(await get("/aarsrapport/2024/v/2/csv/LDBU-02")))[0];
    await pool().query(`UPDATE indicator_result SET numerator = numerator + 11, value = NULL WHERE indicator_id = 'LDBU-02' AND period = '2024'`);
    const after = csvRecords(await csvText(await get("/aarsrapport/2024/v/2/csv/LDBU-02")))[0];
    expect(after).toEqual(before);
  });

  it("are all shown to SundK, and the completeness chapter hides small areas from the public only", async () => {
    const isSmallN = (n: number | null) => n !== null && n > 0 && n < 5;
    const pub = (await reportData(ANONYMOUS, 2024, null))!;
    const all = (await reportData(sundk, 2024, null))!;
    expect(pub.cells.filter((c) => isSmallN(c.numerator) || isSmallN(c.denominator))).toEqual([]);
    expect(all.cells.filter((c) => c.state === "suppressed")).toEqual([]);
    const publicChapter = await reportCompleteness(ANONYMOUS, pub.report, pub.directory);
    const sundkChapter = await reportCompleteness(sundk, all.report, all.directory);
    const figures = (c: typeof publicChapter) => c.municipalities.flatMap((m) => Object.values(m.summary).filter((f) => f !== null && typeof f === "object"));
    expect(figures(publicChapter).filter((f) => isSmallN(f.numerator) || isSmallN(f.denominator))).toEqual([]);
    expect(figures(publicChapter).some((f) => f.state === "suppressed")).toBe(true);
    expect(figures(sundkChapter).some((f) => f.state === "suppressed")).toBe(false);
  });
});

describe("PDF", () => {
  it("answers with a clear Danish reason when Chromium is missing", async () => {
    const before = process.env.LDBU_CHROMIUM;
    process.env.LDBU_CHROMIUM = "/nonexistent/chromium";
    process.env.LDBU_PDF_CACHE_DIR = path.join(dir, "pdf");
    try {
      const report = (await publishedReport(2024))!;
      await expect(reportPdf(report, app.url)).rejects.toThrow(PdfUnavailable);
      await expect(reportPdf(report, app.url)).rejects.toThrow(/Chromium findes ikke på serveren/);
    } finally {
      if (before === undefined) delete process.env.LDBU_CHROMIUM;
      else process.env.LDBU_CHROMIUM = before;
    }
  });
});
