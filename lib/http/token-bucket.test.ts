import { describe, expect, it } from "vitest";
import { TokenBucket } from "./token-bucket";

describe("TokenBucket", () => {
  it("allows a burst, then the rate, and says how long to wait", () => {
    const b = new TokenBucket(2, 3, 0); // 2 a second, bursts of 3
    expect([b.take(0), b.take(0), b.take(0)]).toEqual([0, 0, 0]);
    expect(b.take(0)).toBe(1);
    expect(b.take(500)).toBe(0); // one token back after 0.5 s
    expect(b.take(500)).toBe(1);
    expect(b.take(10_000)).toBe(0); // refilled, but never above the burst
    expect([b.take(10_000), b.take(10_000), b.take(10_000)]).toEqual([0, 0, 1]);
  });
  it("tells whether a request could pass without taking a token, and when it has refilled", () => {
    const b = new TokenBucket(1, 2, 0);
    expect([b.wait(0), b.wait(0), b.wait(0)]).toEqual([0, 0, 0]);
    expect([b.take(0), b.take(0)]).toEqual([0, 0]);
    expect(b.wait(0)).toBe(1);
    expect(b.full(1_000)).toBe(false);
    expect(b.full(2_000)).toBe(true);
  });
  it("asks for whole seconds even at slow rates", () => {
    const b = new TokenBucket(0.1, 1, 0); // one per 10 s
    expect(b.take(0)).toBe(0);
    expect(b.take(0)).toBe(10);
    expect(b.take(5_000)).toBe(5);
  });
});
