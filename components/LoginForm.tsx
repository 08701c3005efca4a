"use client";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const form = new FormData(e.currentTarget);
    const res = await signIn("credentials", {
      redirect: false,
      username: String(form.get("username") ?? ""),
      password: String(form.get("password") ?? ""),
    });
    if (res?.ok && !res.error) {
      window.location.assign(callbackUrl);
      return;
    }
    setBusy(false);
    setError(res?.error && res.error !== "CredentialsSignin" ? res.error : "Forkert brugernavn eller adgangskode.");
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <label htmlFor="username">Brugernavn</label>
      <input id="username" name="username" autoComplete="username" required />
      <label htmlFor="password">Adgangskode</label>
      <input id="password" name="password" type="password" autoComplete="current-password" required />
      {error && (
        <p className="form__error" role="alert" data-testid="login-error">
          {error}
        </p>
      )}
      <button type="submit" className="button" disabled={busy}>
        {busy ? "Logger ind …" : "Log ind"}
      </button>
    </form>
  );
}
