/** How LDBU's statistics work (CIs, benchmark, funnel, trend, small numbers): on the definitions page and in the annual report. */
export function StatisticsNotes() {
  return (
    <ul>
      <li>Andele vises med 95 %-konfidensinterval efter Wilsons metode.</li>
      <li>En kommune sammenlignes med landet som i Fingertips: ligger landsværdien inden for kommunens 95 %-konfidensinterval, er kommunen &quot;som landet&quot;; ellers bedre eller dårligere efter indikatorens retning (lavere/højere for indikatorer uden vurdering).</li>
      <li>Tragtdiagrammets grænser er 95 % og 99,8 % omkring landsværdien som funktion af nævneren.</li>
      <li>Udviklingen vurderes med en test for lineær trend (Cochran–Armitage) over de seneste 5 perioder og kun med mindst 5 perioder med tal.</li>
      <li>Tæller eller nævner på 1–4 vises ikke (&quot;&lt;5&quot;) for andre end kommunen selv og SundK, og et tal mere skjules, hvis det skjulte ellers kunne regnes ud fra region eller land. Det samme gælder antal uoplyste.</li>
    </ul>
  );
}
