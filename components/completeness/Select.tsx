/**
 * A labelled select for the GET filter forms of Datakomplethed and Fejlliste: uncontrolled (defaultValue), so the
 * user's choice is what the form submits, with or without JavaScript. Styled like the other views' filters.
 */
export interface SelectOption {
  value: string;
  label: string;
}

export function Select({ name, label, value, options }: { name: string; label: string; value: string; options: SelectOption[] }) {
  return (
    <div className="filter">
      <label htmlFor={`dk-${name}`}>{label}</label>
      {/* keyed by the value: a client-side navigation to another state shows that state, not the old choice */}
      <select key={value} id={`dk-${name}`} name={name} defaultValue={value}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
