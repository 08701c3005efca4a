/** What a server action of the administration answers a form with. */
export interface FormState {
  status: "idle" | "ok" | "error";
  message: string;
  /** Field name → Danish message. */
  fields: Record<string, string>;
  /** A generated one-time password, shown once. */
  password?: string;
  /** The account a created or reset password belongs to. */
  username?: string;
  userId?: number;
  /** What was submitted, to fill the form in again after a refusal (React resets a form after its action). */
  values?: Record<string, string>;
}

export const IDLE: FormState = { status: "idle", message: "", fields: {} };
