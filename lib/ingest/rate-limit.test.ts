import { describe, expect, it } from "vitest";
import { fhirRate, fhirRateProblems, gatewayWait } from "./rate-limit";

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
    expect(fhirRateProblems({ LDBU_FHIR_RATE: "mange", LDBU_FHIR_BURST: "0", LDBU_APP_PROCESSES: "1.5" }).map((p) => p.name)).toEqual([
      "LDBU_FHIR_RATE",
      "LDBU_FHIR_BURST",
      "LDBU_APP_PROCESSES",
    ]);
    expect(fhirRateProblems({ LDBU_FHIR_RATE: "300", LDBU_APP_PROCESSES: "2" })).toEqual([]);
  });
});
