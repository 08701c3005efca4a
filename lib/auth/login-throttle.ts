/**
 * Login throttling per client address, in PostgreSQL so that it holds across several app processes:
 * at most LDBU_LOGIN_MAX_FAILURES (20) failed logins per address (IPv4, or IPv6 /64) within
 * LDBU_LOGIN_WINDOW_MINUTES (15); further attempts are refused without checking the password.
 * The per-account lockout is in ./users.ts.
 */
import { pool } from "@/lib/db/client";
import { throttleKey } from "@/lib/http/client-address";
import { LoginRefused, minutesText } from "./login-refused";

export interface AddressLimit {
  failures: number;
  windowMinutes: number;
}

export function addressLimit(env: Record<string, string | undefined> = process.env): AddressLimit {
  return { failures: Number(env.LDBU_LOGIN_MAX_FAILURES ?? 20), windowMinutes: Number(env.LDBU_LOGIN_WINDOW_MINUTES ?? 15) };
}

/**
 * Runs one login attempt for a client address. The attempt is recorded before it runs, so that parallel
 * guesses see each other; it is forgotten when the login succeeds and kept as a failure when it throws.
 */
export async function throttledByAddress<T>(address: string, attempt: () => Promise<T>, limit = addressLimit()): Promise<T> {
  const key = throttleKey(address);
  const window = `${limit.windowMinutes} minutes`;
  const { rows } = await pool().query<{ id: string }>(
    `WITH pruned AS (DELETE FROM login_attempt WHERE at < now() - $2::interval)
     INSERT INTO login_attempt (address) VALUES ($1) RETURNING id`,
    [key, window],
  );
  const id = rows[0].id;
  // The attempt that must leave the window before the address may try again: the limit-th most recent other one.
  const { rows: blocking } = await pool().query<{ wait_ms: number }>(
    `SELECT extract(epoch FROM (at + $3::interval - now())) * 1000 AS wait_ms FROM login_attempt
     WHERE address = $1 AND id <> $2 AND at > now() - $3::interval ORDER BY at DESC OFFSET $4 LIMIT 1`,
    [key, id, window, limit.failures - 1],
  );
  if (blocking.length) {
    await pool().query(`DELETE FROM login_attempt WHERE id = $1`, [id]);
    throw new LoginRefused(`For mange mislykkede loginforsøg fra din adresse. Prøv igen om ${minutesText(Number(blocking[0].wait_ms))}.`);
  }
  const result = await attempt();
  await pool().query(`DELETE FROM login_attempt WHERE id = $1`, [id]);
  return result;
}
