import { describe, expect, it } from "vitest";
import { badTokensPerMinute, badTokenWait, fhirRate, fhirRateProblems, gatewayWait, recordBadToken } from "./rate-limit";

describe("FHIR rate per gateway client", () => {
  it("defaults to 1,000 reports/s, bursts of twice that, one process", () => {
    expect(fhirRate({})).toEqual({ perSecond: 1000, burst: 2000, processes: 1 });
  });
  it("divides the service-wide rate between the app processes", () => {
    const rate = { perSecond: 10, burst: 10, processes: 2 }; // 5 a second, bursts of 5 in this process
    const waits = Array.from({ length: 6 }, () => gatewayWait(901, 0, rate));
    expect(waits).toEqual([0, 0, 0, 0, 0, 1]);
    expect(gatewayWait(901, 200, rate)).toBe(0);
    expect(gatewayWait(902, 0, rate)).toBe(0); // another client has its own bucket
  });
  it("refuses nonsense settings", () => {
    expect(fhirRateProblems({ LDBU_FHIR_RATE: "mange", LDBU_FHIR_BURST: "0", LDBU_APP_PROCESSES: "1.5", LDBU_FHIR_BAD_TOKENS: "0" }).map((p) => p.name)).toEqual([
      "LDBU_FHIR_RATE",
      "LDBU_FHIR_BURST",
      "LDBU_APP_PROCESSES",
      "LDBU_FHIR_BAD_TOKENS",
    ]);
    expect(fhirRateProblems({ LDBU_FHIR_RATE: "300", LDBU_APP_PROCESSES: "2" })).toEqual([]);
  });
});

describe("wrong tokens per client address", () => {
  it("defaults to 30 a minute", () => {
    expect(badTokensPerMinute({})).toBe(30);
    expect(badTokensPerMinute({ LDBU_FHIR_BAD_TOKENS: "5" })).toBe(5);
  });
  it("lets 3 a minute through, refuses the address until one has aged out (20 s), and keeps addresses apart", () => {
    const t0 = 1_000_000;
    for (let i = 0; i < 3; i++) {
      expect(badTokenWait("198.51.100.7", t0)).toBe(0);
      recordBadToken("198.51.100.7", t0, 3);
    }
    expect(badTokenWait("198.51.100.7", t0)).toBe(20);
    expect(badTokenWait("198.51.100.7", t0 + 15_000)).toBe(5);
    expect(badTokenWait("198.51.100.8", t0)).toBe(0); // another address
    expect(badTokenWait("198.51.100.7", t0 + 20_000)).toBe(0);
    recordBadToken("198.51.100.7", t0 + 20_000, 3);
    expect(badTokenWait("198.51.100.7", t0 + 20_000)).toBe(20);
  });
  it("never refuses an address that presented no wrong token", () => {
    expect(badTokenWait("2001:db8::/64", 0)).toBe(0);
  });
});
