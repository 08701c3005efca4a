/** A labelled select for the view filters (a GET form field, so filters also work without JavaScript). */
import type { ChangeEvent } from "react";

export interface Option {
  value: string;
  label: string;
  group?: string;
}

export function FilterSelect({ name, label, value, options, onChange }: { name: string; label: string; value: string; options: Option[]; onChange?: (value: string) => void }) {
  const groups = [...new Set(options.map((o) => o.group ?? ""))];
  const render = (o: Option) => <option key={o.value} value={o.value}>{o.label}</option>;
  return (
    <div className="filter">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} value={value} onChange={onChange ? (e: ChangeEvent<HTMLSelectElement>) => onChange(e.target.value) : undefined}>
        {groups.length > 1
          ? groups.map((g) => (g ? <optgroup key={g} label={g}>{options.filter((o) => o.group === g).map(render)}</optgroup> : options.filter((o) => !o.group).map(render)))
          : options.map(render)}
      </select>
    </div>
  );
}
