"use client";
/** Deactivate or reactivate an account, and reset its password (the new one is shown once). */
import { useActionState } from "react";
import { resetPasswordAction, setActiveAction } from "@/app/admin/brugere/actions";
import { FormMessage } from "./FormMessage";
import { IDLE } from "./form-state";
import { OneTimePassword } from "./OneTimePassword";
import styles from "./admin.module.css";

export function AccountActions({ user }: { user: { id: number; username: string; active: boolean } }) {
  const [activeState, setActive, activePending] = useActionState(setActiveAction, IDLE);
  const [resetState, reset, resetPending] = useActionState(resetPasswordAction, IDLE);
  return (
    <section aria-labelledby="access-heading">
      <h2 id="access-heading">Adgang</h2>
      <form action={setActive} className={styles.action}>
        <input type="hidden" name="id" value={user.id} />
        <input type="hidden" name="active" value={user.active ? "false" : "true"} />
        <FormMessage state={activeState} />
        <p>
          {user.active
            ? "Deaktivering afslutter brugerens sessioner med det samme, og brugeren kan ikke logge ind igen, før kontoen genaktiveres."
            : "Kontoen er deaktiveret. Genaktivering giver brugeren adgang igen med den hidtidige adgangskode."}
        </p>
        <button type="submit" className="button" disabled={activePending}>
          {user.active ? "Deaktivér bruger" : "Genaktivér bruger"}
        </button>
      </form>
      {user.active && (
        <form action={reset} className={styles.action}>
          <input type="hidden" name="id" value={user.id} />
          <FormMessage state={resetState.status === "ok" ? { ...resetState, message: "" } : resetState} />
          {resetState.status === "ok" && resetState.password ? (
            <OneTimePassword username={resetState.username ?? user.username} password={resetState.password} />
          ) : (
            <p>Nulstilling laver en ny, stærk adgangskode, afslutter brugerens sessioner og ophæver en midlertidig låsning.</p>
          )}
          <button type="submit" className="button" disabled={resetPending}>
            Nulstil adgangskode
          </button>
        </form>
      )}
    </section>
  );
}
