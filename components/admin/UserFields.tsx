"use client";
/** Name, role and municipality of an account (create and edit forms). The municipality is off for SundK users. */
import { useState } from "react";
import { ROLE_LABEL, ROLES, type Role } from "@/lib/auth/roles";
import { FieldError, fieldProps } from "./FieldError";
import styles from "./admin.module.css";

export interface MunicipalityOption {
  code: string;
  name: string;
}

export function UserFields({ municipalities, errors, initial }: { municipalities: MunicipalityOption[]; errors: Record<string, string>; initial?: { name: string; role: Role; municipalityCode: string | null } }) {
  const [role, setRole] = useState<Role | "">(initial?.role ?? "");
  return (
    <>
      <label htmlFor="user-name">Fulde navn</label>
      <input id="user-name" name="name" defaultValue={initial?.name} autoComplete="off" required {...fieldProps("name", errors)} />
      <FieldError name="name" errors={errors} />

      <label htmlFor="user-role">Rolle</label>
      <select id="user-role" name="role" value={role} onChange={(e) => setRole(e.target.value as Role)} required {...fieldProps("role", errors)}>
        <option value="">Vælg rolle …</option>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABEL[r]}
          </option>
        ))}
      </select>
      <FieldError name="role" errors={errors} />

      <label htmlFor="user-municipality">Kommune</label>
      <select
        id="user-municipality"
        name="municipalityCode"
        defaultValue={initial?.municipalityCode ?? ""}
        disabled={role === "sundk"}
        {...fieldProps("municipalityCode", errors, "user-municipality-hint")}
      >
        <option value="">{role === "sundk" ? "Ingen (SundK ser alle kommuner)" : "Vælg kommune …"}</option>
        {municipalities.map((m) => (
          <option key={m.code} value={m.code}>
            {m.name} ({m.code})
          </option>
        ))}
      </select>
      <span id="user-municipality-hint" className={styles.hint}>Kræves for alle roller undtagen SundK.</span>
      <FieldError name="municipalityCode" errors={errors} />
    </>
  );
}
