import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvFileName, toCsv } from "./csv";

describe("CSV for Danish Excel", () => {
  it("has a BOM, semicolons, CRLF and quotes where needed", () => {
    const text = toCsv(["Område", "Andel (%)"], [["København", "12,3"], ["Ringkøbing-Skjern; \"test\"", "<5"]]);
    expect(text.startsWith("\uFEFFOmråde;Andel (%)\r\nKøbenhavn;12,3\r\n")).toBe(true);
    expect(parse(text.slice(1), { delimiter: ";" })).toEqual([["Område", "Andel (%)"], ["København", "12,3"], ["Ringkøbing-Skjern; \"test\"", "<5"]]);
  });
  it("makes safe file names", () => {
    expect(csvFileName("ldbu", "sammenlign", "LDBU-10", "2024/25", "", "koen:female")).toBe("ldbu_sammenlign_LDBU-10_2024-25_koen-female.csv");
  });
});
