"use client";
/** A chart with its title, description, export buttons (PNG/SVG) and a pointer to its table alternative. */
import { useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import { exportChart, type CurrentView, type ImageFormat, type ReportVersion } from "./exportImage";

/** Where the chart is shown: a view of current results, or a published annual report (its export is for anyone). */
type Source = { view: CurrentView; report?: never } | { report: ReportVersion; view?: never };

export type ChartFrameProps = Source & {
  id: string;
  title: string;
  description?: ReactNode;
  fileName: string;
  credit?: string;
  /** id of the table with the same numbers */
  tableId?: string;
  children: ReactNode;
};

const noSubscription = () => () => {};

export function ChartFrame({ id, title, description, view, report, fileName, credit, tableId, children }: ChartFrameProps) {
  const body = useRef<HTMLDivElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The buttons work only once React has hydrated them: until then they are disabled, so no click is lost.
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);

  async function onExport(format: ImageFormat) {
    if (!body.current) return;
    setBusy(true);
    setProblem(null);
    try {
      await exportChart({ container: body.current, format, source: report ? { report } : { view: view! }, chart: id, title, credit, fileName });
    } catch (e) {
      setProblem((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <figure className="chart" aria-labelledby={`${id}-titel`} data-testid={`chart-${id}`}>
      <figcaption>
        <h3 id={`${id}-titel`} className="chart__title">{title}</h3>
        {description && <div className="chart__description">{description}</div>}
      </figcaption>
      <div ref={body} className="chart__body">{children}</div>
      <div className="chart__tools">
        <button type="button" className="button button--small" onClick={() => onExport("png")} disabled={busy || !hydrated}>
          Hent PNG<span className="sr-only"> af {title}</span>
        </button>
        <button type="button" className="button button--small" onClick={() => onExport("svg")} disabled={busy || !hydrated}>
          Hent SVG<span className="sr-only"> af {title}</span>
        </button>
        {tableId && <a href={`#${tableId}`}>Se tallene i tabellen</a>}
        {credit && <span className="chart__credit">{credit}</span>}
        {problem && <span role="alert" className="form__error">{problem}</span>}
      </div>
    </figure>
  );
}
