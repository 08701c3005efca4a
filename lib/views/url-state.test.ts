import { describe, expect, it } from "vitest";
import { breakdownKey, parseCompareState, parseTrendState, serializeCompareState, serializeTrendState, splitBreakdown, type CompareState } from "./url-state";

const domain = { indicators: ["LDBU-01", "LDBU-05", "LDBU-10"], regions: ["1081", "1084"], breakdowns: ["all", "koen:female", "koen:male"] };

describe("Sammenlign URL state", () => {
  it("has defaults for an empty URL", () => {
    expect(parseCompareState(new URLSearchParams(""), domain)).toEqual({ indikator: "LDBU-01", periode: null, region: null, opdeling: "all", sort: "vaerdi", retning: "faldende", kort: "benchmark" });
  });

  it("round-trips every parameter", () => {
    const s: CompareState = { indikator: "LDBU-10", periode: "2024/25", region: "1084", opdeling: "koen:female", sort: "navn", retning: "stigende", kort: "kvintil" };
    const query = serializeCompareState(s);
    expect(query).toBe("indikator=LDBU-10&periode=2024%2F25&region=1084&opdeling=koen%3Afemale&sort=navn&retning=stigende&kort=kvintil");
    expect(parseCompareState(new URLSearchParams(query), domain)).toEqual(s);
  });

  it("leaves defaults out of the URL", () => {
    expect(serializeCompareState(parseCompareState(new URLSearchParams("indikator=LDBU-05&sort=vaerdi&retning=faldende"), domain))).toBe("indikator=LDBU-05");
  });

  it("falls back to the default for unknown or malformed values", () => {
    const s = parseCompareState(new URLSearchParams("indikator=LDBU-99&periode=24&region=9999&opdeling=koen:x&sort=hack&retning=op&kort=3d"), domain);
    expect(s).toEqual(parseCompareState(new URLSearchParams(""), domain));
  });

  it("reads Next.js searchParams objects (first of repeated values)", () => {
    expect(parseCompareState({ indikator: ["LDBU-05", "LDBU-10"], region: "1081", x: undefined }, domain)).toMatchObject({ indikator: "LDBU-05", region: "1081" });
  });
});

describe("Udvikling URL state", () => {
  it("round-trips and validates the municipality code", () => {
    const s = parseTrendState(new URLSearchParams("indikator=LDBU-05&kommune=825&opdeling=koen:male"), domain);
    expect(s).toEqual({ indikator: "LDBU-05", kommune: "825", opdeling: "koen:male" });
    expect(serializeTrendState(s)).toBe("indikator=LDBU-05&kommune=825&opdeling=koen%3Amale");
    expect(parseTrendState(new URLSearchParams("kommune=82"), domain).kommune).toBeNull();
    expect(serializeTrendState({ indikator: "LDBU-01", kommune: null, opdeling: "all" })).toBe("indikator=LDBU-01");
  });
});

describe("breakdown keys", () => {
  it("split and join", () => {
    expect(splitBreakdown("all")).toEqual({ breakdown: "all", value: "" });
    expect(splitBreakdown("mor_uddannelse:kort_videregaaende")).toEqual({ breakdown: "mor_uddannelse", value: "kort_videregaaende" });
    expect(breakdownKey("koen", "female")).toBe("koen:female");
    expect(breakdownKey("all", "")).toBe("all");
  });
});
