/**
 * Danish (da-DK) number formatting for views and CSV files.
 *
 * Conventions (Dansk Sprognævn's recommendations; the same as `Intl.NumberFormat("da-DK")` apart from the space):
 * decimal comma, "." as thousands separator (grouping from 4 digits: "1.234"), hyphen-minus for negatives, and a
 * space between a number and the percent sign: "12,3 %". The space is a normal space (U+0020), not the
 * non-breaking space Intl uses, so CSV cells and copied text stay plain; views that must not break the line there
 * should style the cell `white-space: nowrap`.
 *
 * Rounding is half away from zero on the number's shortest decimal representation (so 1.005 → "1,01" and
 * 0.145 → "14,5 %" / "15 %", as a reader of the decimal value expects), done by shifting the decimal exponent
 * in the string rather than multiplying in binary floating point. Negative results that round to zero print
 * without a sign. Missing values (null, undefined, NaN, ±Infinity) print as an en dash "–".
 *
 * Implemented without Intl so the output is the same on every server and browser (no ICU version differences
 * between server rendering and hydration).
 */

/** what a missing number is shown as */
export const MISSING_TEXT = "–";

export interface NumberFormatOptions {
  /** thousands separator "." (default true); turn off for machine-read CSV columns */
  grouping?: boolean;
}

type Maybe = number | null | undefined;

/** |x|·10^shift rounded half away from zero to `digits` decimals, as a plain digit string with "." as separator. */
function roundedDigits(absolute: number, digits: number, shift: number): string {
  const [mantissa, exponent = "0"] = String(absolute).split("e");
  const scaled = Number(`${mantissa}e${Number(exponent) + shift + digits}`);
  if (!Number.isFinite(scaled) || scaled > Number.MAX_SAFE_INTEGER) {
    throw new RangeError(`cannot format ${absolute} with ${digits} decimals exactly`);
  }
  const integer = Math.round(scaled); // scaled ≥ 0, so this is half away from zero
  let text = String(integer);
  if (digits === 0) return text;
  text = text.padStart(digits + 1, "0");
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

function group(integerPart: string): string {
  return integerPart.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

function format(x: Maybe, digits: number, shift: number, options: NumberFormatOptions): string | null {
  if (typeof x !== "number" || !Number.isFinite(x)) return null;
  if (!(Number.isInteger(digits) && digits >= 0 && digits <= 20)) throw new RangeError(`digits must be an integer 0–20, got ${digits}`);
  const plain = roundedDigits(Math.abs(x), digits, shift);
  const [integerPart, fraction] = plain.split(".");
  const isZero = /^[0.]*$/.test(plain);
  const sign = x < 0 && !isZero ? "-" : "";
  const grouped = options.grouping === false ? integerPart : group(integerPart);
  return `${sign}${grouped}${fraction === undefined ? "" : `,${fraction}`}`;
}

/** A number with a fixed number of decimals and a decimal comma: formatDecimal(1234.567, 2) → "1.234,57". */
export function formatDecimal(x: Maybe, digits: number, options: NumberFormatOptions = {}): string {
  return format(x, digits, 0, options) ?? MISSING_TEXT;
}

/** A whole number (rounded) with thousands separators: formatNumber(12345) → "12.345". */
export function formatNumber(x: Maybe, options: NumberFormatOptions = {}): string {
  return format(x, 0, 0, options) ?? MISSING_TEXT;
}

/** A proportion (0–1) as a percentage: formatPercent(0.1234, 1) → "12,3 %". */
export function formatPercent(proportion: Maybe, digits: number = 1, options: NumberFormatOptions = {}): string {
  const text = format(proportion, digits, 2, options);
  return text === null ? MISSING_TEXT : `${text} %`;
}
