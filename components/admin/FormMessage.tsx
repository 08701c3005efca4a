/** The outcome of an administration form: an error (alert) or a confirmation (status). */
import type { FormState } from "./form-state";

export function FormMessage({ state }: { state: FormState }) {
  if (state.status === "idle" || !state.message) return null;
  return state.status === "error" ? (
    <p className="notice notice--error" role="alert" data-testid="form-error">
      {state.message}
    </p>
  ) : (
    <p className="notice" role="status" data-testid="form-ok">
      {state.message}
    </p>
  );
}
