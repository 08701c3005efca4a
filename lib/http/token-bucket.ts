/**
 * A token bucket: `rate` tokens a second up to `burst`; each request takes one. In memory, so it costs no
 * database round-trip – the price is that it counts per process (see lib/ingest/rate-limit.ts).
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly rate: number,
    private readonly burst: number,
    now: number,
  ) {
    this.tokens = burst;
    this.last = now;
  }

  /** Takes a token at time `now` (ms): 0 when allowed, else the whole seconds to wait for the next token. */
  take(now: number): number {
    const wait = this.wait(now);
    if (wait === 0) this.tokens -= 1;
    return wait;
  }

  /** Like `take`, but leaves the token: whether a request could be let through now. */
  wait(now: number): number {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
    return this.tokens >= 1 ? 0 : Math.max(1, Math.ceil((1 - this.tokens) / this.rate));
  }

  /** Whether the bucket has refilled completely (it then behaves as a new one and need not be kept). */
  full(now: number): boolean {
    return this.tokens + ((now - this.last) / 1000) * this.rate >= this.burst;
  }
}
