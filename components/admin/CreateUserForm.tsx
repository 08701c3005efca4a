"use client";
import Link from "next/link";
import { useActionState } from "react";
import type { Role } from "@/lib/auth/roles";
import { createUserAction } from "@/app/admin/brugere/actions";
import { FieldError, fieldProps } from "./FieldError";
import { FormMessage } from "./FormMessage";
import { IDLE } from "./form-state";
import { OneTimePassword } from "./OneTimePassword";
import { UserFields, type MunicipalityOption } from "./UserFields";
import styles from "./admin.module.css";

export function CreateUserForm({ municipalities }: { municipalities: MunicipalityOption[] }) {
  const [state, action, pending] = useActionState(createUserAction, IDLE);
  if (state.status === "ok" && state.password) {
    return (
      <>
        <FormMessage state={state} />
        <OneTimePassword username={state.username ?? ""} password={state.password} />
        <p>
          <Link href={`/admin/brugere/${state.userId}`}>Gå til brugeren</Link> · <Link href="/admin/brugere">Tilbage til brugerlisten</Link>
        </p>
      </>
    );
  }
  const v = state.values ?? {};
  return (
    // keyed by the answer: after a refusal the form is drawn again with what was entered
    <form key={JSON.stringify(v)} action={action} className={`form ${styles.form}`} noValidate aria-label="Opret bruger">
      <FormMessage state={state} />
      <label htmlFor="user-username">Brugernavn</label>
      <input id="user-username" name="username" defaultValue={v.username} autoComplete="off" required {...fieldProps("username", state.fields, "user-username-hint")} />
      <span id="user-username-hint" className={styles.hint}>3-64 tegn: a-z, 0-9, punktum, bindestreg, understregning.</span>
      <FieldError name="username" errors={state.fields} />
      <UserFields municipalities={municipalities} errors={state.fields} initial={state.values && { name: v.name ?? "", role: v.role as Role, municipalityCode: v.municipalityCode || null }} />
      <p className={styles.hint}>LDBU laver en stærk adgangskode, som vises én gang, når brugeren er oprettet.</p>
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Opretter …" : "Opret bruger"}
      </button>
    </form>
  );
}
