/** The CSV download under a table of a published report (version-pinned; the printed report shows its address). */
export function CsvLink({ href, base, what }: { href: string; base: string; what: string }) {
  return (
    <a className="button button--small" href={href} download data-url={`${base}${href}`} data-testid="report-csv">
      Hent CSV<span className="sr-only"> med {what}</span>
    </a>
  );
}
