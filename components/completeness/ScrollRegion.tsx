/** A horizontally scrollable wrapper for a wide table, reachable and scrollable by keyboard (WCAG 2.1.1). */
import type { ReactNode } from "react";
import styles from "./completeness.module.css";

export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className={styles.tableWrap} tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
