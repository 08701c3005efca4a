/**
 * On paper the maps' municipalities are filled with their category's plain colour instead of its pattern: Chromium
 * prints a pattern-filled map path as a bitmap of the whole map, which made the PDF ~25 times larger (43 MB against
 * 1.8 MB for the synthetic 2024 report). Each map is followed by its table, which names every category in words.
 */
import { patternId } from "../charts/Patterns";
import { CATEGORIES, CATEGORY_STYLE } from "@/lib/views/labels";

const css = `@media print {${CATEGORIES.filter((c) => CATEGORY_STYLE[c].pattern)
  .map((c) => `.map path[fill="url(#${patternId(c)})"]{fill:${CATEGORY_STYLE[c].fill}}`)
  .join("")}}`;

export function PrintMapFills() {
  return <style href="ldbu-aarsrapport-print-map" precedence="default">{css}</style>;
}
