import { describe, expect, it } from "vitest";
import { tuningFlags } from "./embedded";

const GB = 1024 ** 3;
const settings = (bytes: number) => Object.fromEntries(tuningFlags(bytes).filter((_, i) => i % 2 === 1).map((kv) => kv.split("=")));

describe("tuningFlags", () => {
  it("gives a quarter of RAM to shared buffers, at least 128 MB and at most 8 GB, and tells the planner half of it is cache", () => {
    expect(settings(8 * GB)).toEqual({ shared_buffers: "2048MB", effective_cache_size: "4096MB", random_page_cost: "1.1" });
    expect(settings(23.4 * GB)).toMatchObject({ shared_buffers: "5990MB", effective_cache_size: "11980MB" });
    expect(settings(64 * GB)).toMatchObject({ shared_buffers: "8192MB", effective_cache_size: "32768MB" });
    expect(settings(0.25 * GB)).toMatchObject({ shared_buffers: "128MB", effective_cache_size: "4096MB" });
  });
  it("passes each setting as its own -c flag", () => {
    const flags = tuningFlags(8 * GB);
    expect(flags.filter((_, i) => i % 2 === 0)).toEqual(["-c", "-c", "-c"]);
  });
});
