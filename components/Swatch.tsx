/** A small outlined sample of a category's fill and pattern (decorative: the label beside it carries the meaning). */
import { OUTLINE, type Category } from "@/lib/views/labels";
import { categoryFill } from "./charts/Patterns";

export function Swatch({ category, size = 14 }: { category: Category; size?: number }) {
  return (
    <svg aria-hidden="true" focusable="false" width={size} height={size} viewBox="0 0 14 14" className="swatch">
      <rect x="0.75" y="0.75" width="12.5" height="12.5" fill={categoryFill(category)} stroke={OUTLINE} strokeWidth="1.5" />
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
