/** The published versions and municipality codes the page cache policy (./cache-policy.ts) needs, read at most every 30 s. */
import { regionOfMunicipalities } from "@/lib/queries/municipalities";
import type { CacheFacts } from "./cache-policy";
import { publishedVersions } from "./published";

const TTL_MS = 30_000;
let cached: { at: number; facts: Promise<Omit<CacheFacts, "anonymous">> } | null = null;

/** A stale list only ever lacks a newly published version, which then is simply not cached yet. */
export function cacheFacts(): Promise<Omit<CacheFacts, "anonymous">> {
  if (!cached || Date.now() - cached.at > TTL_MS) {
    const facts = Promise.all([publishedVersions(), regionOfMunicipalities()]).then(([versions, regions]) => ({
      published: new Set(versions.map((v) => `${v.year}/${v.version}`)),
      municipalities: new Set(regions.keys()),
    }));
    cached = { at: Date.now(), facts };
    facts.catch(() => (cached = null));
  }
  return cached.facts;
}
