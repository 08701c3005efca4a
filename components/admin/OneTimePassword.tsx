/** A generated password, shown once: the administrator passes it on; LDBU keeps only its hash. */
import styles from "./admin.module.css";

export function OneTimePassword({ username, password }: { username: string; password: string }) {
  return (
    <div className={`notice ${styles.password}`} role="status">
      <p>
        Adgangskode til <strong>{username}</strong>. Den vises kun denne ene gang – giv den til brugeren ad en sikker vej (ikke i samme e-mail som brugernavnet).
      </p>
      <p>
        <code data-testid="one-time-password">{password}</code>
      </p>
    </div>
  );
}
