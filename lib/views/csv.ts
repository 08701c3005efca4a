/**
 * CSV for Danish Excel: semicolon separated, decimal comma (the values come formatted, see ./cell-text.ts), UTF-8 with
 * a byte-order mark so Excel reads æ, ø and å, CRLF line ends, fields quoted when they need it.
 */
import { stringify } from "csv-stringify/sync";

export const CSV_BOM = "\uFEFF";
export const CSV_CONTENT_TYPE = "text/csv; charset=utf-8";

export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return CSV_BOM + stringify([header as string[], ...(rows as string[][])], { delimiter: ";", record_delimiter: "\r\n" });
}

/** A safe file name: letters, digits, "-" and "_" only; "/" in school years becomes "-". */
export function csvFileName(...parts: string[]): string {
  return `${parts.map((p) => p.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "")).filter(Boolean).join("_")}.csv`;
}
