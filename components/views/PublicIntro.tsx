/** Forside for anonymous visitors: what LDBU is, why current results need login, and the indicators. */
import Link from "next/link";
import type { IndicatorDefinition } from "@/lib/indicators/catalog";

export function PublicIntro({ indicators }: { indicators: readonly IndicatorDefinition[] }) {
  return (
    <>
      <section className="notice" aria-labelledby="adgang-titel">
        <h2 id="adgang-titel">Resultater</h2>
        <p>
          De aktuelle resultater er foreløbige og vises kun for kommunernes sundhedsplejersker, ledere og politikere samt
          SundK og kræver, at du er logget ind: <Link href="/login?callbackUrl=%2F">gå til indlogningen</Link>.
        </p>
        <p>
          De offentlige resultater udkommer med LDBU&apos;s årsrapport, når SundK har frosset et års tal, kommunerne har haft
          dem i høring, og rapporten er offentliggjort. Små tal (1–4 børn) vises aldrig for andre end kommunen selv.
        </p>
      </section>
      <section aria-labelledby="indikatorer-titel">
        <h2 id="indikatorer-titel">Indikatorerne</h2>
        <ul className="plain-list">
          {indicators.map((d) => (
            <li key={d.id}>
              <Link href={`/indikatorer#${d.id}`}>{d.id} {d.title}</Link> <span className="muted">({d.area})</span>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
