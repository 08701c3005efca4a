/** A login refused for a reason the user may read (wrong password, throttled); the message is shown on /login. */
export class LoginRefused extends Error {}

/** "1 minut", "14 minutter": a wait in whole minutes, rounded up, at least one. */
export function minutesText(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  return minutes === 1 ? "1 minut" : `${minutes} minutter`;
}
