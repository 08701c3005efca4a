/**
 * A small outlined sample of a category's fill and pattern (decorative: the label beside it carries the meaning),
 * drawn by the page's <Patterns />.
 */
import type { Category } from "@/lib/views/labels";
import { swatchId } from "./charts/Patterns";

export function Swatch({ category, size = 14 }: { category: Category; size?: number }) {
  return (
    <svg aria-hidden="true" focusable="false" width={size} height={size} className="swatch">
      <use href={`#${swatchId(category)}`} />
    </svg>
  );
}

/** Swatch and short label. */
export function CategoryBadge({ category, label }: { category: Category; label: string }) {
  return (
    <span className="badge" data-category={category}>
      <Swatch category={category} />
      {label}
    </span>
  );
}
