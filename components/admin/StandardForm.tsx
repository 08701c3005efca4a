"use client";
import { useActionState } from "react";
import { setStandardAction } from "@/app/admin/standarder/actions";
import { fieldProps, FieldError } from "./FieldError";
import { FormMessage } from "./FormMessage";
import { IDLE } from "./form-state";
import styles from "./admin.module.css";

/** One indicator's standard: the target in per cent and whether it is still provisional. */
export function StandardForm({ indicatorId, title, target, provisional }: { indicatorId: string; title: string; target: string; provisional: boolean }) {
  const [state, action, pending] = useActionState(setStandardAction, IDLE);
  const v = state.status === "error" ? state.values : undefined;
  const shown = { target: v?.target ?? target, provisional: v ? v.provisional === "true" : provisional };
  const id = (name: string) => `${indicatorId}-${name}`;
  const errors = Object.fromEntries(Object.entries(state.fields).map(([k, m]) => [id(k), m]));
  return (
    <form key={JSON.stringify(shown)} action={action} className={`form ${styles.form}`} noValidate aria-label={`Standard for ${indicatorId} ${title}`}>
      <FormMessage state={state} />
      <input type="hidden" name="indicatorId" value={indicatorId} />
      <div className="filter">
        <label htmlFor={id("target")}>Standard (%)</label>
        <input id={id("target")} name="target" inputMode="numeric" defaultValue={shown.target} size={6} {...fieldProps(id("target"), errors)} />
        <FieldError name={id("target")} errors={errors} />
      </div>
      <fieldset>
        <legend>Status</legend>
        <label>
          <input type="radio" name="provisional" value="true" defaultChecked={shown.provisional} /> Foreløbig
        </label>{" "}
        <label>
          <input type="radio" name="provisional" value="false" defaultChecked={!shown.provisional} /> Fastsat af SundK
        </label>
      </fieldset>
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Gemmer …" : `Gem standard for ${indicatorId}`}
      </button>
    </form>
  );
}
