/** A small line of a series for tables: SVG path data in a width × height box; gaps (null) break the line. */
export interface Sparkline {
  /** one path per unbroken run of values */
  paths: string[];
  points: { x: number; y: number; value: number }[];
  min: number;
  max: number;
}

const r1 = (x: number) => Math.round(x * 10) / 10;

export function sparkline(values: readonly (number | null)[], width: number, height: number, pad = 3): Sparkline | null {
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return null;
  const min = Math.min(...present);
  const max = Math.max(...present);
  const span = max - min || 1;
  const x = (i: number) => (values.length === 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (values.length - 1));
  const y = (v: number) => (max === min ? height / 2 : height - pad - ((v - min) * (height - 2 * pad)) / span);
  const paths: string[] = [];
  const points: Sparkline["points"] = [];
  let run: string[] = [];
  values.forEach((v, i) => {
    if (v === null) {
      if (run.length > 1) paths.push(run.join(" "));
      run = [];
      return;
    }
    const p = { x: r1(x(i)), y: r1(y(v)), value: v };
    points.push(p);
    run.push(`${run.length ? "L" : "M"}${p.x} ${p.y}`);
  });
  if (run.length > 1) paths.push(run.join(" "));
  return { paths, points, min, max };
}
