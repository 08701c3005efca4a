"use client";
import { useActionState } from "react";
import { setThresholdAction } from "@/app/admin/indstillinger/actions";
import { fieldProps, FieldError } from "./FieldError";
import { FormMessage } from "./FormMessage";
import { IDLE } from "./form-state";
import styles from "./admin.module.css";

/** The coverage warning threshold in whole per cent. */
export function ThresholdForm({ threshold }: { threshold: string }) {
  const [state, action, pending] = useActionState(setThresholdAction, IDLE);
  const shown = state.status === "error" ? (state.values?.threshold ?? threshold) : threshold;
  return (
    <form key={shown} action={action} className={`form ${styles.form}`} noValidate aria-label="Grænse for advarsel om lav dækningsgrad">
      <FormMessage state={state} />
      <div className="filter">
        <label htmlFor="threshold">Grænse for dækningsgrad (%)</label>
        <input id="threshold" name="threshold" inputMode="numeric" defaultValue={shown} size={6} {...fieldProps("threshold", state.fields)} />
        <FieldError name="threshold" errors={state.fields} />
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Gemmer …" : "Gem grænsen"}
      </button>
    </form>
  );
}
