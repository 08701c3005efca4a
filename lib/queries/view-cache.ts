/**
 * Whole view payloads — what a page, its JSON API call and its export show — kept per view, parameters, viewer scope
 * and data generation (lib/db/data-generation.ts), so a dashboard opened again reads no rows and runs no suppression
 * until the data behind it change. Computing is shared: concurrent requests for the same key wait for one computation.
 *
 * What a viewer sees depends only on which areas they may see unsuppressed and on their own municipality (marked in
 * some views); the scope key is taken from lib/auth/access.ts's decisions for every municipality, so it follows the
 * access rules rather than restating them. Cached values are deep-frozen: a caller that changed one would change it
 * for every later viewer, and now gets a TypeError instead.
 */
import { gzipSync } from "node:zlib";
import { decide } from "@/lib/auth/access";
import type { Viewer } from "@/lib/auth/roles";
import { viewDataGeneration } from "@/lib/db/data-generation";
import { areaDirectory } from "./municipalities";

export interface ViewPayload<T> {
  readonly value: T;
  /** the value as JSON, serialised once */
  json(): string;
  /** that JSON gzip-compressed, once (the app process sends it as it is: scripts/server/views.ts) */
  gzip(): Buffer;
}

const MAX_ENTRIES = 500;

interface Entry {
  generation: number;
  payload: Promise<ViewPayload<unknown>>;
}

const cache = ((globalThis as { ldbuViewCache?: Map<string, Entry> }).ldbuViewCache ??= new Map<string, Entry>());

function deepFreeze<T>(x: T): T {
  if (x !== null && typeof x === "object" && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x)) deepFreeze(v);
  }
  return x;
}

function payload<T>(value: T): ViewPayload<T> {
  let json: string | undefined;
  let gzip: Buffer | undefined;
  const p: ViewPayload<T> = { value, json: () => (json ??= JSON.stringify(value)), gzip: () => (gzip ??= gzipSync(p.json())) };
  return p;
}

/** Which areas the viewer may see unsuppressed, whether they may read at all, and their own municipality. */
async function viewerScope(viewer: Viewer): Promise<string> {
  const codes = (await areaDirectory()).municipalities.map((m) => m.code);
  const all = decide(viewer, "read:current");
  const unsuppressed = codes.filter((c) => decide(viewer, "read:current", c).unsuppressed);
  const own = viewer.kind === "user" ? (viewer.municipalityCode ?? "") : "";
  return `${all.allow}:${all.unsuppressed}:${own}:${unsuppressed.length === codes.length ? "*" : unsuppressed.join(",")}`;
}

async function cached<T>(key: string, compute: () => Promise<T>): Promise<ViewPayload<T>> {
  const generation = await viewDataGeneration();
  if (generation === null) return payload(await compute());
  const hit = cache.get(key);
  if (hit && hit.generation === generation) {
    cache.delete(key); // most recently used last
    cache.set(key, hit);
    return hit.payload as Promise<ViewPayload<T>>;
  }
  const entry: Entry = { generation, payload: compute().then((v) => payload(deepFreeze(v))) };
  cache.delete(key);
  cache.set(key, entry);
  while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  entry.payload.catch(() => cache.get(key) === entry && cache.delete(key));
  return entry.payload as Promise<ViewPayload<T>>;
}

/** A view's payload for this viewer (access errors of `compute` are thrown, never cached). */
export async function cachedView<T>(view: string, viewer: Viewer, params: unknown, compute: () => Promise<T>): Promise<ViewPayload<T>> {
  return cached(`${view}\u0000${JSON.stringify(params)}\u0000${await viewerScope(viewer)}`, compute);
}

/** Data that is the same for every viewer (catalog with standards, settings). */
export async function cachedShared<T>(name: string, compute: () => Promise<T>): Promise<T> {
  return (await cached(`shared\u0000${name}`, compute)).value;
}
