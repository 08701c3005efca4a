/**
 * The register extract (PRODUCT.md "Data in" 4): one row per child, semicolon separated, UTF-8,
 * header row. It stands in for the birth register and CPR: birth weight and gestational age
 * (absent from FBU data), parity, mother's education and the municipality of residence — the
 * population denominators for coverage.
 */
import { isoDate } from "./dates";
import type { Family } from "./population";

export const REGISTER_HEADER = "cpr;foedselsdato;koen;foedselsvaegt_g;gestationsalder_dage;paritet;bopaelskommune;mor_uddannelse";

/** The register rows (without header and line breaks) of one family, one per child. */
export function registerRows(fam: Family): string[] {
  return fam.children.map((c) =>
    [
      c.cpr,
      isoDate(c.birthDay),
      c.sex,
      c.registerWeight === null ? "" : String(c.registerWeight),
      c.registerGestation === null ? "" : String(c.registerGestation),
      String(fam.parity),
      c.registerMuni,
      fam.education,
    ].join(";"),
  );
}
