/** The legend every result view shows: categories (with pattern and label), missing states, uoplyst and the lines. */
import { CATEGORY_EXPLANATION, CATEGORY_LABEL, legendCategories, UOPLYST_EXPLANATION } from "@/lib/views/labels";
import type { Polarity } from "@/lib/views/types";
import { Swatch } from "./Swatch";

export function Legend({ polarity, lines = true }: { polarity: Polarity | "all"; lines?: boolean }) {
  return (
    <section className="legend" aria-labelledby="signaturforklaring">
      <h2 id="signaturforklaring" className="legend__title">Signaturforklaring</h2>
      <ul className="legend__list">
        {legendCategories(polarity).map((c) => (
          <li key={c}>
            <Swatch category={c} /> <strong>{CATEGORY_LABEL[c]}</strong>{" "}
            <span className="muted">{CATEGORY_EXPLANATION[c].replace(/^[^:]*: /, "")}</span>
          </li>
        ))}
        <li>
          <span className="legend__symbol" aria-hidden="true">?</span> <strong>Uoplyst</strong>{" "}
          <span className="muted">{UOPLYST_EXPLANATION.replace(/^[^:]*: /, "")}</span>
        </li>
        {lines && (
          <>
            <li>
              <span className="legend__line legend__line--nation" aria-hidden="true" /> <strong>Landet</strong>{" "}
              <span className="muted">Landsværdien (hel linje), som kommunerne sammenlignes med.</span>
            </li>
            <li>
              <span className="legend__line legend__line--standard" aria-hidden="true" /> <strong>Standard</strong>{" "}
              <span className="muted">SundK&apos;s standard for indikatoren (stiplet linje), hvis der er en.</span>
            </li>
            <li>
              <span className="legend__whisker" aria-hidden="true" /> <strong>95 % CI</strong>{" "}
              <span className="muted">95 %-konfidensinterval (Wilson): streger eller bånd om værdien.</span>
            </li>
          </>
        )}
      </ul>
    </section>
  );
}
