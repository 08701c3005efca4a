/**
 * Chart export in the browser: the chart's SVG as a standalone SVG file (with the patterns it uses, a white
 * background, the title and any source credit), or drawn to a PNG at twice the size. The export is first recorded in
 * the audit log (POST /api/export/image); a viewer who may not export gets no file. A chart of current results may be
 * exported by those allowed to export them; a chart of a published annual report by anyone who may read it.
 */

export type ImageFormat = "png" | "svg";

const SVG_NS = "http://www.w3.org/2000/svg";
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';

function escapeXml(s: string): string {
  return s.replace(/[<>&"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[c]!);
}

/** The chart's SVG as a standalone document. */
export function standaloneSvg(source: SVGSVGElement, title: string, credit?: string): { text: string; width: number; height: number } {
  const box = source.viewBox.baseVal;
  const rect = source.getBoundingClientRect();
  const width = Math.round(box && box.width ? box.width : rect.width);
  const height = Math.round(box && box.height ? box.height : rect.height);
  const clone = source.cloneNode(true) as SVGSVGElement;
  // the patterns and other definitions the chart refers to live elsewhere on the page: copy them in
  const ids = new Set<string>();
  for (const el of [clone, ...clone.querySelectorAll("*")])
    for (const attr of ["fill", "stroke", "clip-path", "mask", "filter", "style"]) {
      const v = el.getAttribute(attr);
      if (v) for (const m of v.matchAll(/url\(["']?#([^"')]+)["']?\)/g)) ids.add(m[1]);
    }
  const defs = document.createElementNS(SVG_NS, "defs");
  for (const id of ids) {
    if (clone.querySelector(`[id="${CSS.escape(id)}"]`)) continue;
    const def = document.getElementById(id);
    if (def) defs.appendChild(def.cloneNode(true));
  }
  clone.removeAttribute("style");
  clone.removeAttribute("class");
  clone.setAttribute("x", "0");
  clone.setAttribute("y", "28");
  clone.setAttribute("width", String(width));
  clone.setAttribute("height", String(height));
  const footer = credit ? 20 : 0;
  const total = height + 28 + footer + 6;
  const text =
    `<svg xmlns="${SVG_NS}" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}" font-family='${FONT}'>` +
    new XMLSerializer().serializeToString(defs) +
    `<rect width="100%" height="100%" fill="#ffffff"/>` +
    `<text x="4" y="18" font-size="14" font-weight="600" fill="#1d2731">${escapeXml(title)}</text>` +
    new XMLSerializer().serializeToString(clone) +
    (credit ? `<text x="4" y="${total - 8}" font-size="11" fill="#55616d">${escapeXml(credit)}</text>` : "") +
    `</svg>`;
  return { text, width, height: total };
}

function download(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function toPng(svg: { text: string; width: number; height: number }): Promise<Blob> {
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg.text)}`;
  await img.decode();
  const scale = 2;
  const canvas = document.createElement("canvas");
  canvas.width = svg.width * scale;
  canvas.height = svg.height * scale;
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("Browseren kan ikke tegne PNG");
  ctx.scale(scale, scale);
  ctx.drawImage(img, 0, 0);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("PNG kunne ikke laves"))), "image/png"));
}

/** The view of current results a chart is in. */
export type CurrentView = "forside" | "kommuneprofil" | "sammenlign" | "udvikling";
/** A version of a published annual report. */
export interface ReportVersion {
  year: number;
  version: number;
}

export interface ExportRequest {
  container: HTMLElement;
  format: ImageFormat;
  source: { view: CurrentView } | { report: ReportVersion };
  chart: string;
  title: string;
  credit?: string;
  fileName: string;
}

export async function exportChart(r: ExportRequest): Promise<void> {
  const source = r.container.querySelector<SVGSVGElement>("svg[data-export], svg.recharts-surface");
  if (!source) throw new Error("Diagrammet er ikke tegnet endnu");
  const res = await fetch("/api/export/image", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      ...("report" in r.source ? { visning: "aarsrapport", aar: r.source.report.year, version: r.source.report.version } : { visning: r.source.view }),
      diagram: r.chart, format: r.format, adresse: `${location.pathname}${location.search}`.slice(0, 500),
    }),
  });
  if (!res.ok) throw new Error(res.status === 401 || res.status === 403 ? "Du har ikke adgang til at eksportere." : "Eksporten kunne ikke registreres.");
  const svg = standaloneSvg(source, r.title, r.credit);
  if (r.format === "svg") download(new Blob([svg.text], { type: "image/svg+xml" }), `${r.fileName}.svg`);
  else download(await toPng(svg), `${r.fileName}.png`);
}
