/** A column shown in a table and written to its CSV file: the same row, the same numbers. */
export interface TableColumn<R> {
  id: string;
  header: string;
  /** right-aligned numbers */
  numeric?: boolean;
  text: (row: R) => string;
}

export interface CsvColumn<R> {
  header: string;
  value: (row: R) => string;
}

export function csvTable<R>(columns: readonly CsvColumn<R>[], rows: readonly R[]): { header: string[]; rows: string[][] } {
  return { header: columns.map((c) => c.header), rows: rows.map((r) => columns.map((c) => c.value(r))) };
}
