"use client";
/** Map one SOR code to a municipality (create or change), and delete a mapping no report carries. */
import { useActionState } from "react";
import { deleteOrganisationAction, saveOrganisationAction } from "@/app/admin/organisationer/actions";
import { FieldError, fieldProps } from "./FieldError";
import { FormMessage } from "./FormMessage";
import { IDLE } from "./form-state";
import type { MunicipalityOption } from "./UserFields";
import styles from "./admin.module.css";

export interface OrganisationValues {
  sorCode: string;
  name: string;
  municipalityCode: string;
}

export function OrganisationForm({ municipalities, initial, existing }: { municipalities: MunicipalityOption[]; initial: OrganisationValues; existing: boolean }) {
  const [state, save, saving] = useActionState(saveOrganisationAction, IDLE);
  const [deleted, remove, deleting] = useActionState(deleteOrganisationAction, IDLE);
  const v = state.status === "error" ? state.values : undefined;
  const shown = { sorCode: v?.sorCode ?? initial.sorCode, name: v?.name ?? initial.name, municipalityCode: v?.municipalityCode ?? initial.municipalityCode };
  const errors = state.fields;
  return (
    <>
      {/* keyed by what it shows: after a refusal it is drawn again with what was entered, after a change with the new mapping */}
      <form key={JSON.stringify(shown)} action={save} className={`form ${styles.form}`} noValidate aria-label="Knyt SOR-kode til kommune">
        <FormMessage state={state} />
        <label htmlFor="sorCode">SOR-kode</label>
        <input id="sorCode" name="sorCode" inputMode="numeric" autoComplete="off" defaultValue={shown.sorCode} required {...fieldProps("sorCode", errors, "sorCode-hint")} />
        <span id="sorCode-hint" className={styles.hint}>
          Mindst 11 cifre, som i indberetningernes managingOrganization. Er SOR-koden allerede knyttet til en kommune, ændres tilknytningen.
        </span>
        <FieldError name="sorCode" errors={errors} />

        <label htmlFor="name">Navn</label>
        <input id="name" name="name" autoComplete="off" maxLength={200} defaultValue={shown.name} required {...fieldProps("name", errors, "name-hint")} />
        <span id="name-hint" className={styles.hint}>
          Organisationens navn i SOR, fx &quot;Sundhedsplejen, Fanø Kommune&quot;.
        </span>
        <FieldError name="name" errors={errors} />

        <label htmlFor="municipalityCode">Kommune</label>
        <select id="municipalityCode" name="municipalityCode" defaultValue={shown.municipalityCode} required {...fieldProps("municipalityCode", errors)}>
          <option value="">Vælg kommune …</option>
          {municipalities.map((m) => (
            <option key={m.code} value={m.code}>
              {m.name} ({m.code})
            </option>
          ))}
        </select>
        <FieldError name="municipalityCode" errors={errors} />

        <button type="submit" className="button" disabled={saving}>
          {saving ? "Gemmer …" : "Gem tilknytning"}
        </button>
      </form>
      {(existing || deleted.status !== "idle") && (
        <form action={remove} className={styles.action} aria-label="Slet tilknytning">
          <FormMessage state={deleted} />
          {existing && (
            <>
              <input type="hidden" name="sorCode" value={initial.sorCode} />
              <p>
                En tilknytning kan kun slettes, så længe ingen indberetninger bærer SOR-koden: ellers ville børnene kun tælle med på landsplan. Er kommunen forkert, så ret
                den i stedet.
              </p>
              <button type="submit" className="button" disabled={deleting}>
                Slet tilknytningen af {initial.sorCode}
              </button>
            </>
          )}
        </form>
      )}
    </>
  );
}
