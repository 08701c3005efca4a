"use client";
import { signIn } from "next-auth/react";
import { useState } from "react";

/** Starts the login at the organisation's identity provider (OpenID Connect). */
export function SsoLoginButton({ providerId, label, callbackUrl }: { providerId: string; label: string; callbackUrl: string }) {
  const [busy, setBusy] = useState(false);
  function start() {
    setBusy(true);
    signIn(providerId, { callbackUrl }).catch(() => setBusy(false));
  }
  return (
    <button type="button" className="button" onClick={start} disabled={busy}>
      {busy ? "Sender dig videre …" : label}
    </button>
  );
}
