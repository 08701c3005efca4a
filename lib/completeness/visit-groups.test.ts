import { describe, expect, it } from "vitest";
import { withDelayChanges } from "./visit-groups";

const bytes = (...values: number[]) => {
  const b = Buffer.alloc(values.length * 8);
  values.forEach((v, i) => b.writeDoubleBE(v, i * 8));
  return b;
};
const values = (b: Buffer) => Array.from({ length: b.length / 8 }, (_, i) => b.readDoubleBE(i * 8));

describe("withDelayChanges", () => {
  it("takes out one occurrence per removed delay and appends the added", () => {
    // a group of four visits, two with the same delay; one of those and the 7 leave, 9 and 5 come
    expect(values(withDelayChanges(bytes(5, 7, 5, 3), bytes(5, 7), bytes(9, 5)))).toEqual([5, 3, 9, 5]);
  });

  it("keeps the group as it was without changes, and empties it when all leave", () => {
    expect(values(withDelayChanges(bytes(1, 2), null, null))).toEqual([1, 2]);
    expect(withDelayChanges(bytes(1, 2), bytes(2, 1), null)).toHaveLength(0);
    expect(values(withDelayChanges(Buffer.alloc(0), null, bytes(4)))).toEqual([4]);
  });

  it("refuses a removed delay the group does not hold: groups and facts disagree", () => {
    expect(() => withDelayChanges(bytes(1, 2), bytes(3), null)).toThrow(/fuld genberegning/);
    expect(() => withDelayChanges(bytes(1), bytes(1, 1), null)).toThrow(/fuld genberegning/);
  });
});
