"use client";
/**
 * A form that runs one workflow step as a server action (works without JavaScript; with it, the page stays put).
 * The outcome is announced: a refusal as an alert that takes the focus, a confirmation as a status message.
 */
import { useActionState, useEffect, useRef, type ReactNode } from "react";
import type { ActionState } from "@/lib/aarsrapport/action-state";
import styles from "@/components/aarsrapport/workflow.module.css";

const INITIAL_STATE: ActionState = { ok: null, message: null };

export interface StepButton {
  label: string;
  /** sent as `handling` (e.g. "slet") */
  value?: string;
  secondary?: boolean;
}

export function StepForm({
  action,
  buttons,
  pendingLabel,
  children,
  label,
  testId,
}: {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  buttons: StepButton[];
  pendingLabel: string;
  children?: ReactNode;
  /** accessible name of the form */
  label: string;
  testId?: string;
}) {
  const [state, formAction, pending] = useActionState(action, INITIAL_STATE);
  const message = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state.ok === false) message.current?.focus();
  }, [state]);
  return (
    <form action={formAction} className={styles.form} aria-label={label} data-testid={testId}>
      {children}
      <div className={styles.buttons}>
        {buttons.map((b) => (
          <button key={b.label} type="submit" name="handling" value={b.value ?? "gem"} className={b.secondary ? "button button--small" : "button"} disabled={pending}>
            {b.label}
          </button>
        ))}
        {pending && (
          <span role="status" className="muted">
            {pendingLabel}
          </span>
        )}
      </div>
      {state.message && (
        <p ref={message} tabIndex={-1} role={state.ok ? "status" : "alert"} className={`${styles.message} ${state.ok ? styles.ok : "form__error"}`}>
          {state.message}
        </p>
      )}
    </form>
  );
}
