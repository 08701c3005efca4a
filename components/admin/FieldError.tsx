/** A field's Danish error message, tied to the field for screen readers. */
export function fieldProps(name: string, errors: Record<string, string>, hintId?: string) {
  const ids = [hintId, errors[name] ? `${name}-error` : undefined].filter(Boolean).join(" ");
  return { "aria-invalid": errors[name] ? true : undefined, "aria-describedby": ids || undefined };
}

export function FieldError({ name, errors }: { name: string; errors: Record<string, string> }) {
  if (!errors[name]) return null;
  return (
    <span id={`${name}-error`} className="form__error">
      {errors[name]}
    </span>
  );
}
