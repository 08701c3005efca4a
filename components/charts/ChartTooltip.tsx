/** Tooltip box shared by the charts: a heading and label/value lines. */
export function ChartTooltipBox({ heading, lines }: { heading: string; lines: [string, string][] }) {
  return (
    <div className="chart-tooltip">
      <strong>{heading}</strong>
      <dl>
        {lines.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
