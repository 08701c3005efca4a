import { describe, expect, it } from "vitest";
import { parseRegister, REGISTER_HEADER } from "./parse";

const kommuner = new Set(["101", "751"]);
const file = (...lines: string[]) => [REGISTER_HEADER.join(";"), ...lines].join("\n");

describe("register extract parsing", () => {
  it("reads valid rows, empty optional fields as null, and a BOM", () => {
    const { rows, problems } = parseRegister("\uFEFF" + file("0505209996;2020-05-05;K;3450;280;1;751;grundskole", "0505159995;2015-05-05;M;;;;101;"), kommuner);
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { line: 2, cpr: "0505209996", birthDate: "2020-05-05", sex: "female", birthWeightG: 3450, gestationalAgeDays: 280, parity: 1, municipalityCode: "751", motherEducation: "grundskole" },
      { line: 3, cpr: "0505159995", birthDate: "2015-05-05", sex: "male", birthWeightG: null, gestationalAgeDays: null, parity: null, municipalityCode: "101", motherEducation: null },
    ]);
  });
  it("reports every bad row by line number and column", () => {
    const { rows, problems } = parseRegister(
      file(
        "0505209996;2020-05-05;K;3450;280;1;751;grundskole",
        "0505209996;2020-05-05;K;3450;280;1;751;", // duplicate child
        "3102201234;2020-02-31;K;3450;280;1;751;", // impossible CPR and date
        "0505209998;2020-05-06;M;34.5;280;0;999;phd", // date/sex mismatch, decimal weight, parity 0, unknown kommune, education
        "0505209996;2020-05-05;K", // too few fields
        "0505209994;2020-13-45;K;;;;751;", // no such date
      ),
      kommuner,
    );
    expect(rows).toHaveLength(1);
    expect(problems.map((p) => `${p.line}:${p.column}`)).toEqual([
      "3:cpr",
      "4:cpr", "4:foedselsdato",
      "5:foedselsdato", "5:koen", "5:foedselsvaegt_g", "5:paritet", "5:bopaelskommune", "5:mor_uddannelse",
      "6:null",
      "7:foedselsdato",
    ]);
  });
  it("rejects a wrong header", () => {
    expect(parseRegister("cpr,foedselsdato\n", kommuner).problems[0]).toMatchObject({ line: 1, column: null });
  });
});
