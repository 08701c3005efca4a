/**
 * Calendar arithmetic for the generator. Days are whole days since 1970-01-01 (UTC); times are
 * minutes since 1970-01-01T00:00Z. Everything is UTC, so no time-zone or DST surprises: a visit at
 * 07:00–14:59 UTC is on the same calendar day in Denmark.
 */

export const MS_PER_DAY = 86_400_000;
export const MIN_PER_DAY = 1440;

export function dayOf(iso: string): number {
  return Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / MS_PER_DAY);
}

export function dayFromYmd(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

const isoCache = new Map<number, string>();

/** ISO date YYYY-MM-DD of a day number. */
export function isoDate(day: number): string {
  let s = isoCache.get(day);
  if (s === undefined) {
    s = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    if (isoCache.size > 200_000) isoCache.clear();
    isoCache.set(day, s);
  }
  return s;
}

export function yearOf(day: number): number {
  return Number(isoDate(day).slice(0, 4));
}

export function daysInYear(year: number): number {
  return dayFromYmd(year + 1, 1, 1) - dayFromYmd(year, 1, 1);
}

/** Day of week, 0 = Monday … 6 = Sunday. */
export function weekday(day: number): number {
  // 1970-01-01 was a Thursday (3).
  return (((day + 3) % 7) + 7) % 7;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** `YYYY-MM-DDTHH:MM:SS.000Z` (the examples' dateTime form) for a time in minutes. */
export function isoDateTimeMs(minutes: number): string {
  const day = Math.floor(minutes / MIN_PER_DAY);
  const m = minutes - day * MIN_PER_DAY;
  return `${isoDate(day)}T${pad2(Math.floor(m / 60))}:${pad2(m % 60)}:00.000Z`;
}

/** `YYYY-MM-DDTHH:MM:SSZ` (the examples' Bundle.timestamp form) for a time in seconds. */
export function isoInstant(seconds: number): string {
  const day = Math.floor(seconds / 86400);
  const s = seconds - day * 86400;
  const h = Math.floor(s / 3600);
  const mi = Math.floor((s % 3600) / 60);
  return `${isoDate(day)}T${pad2(h)}:${pad2(mi)}:${pad2(s % 60)}Z`;
}

/** Midnight of a day as `YYYY-MM-DDT00:00:00.000Z` (used for feeding period boundaries, as in the examples). */
export function isoMidnight(day: number): string {
  return `${isoDate(day)}T00:00:00.000Z`;
}
