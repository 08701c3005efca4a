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

  it("opens more lanes once the widening job has settled, and no more than asked", async () => {
    let release!: () => void;
    const other = new Promise<void>((r) => (release = r));
    let running = 0;
    const most: number[] = [];
    const done: number[] = [];
    await inLanes(
      [1, 2, 3, 4, 5, 6, 7, 8],
      1,
      async (i) => {
        most.push(++running);
        if (i === 3) release(); // the other job finishes while the third item runs
        await tick();
        await tick();
        done.push(i);
        running--;
      },
      { when: other, to: 3 },
    );
    expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(most.slice(0, 3)).toEqual([1, 1, 1]); // one lane until then
    expect(Math.max(...most)).toBe(3);
  });

  it("widens after a failed widening job too, and never waits for one that does not settle", async () => {
    const done: number[] = [];
    await inLanes([1, 2], 1, async (i) => void done.push(i), { when: new Promise(() => {}), to: 4 });
    expect(done).toEqual([1, 2]);
    let most = 0;
    let running = 0;
    await inLanes([1, 2, 3, 4], 1, async () => {
      most = Math.max(most, ++running);
      await tick();
      running--;
    }, { when: Promise.reject(new Error("anden opgave")), to: 2 });
    expect(most).toBe(2);
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
