/** Danish date and time (Danish time zone) for logs and account facts: da-DK on pages, ISO-like in CSV (Excel reads it). */
const PAGE = new Intl.DateTimeFormat("da-DK", { timeZone: "Europe/Copenhagen", dateStyle: "short", timeStyle: "medium" });
const CSV = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Copenhagen", dateStyle: "short", timeStyle: "medium" });

export function formatDateTime(d: Date): string {
  return PAGE.format(d);
}

/** "2026-03-02 00:30:00", Danish time. */
export function formatCsvDateTime(d: Date): string {
  return CSV.format(d);
}
