import { describe, expect, it } from "vitest";
import { inLanes, refreshLanes } from "./lanes";

const tick = () => new Promise((r) => setTimeout(r, 1));

describe("inLanes", () => {
  it("runs every item, never more than `lanes` at once", async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    await inLanes([1, 2, 3, 4, 5, 6, 7], 3, async (i) => {
      most = Math.max(most, ++running);
      await tick();
      done.push(i);
      running--;
    });
    expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBe(3);
  });

  it("starts no new item after a failure, lets the running ones finish, then rejects with the first error", async () => {
    const started: number[] = [];
    const finished: number[] = [];
    await expect(
      inLanes([1, 2, 3, 4, 5], 2, async (i) => {
        started.push(i);
        await tick();
        if (i === 1) throw new Error("første");
        if (i === 2) throw new Error("anden");
        finished.push(i);
      }),
    ).rejects.toThrow("første");
    expect(started).toEqual([1, 2]);
    expect(finished).toEqual([]);
  });

  it("handles an empty list and reads the lane count from the environment", async () => {
    await inLanes([], 4, async () => {
      throw new Error("never");
    });
    expect(refreshLanes({ LDBU_REFRESH_LANES: "3" })).toBe(3);
    expect(refreshLanes({ LDBU_REFRESH_LANES: "nul" })).toBe(1);
    expect(refreshLanes({})).toBeGreaterThanOrEqual(1);
  });
});
