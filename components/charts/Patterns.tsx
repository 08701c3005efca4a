/**
 * SVG patterns for the categories (lib/views/labels.ts CATEGORY_STYLE): the fill colour with an overlay, so that a
 * category is told apart without colour (hatching, dots, cross-hatching, lines). Rendered once per page; shapes in
 * any SVG of the page refer to them with `fill="url(#…)"`, and the chart export copies the ones it uses. The
 * categories' swatches (components/Swatch.tsx) are symbols here too: a table of 98 rows then carries a `<use>` per row
 * instead of a drawn square.
 */
import { CATEGORIES, CATEGORY_STYLE, OUTLINE, type Category } from "@/lib/views/labels";

const OVERLAY: Record<NonNullable<(typeof CATEGORY_STYLE)[Category]["pattern"]>, (ink: string) => React.ReactNode> = {
  hatch: (ink) => <path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" stroke={ink} strokeWidth="1.3" />,
  lines: (ink) => <path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" stroke={ink} strokeWidth="0.8" />,
  dots: (ink) => <circle cx="3" cy="3" r="1.1" fill={ink} />,
  cross: (ink) => <path d="M0,0 L6,6 M6,0 L0,6" stroke={ink} strokeWidth="0.9" />,
  bars: (ink) => <path d="M0,1.5 H6 M0,4.5 H6" stroke={ink} strokeWidth="1" />,
  columns: (ink) => <path d="M3,0 V6" stroke={ink} strokeWidth="0.8" />,
};

const OVERLAY_INK: Record<Category, string> = {
  better: "#ffffff",
  similar: "#6b5a10",
  worse: "#ffffff",
  lower: "#1d4f73",
  higher: "#ffffff",
  "not-compared": "#6b7782",
  suppressed: "#4a545e",
  "no-data": "#6b7782",
};

export const patternId = (c: Category) => `ldbu-kategori-${c}`;
export const swatchId = (c: Category) => `ldbu-swatch-${c}`;

/** The fill of a shape in a category: its pattern, or the plain colour. */
export function categoryFill(c: Category): string {
  return CATEGORY_STYLE[c].pattern ? `url(#${patternId(c)})` : CATEGORY_STYLE[c].fill;
}

export function Patterns() {
  return (
    <svg aria-hidden="true" focusable="false" width="0" height="0" className="pattern-defs">
      <defs>
        {CATEGORIES.filter((c) => CATEGORY_STYLE[c].pattern).map((c) => (
          <pattern key={c} id={patternId(c)} width="6" height="6" patternUnits="userSpaceOnUse">
            <rect width="6" height="6" fill={CATEGORY_STYLE[c].fill} />
            {OVERLAY[CATEGORY_STYLE[c].pattern!](OVERLAY_INK[c])}
          </pattern>
        ))}
        {CATEGORIES.map((c) => (
          <symbol key={c} id={swatchId(c)} viewBox="0 0 14 14">
            <rect x="0.75" y="0.75" width="12.5" height="12.5" fill={categoryFill(c)} stroke={OUTLINE} strokeWidth="1.5" />
          </symbol>
        ))}
      </defs>
    </svg>
  );
}
