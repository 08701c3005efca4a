/**
 * Runs independent database work in a few concurrent lanes (each on its own pooled connection): the refresh's
 * periods are separate transactions, and PostgreSQL runs one query per backend on one core, so lanes put the
 * other cores to work. LDBU_REFRESH_LANES (default: the number of CPU cores, at most 4) sets how many.
 */
import os from "node:os";

export function refreshLanes(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.LDBU_REFRESH_LANES ?? Math.min(4, os.availableParallelism()));
  return Number.isInteger(n) && n >= 1 && n <= 16 ? n : 1;
}

/** More lanes once another job that held cores has finished (`when` settles, fulfilled or not): `to` in all. */
export interface Widening {
  when: Promise<unknown>;
  to: number;
}

/**
 * Calls `fn` for every item, at most `lanes` at a time (`widen.to` once `widen.when` has settled), in order of the list;
 * rejects with the first error once the running calls have settled.
 */
export async function inLanes<T>(items: readonly T[], lanes: number, fn: (item: T) => Promise<void>, widen?: Widening): Promise<void> {
  let next = 0;
  let failed: { error: unknown } | null = null;
  const lane = async () => {
    while (!failed && next < items.length) {
      const item = items[next++];
      try {
        await fn(item);
      } catch (error) {
        failed ??= { error };
      }
    }
  };
  const first = Math.max(1, Math.min(lanes, items.length));
  const extra: Promise<void>[] = [];
  let finished = false;
  if (widen)
    void widen.when.then(
      () => undefined,
      () => undefined,
    ).then(() => {
      // once the first lanes have taken every item there is nothing left for more
      if (!finished) for (let i = first; i < widen.to; i++) extra.push(lane());
    });
  await Promise.all(Array.from({ length: first }, lane));
  finished = true;
  await Promise.all(extra);
  if (failed) throw (failed as { error: unknown }).error;
}
