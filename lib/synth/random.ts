/**
 * Seeded pseudo-random numbers for the synthetic-data generator.
 *
 * Everything the generator draws comes from an `Rng` created with `rngFor(seed, ...keys)`, so
 * every stream (a family's life, a municipality's quality profile, the ids of one report …) is a
 * pure function of the global seed and a few stable keys. That makes the output reproducible
 * byte for byte, and lets the generator re-simulate one family without touching any other.
 *
 * PRNG: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 128-bit state, passes
 * PractRand), seeded through a murmur3-style string/number hash.
 */

/** 32-bit hash of a list of strings/numbers (murmur3 finaliser over an FNV-1a style fold). */
export function hash32(...parts: (string | number)[]): number {
  let h = 0x811c9dc5 ^ parts.length;
  for (const part of parts) {
    const s = typeof part === "number" ? `#${part}` : `$${part}`;
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h ^= 0xff;
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, seed2 = 0x9e3779b9, seed3 = 0x243f6a88, seed4 = 0xb7e15162) {
    this.a = seed >>> 0;
    this.b = seed2 >>> 0;
    this.c = seed3 >>> 0;
    this.d = seed4 >>> 0;
    for (let i = 0; i < 12; i++) this.u32();
  }

  /** Uniform 32-bit unsigned integer. */
  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Integer in [lo, hi] (both inclusive). */
  intBetween(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Standard normal by Box–Muller (one value per call; no cached state, so streams stay simple). */
  gauss(): number {
    let u = this.next();
    if (u < 1e-12) u = 1e-12;
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  normal(mean: number, sd: number): number {
    return mean + sd * this.gauss();
  }

  /** Normal truncated to [lo, hi] by clamping after a few rejections. */
  normalClamped(mean: number, sd: number, lo: number, hi: number): number {
    for (let i = 0; i < 6; i++) {
      const x = this.normal(mean, sd);
      if (x >= lo && x <= hi) return x;
    }
    return Math.min(hi, Math.max(lo, mean));
  }

  /** Gamma(shape k, scale theta) by Marsaglia–Tsang. */
  gamma(k: number, theta: number): number {
    if (k < 1) {
      const u = this.next();
      return this.gamma(k + 1, theta) * Math.pow(u || 1e-12, 1 / k);
    }
    const d = k - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.gauss();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.next();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v * theta;
      if (Math.log(u || 1e-12) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * theta;
    }
  }

  /** Poisson (Knuth for small means, normal approximation above 50). */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 50) return Math.max(0, Math.round(this.normal(mean, Math.sqrt(mean))));
    const l = Math.exp(-mean);
    let k = 0;
    let p = 1;
    do {
      k++;
      p *= this.next();
    } while (p > l);
    return k - 1;
  }

  /** Binomial(n, p): exact for small n, normal approximation for large n. */
  binomial(n: number, p: number): number {
    if (n <= 0 || p <= 0) return 0;
    if (p >= 1) return n;
    if (n < 60) {
      let k = 0;
      for (let i = 0; i < n; i++) if (this.next() < p) k++;
      return k;
    }
    const x = Math.round(this.normal(n * p, Math.sqrt(n * p * (1 - p))));
    return Math.min(n, Math.max(0, x));
  }

  /** floor(x) plus one with probability frac(x): an unbiased integer rounding. */
  roundStochastic(x: number): number {
    const f = Math.floor(x);
    return f + (this.next() < x - f ? 1 : 0);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  /** Index chosen with the given (non-negative) weights. */
  weightedIndex(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i]!;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    return items[this.weightedIndex(weights)]!;
  }

  /** In-place Fisher–Yates shuffle; returns the array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = items[i]!;
      items[i] = items[j]!;
      items[j] = t;
    }
    return items;
  }

  /** RFC 4122 version-4 UUID built from this stream (never crypto.randomUUID). */
  uuid(): string {
    const a = this.u32();
    const b = this.u32();
    const c = this.u32();
    const d = this.u32();
    const h = HEX;
    return (
      h[a >>> 24]! + h[(a >>> 16) & 255]! + h[(a >>> 8) & 255]! + h[a & 255]! + "-" +
      h[b >>> 24]! + h[(b >>> 16) & 255]! + "-" +
      h[(((b >>> 8) & 255) & 0x0f) | 0x40]! + h[b & 255]! + "-" + // version 4
      h[(((c >>> 24) & 255) & 0x3f) | 0x80]! + h[(c >>> 16) & 255]! + "-" + // variant 10xx
      h[(c >>> 8) & 255]! + h[c & 255]! + h[d >>> 24]! + h[(d >>> 16) & 255]! + h[(d >>> 8) & 255]! + h[d & 255]!
    );
  }
}

/** A stream determined by the global seed and any number of stable keys. */
export function rngFor(seed: number, ...keys: (string | number)[]): Rng {
  const h1 = hash32(seed, ...keys);
  const h2 = hash32("b", seed, ...keys);
  const h3 = hash32("c", seed, ...keys);
  const h4 = hash32("d", seed, ...keys);
  return new Rng(h1, h2, h3, h4);
}

/** Deterministic UUID for a stable key (e.g. a school's Location id). */
export function uuidFor(seed: number, ...keys: (string | number)[]): string {
  return rngFor(seed, "uuid", ...keys).uuid();
}

export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

export function logit(p: number): number {
  const q = clamp(p, 1e-9, 1 - 1e-9);
  return Math.log(q / (1 - q));
}

export function expit(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
