"use client";
import { signOut } from "next-auth/react";

export function LogoutButton() {
  return (
    <button type="button" className="button button--secondary" onClick={() => signOut({ callbackUrl: "/" })}>
      Log ud
    </button>
  );
}
