/**
 * An accessible table of result rows with the same columns as its CSV file (lib/views/columns.ts). Optionally sortable:
 * the headers are links to the sorted view (so sorting works without JavaScript) that a client view may intercept.
 */
import type { MouseEvent, ReactNode } from "react";
import type { TableColumn } from "@/lib/views/columns";

export interface TableSort {
  key: string;
  direction: "stigende" | "faldende";
  /** columns that can be sorted → link to the view sorted by it */
  hrefFor: (columnId: string) => string | null;
  onSort?: (columnId: string, e: MouseEvent<HTMLAnchorElement>) => void;
}

interface Props<R> {
  id: string;
  caption: ReactNode;
  columns: readonly TableColumn<R>[];
  rows: readonly R[];
  rowKey: (row: R) => string;
  /** rows shown first and never sorted (e.g. the nation and the region) */
  pinned?: readonly R[];
  rowProps?: (row: R) => { className?: string; "data-testid"?: string; "data-kode"?: string };
  /** rich content for a cell; the column's text otherwise */
  render?: (row: R, column: TableColumn<R>, text: string) => ReactNode;
  /** column whose cells are row headers */
  rowHeader?: string;
  sort?: TableSort;
}

export function ResultTable<R>({ id, caption, columns, rows, rowKey, pinned = [], rowProps, render, rowHeader, sort }: Props<R>) {
  const header = rowHeader ?? columns[0]?.id;
  const line = (r: R) => (
    <tr key={rowKey(r)} {...rowProps?.(r)}>
      {columns.map((c) => {
        const text = c.text(r);
        const content = render ? render(r, c, text) : text;
        const className = c.numeric ? "num" : undefined;
        return c.id === header ? (
          <th key={c.id} scope="row" className={className} data-col={c.id}>{content}</th>
        ) : (
          <td key={c.id} className={className} data-col={c.id}>{content}</td>
        );
      })}
    </tr>
  );
  return (
    <div className="table-wrap" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table id={id} className="results">
        <caption id={`${id}-caption`}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => {
              const href = sort?.hrefFor(c.id) ?? null;
              const active = sort?.key === c.id;
              const ariaSort = active ? (sort!.direction === "stigende" ? "ascending" : "descending") : undefined;
              return (
                <th key={c.id} scope="col" aria-sort={ariaSort} className={c.numeric ? "num" : undefined}>
                  {href ? (
                    <a href={href} onClick={sort?.onSort ? (e) => sort.onSort!(c.id, e) : undefined} className="sort-link">
                      {c.header}
                      <span aria-hidden="true" className="sort-mark">{active ? (sort!.direction === "stigende" ? " ▲" : " ▼") : " ⇅"}</span>
                      {!active && <span className="sr-only"> (sortér)</span>}
                    </a>
                  ) : (
                    c.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        {pinned.length > 0 && <tbody className="results__pinned">{pinned.map(line)}</tbody>}
        <tbody>{rows.map(line)}</tbody>
      </table>
    </div>
  );
}
