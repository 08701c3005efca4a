import { describe, expect, it } from "vitest";
import { VISIT } from "@/lib/indicators/codes";
import type { Figure } from "./figures";
import { pagePeriods, schoolYearOfDate, yearOfPeriod } from "./periods";
import { countsText, daysText, valueCsv, valueText } from "./text";
import { parseCompletenessState, parseWorklistState, serializeCompletenessState, serializeWorklistState } from "./url-state";
import { bandOf, columnsFor, complementOf, sortHeatmapRows, type HeatmapRow } from "./views";

const ok = (n: number, d: number): Figure => ({ state: "ok", numerator: n, denominator: d, value: n / d });
const hidden: Figure = { state: "suppressed", numerator: null, denominator: null, value: null };
const none: Figure = { state: "no-data", numerator: null, denominator: null, value: null };

describe("columns", () => {
  it("coverage: at least one report and the expected visits, school visits from the school year", () => {
    const cols = columnsFor("daekning", pagePeriods(2024));
    expect(cols.map((c) => c.key)).toEqual(["alle", "etablering", "2mdr", "4-6mdr", "8-11mdr", "indskoling", "udskoling"]);
    expect(cols.find((c) => c.key === "indskoling")).toMatchObject({ period: "2024/25", visit: VISIT.indskoling, type: `cov:${VISIT.indskoling}` });
    expect(cols[0]).toMatchObject({ period: "2024", type: "cov:" });
  });
  it("variable completeness and timeliness: every standard visit and the programme totals", () => {
    expect(columnsFor("variabler", pagePeriods(2024)).map((c) => c.key)).toEqual([
      "alle-smaaboern", "graviditet", "barsel", "etablering", "andet", "2mdr", "4-6mdr", "8-11mdr", "alle-skole", "indskoling", "mellemtrin", "udskoling",
    ]);
    expect(columnsFor("rettidighed", pagePeriods(2024))[2].type).toBe(`time:${VISIT.barsel}`);
  });
  it("validity: the accepted share of the year's receipts, from the rejected ones", () => {
    const [c] = columnsFor("gyldighed", pagePeriods(2024));
    expect(c).toMatchObject({ key: "godkendt", period: "2024", type: "valid", complement: true });
    expect(complementOf(ok(3, 60))).toEqual({ state: "ok", numerator: 57, denominator: 60, value: 1 - 3 / 60 });
    expect(complementOf(hidden)).toBe(hidden);
  });
});

describe("sorting and bands", () => {
  const row = (name: string, f: Figure): HeatmapRow => ({ level: "municipality", code: name, name, regionCode: "1084", own: false, cells: [f] });
  const cols = [{ key: "x", label: "x", title: "x", visit: "", programme: "infant" as const, period: "2024", type: "cov:" }];
  const rows = [row("Ærø", ok(9, 10)), row("Aabenraa", hidden), row("Odense", ok(5, 10)), row("Læsø", none), row("Aarhus", ok(99, 100))];
  it("sorts by value with hidden and empty figures last in either direction", () => {
    expect(sortHeatmapRows(rows, cols, "x", "faldende").map((r) => r.name)).toEqual(["Aarhus", "Ærø", "Odense", "Aabenraa", "Læsø"]);
    expect(sortHeatmapRows(rows, cols, "x", "stigende").map((r) => r.name)).toEqual(["Odense", "Ærø", "Aarhus", "Aabenraa", "Læsø"]);
  });
  it("sorts names in Danish order (Æ, Ø, Å after Z; Aa as Å)", () => {
    expect(sortHeatmapRows(rows, cols, "navn", "stigende").map((r) => r.name)).toEqual(["Læsø", "Odense", "Ærø", "Aabenraa", "Aarhus"]);
  });
  it("bands at 98, 95, 90 and 80 %", () => {
    expect([1, 0.98, 0.979, 0.95, 0.949, 0.9, 0.8, 0.79, null].map(bandOf)).toEqual(["b5", "b5", "b4", "b4", "b3", "b3", "b2", "b1", null]);
  });
});

describe("text", () => {
  it("formats figures for the page and the CSV from the same numbers", () => {
    expect([valueText(ok(45, 49)), countsText(ok(45, 49)), valueCsv(ok(45, 49))]).toEqual(["91,8 %", "45 af 49", "91,8"]);
    expect([valueText(hidden), countsText(hidden), valueCsv(hidden)]).toEqual(["<5", "<5", "<5"]);
    expect([valueText(none), countsText(none), valueCsv(none)]).toEqual(["–", "–", ""]);
    expect(daysText(36)).toBe("1,5 døgn");
  });
});

describe("periods", () => {
  it("school years start on 1 August", () => {
    expect(schoolYearOfDate("2024-07-31")).toBe("2023/24");
    expect(schoolYearOfDate("2024-08-01")).toBe("2024/25");
    expect(yearOfPeriod("2024/25")).toBe(2024);
    expect(pagePeriods(2024)).toEqual({ year: 2024, infant: "2024", school: "2024/25", validity: "2024" });
  });
});

describe("URL state", () => {
  it("parses leniently and writes only what differs from the defaults", () => {
    const s = parseCompletenessState(new URLSearchParams("periode=2024&maal=variabler&region=9999&sort=2mdr&retning=op&kommune=75"), ["1082"]);
    expect(s).toEqual({ periode: 2024, maal: "variabler", region: null, sort: "2mdr", retning: "stigende", kommune: null });
    expect(serializeCompletenessState(s)).toBe("periode=2024&maal=variabler&sort=2mdr");
    expect(parseCompletenessState(new URLSearchParams(serializeCompletenessState({ ...s, region: "1082", kommune: "751" })), ["1082"])).toEqual({ ...s, region: "1082", kommune: "751" });
  });
  it("Fejlliste: municipality code or 'ukendt', known visit keys, pages from 1", () => {
    const s = parseWorklistState(new URLSearchParams("kommune=ukendt&visning=sene&besoeg=2mdr&side=3&regel=obs-1"), ["2mdr"]);
    expect(s).toEqual({ kommune: "ukendt", visning: "sene", periode: null, besoeg: "2mdr", regel: "obs-1", side: 3 });
    expect(parseWorklistState(new URLSearchParams("kommune=../x&side=-1&besoeg=x"), ["2mdr"])).toMatchObject({ kommune: null, side: 1, besoeg: null });
    expect(serializeWorklistState({ ...s, side: 1 })).toBe("kommune=ukendt&visning=sene&besoeg=2mdr&regel=obs-1");
  });
});
