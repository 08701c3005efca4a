/** What the heatmap's colours, patterns and markers mean. */
import { formatPercent, SUPPRESSED_LABEL } from "@/lib/stats";
import { BANDS } from "@/lib/completeness/views";
import styles from "./completeness.module.css";

export function HeatmapLegend({ threshold }: { threshold: number | null }) {
  return (
    <section className={styles.legend} aria-labelledby="dk-legend">
      <h3 id="dk-legend">Signaturforklaring</h3>
      <ul className={styles.legendList}>
        {BANDS.map((b) => (
          <li key={b.key}>
            <span className={`${styles.swatch} ${styles[b.key]}`} aria-hidden="true" />
            {b.label}
          </li>
        ))}
        <li>
          <span className={`${styles.swatch} ${styles.suppressed}`} aria-hidden="true" />
          <strong>{SUPPRESSED_LABEL}</strong> færre end 5 (tæller eller nævner) – vises ikke for andre kommuner
        </li>
        <li>
          <span className={`${styles.swatch} ${styles.noData}`} aria-hidden="true" />
          <strong>–</strong> ingen data
        </li>
        {threshold !== null && (
          <li>
            <span className={styles.marker} aria-hidden="true">!</span> dækningsgrad under SundK&apos;s grænse på {formatPercent(threshold, 0)}
          </li>
        )}
      </ul>
    </section>
  );
}
