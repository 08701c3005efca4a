"use client";
import { useActionState } from "react";
import { changeUserAction } from "@/app/admin/brugere/actions";
import type { Role } from "@/lib/auth/roles";
import { FormMessage } from "./FormMessage";
import { IDLE } from "./form-state";
import { UserFields, type MunicipalityOption } from "./UserFields";
import styles from "./admin.module.css";

export function EditUserForm({ user, municipalities }: { user: { id: number; name: string; role: Role; municipalityCode: string | null }; municipalities: MunicipalityOption[] }) {
  const [state, action, pending] = useActionState(changeUserAction, IDLE);
  const v = state.status === "error" ? state.values : undefined;
  const initial = v ? { name: v.name ?? "", role: v.role as Role, municipalityCode: v.municipalityCode || null } : user;
  return (
    <form key={JSON.stringify(initial)} action={action} className={`form ${styles.form}`} noValidate aria-labelledby="edit-heading">
      <h2 id="edit-heading">Navn, rolle og kommune</h2>
      <FormMessage state={state} />
      <input type="hidden" name="id" value={user.id} />
      <UserFields municipalities={municipalities} errors={state.fields} initial={initial} />
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Gemmer …" : "Gem ændringer"}
      </button>
    </form>
  );
}
