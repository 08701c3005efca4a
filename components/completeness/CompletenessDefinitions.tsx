/** How the completeness measures are counted (shown on the page, in Danish). */
import { formatPercent } from "@/lib/stats";
import styles from "./completeness.module.css";

export function CompletenessDefinitions({ threshold }: { threshold: number }) {
  return (
    <details className={styles.details} id="definitioner">
      <summary>Sådan opgøres datakomplethed</summary>
      <dl>
        <dt>Dækningsgrad</dt>
        <dd>
          Børn i registerbefolkningen (fødselsårgangen, eller skoleårgangen for indskolings- og udskolingsundersøgelsen), der har mindst én godkendt indberetning, og
          som har et gennemført besøg af hver type, alle børn tilbydes: etableringsbesøg og besøg ved ca. 2, 4–6 og 8–11 måneder (uanset alder ved besøget), samt
          indskolings- og udskolingsundersøgelse i skoleåret. Barnet hører til kommunen efter indikatorernes regel: den journalførende kommune på barnets seneste
          indberetning, ellers bopælskommunen. Graviditets-, barsels- og andet besøg inden første måned tilbydes efter behov og indgår ikke. SundK&apos;s grænse for en
          advarsel er {formatPercent(threshold, 0)}.
        </dd>
        <dt>Variabelkomplethed</dt>
        <dd>
          For hvert gennemført standardbesøg med fremmøde (hjemmebesøg eller i kommunens lokaler) og hver obligatorisk observation efter vejledningen: sendt med en værdi,
          sendt uden værdi med en årsag (dataAbsentReason, opgjort pr. årsag), eller mangler helt. En observation hører til besøget, når den peger på kontakten, eller når
          den ikke peger på nogen kontakt og er fra samme dag og om barnet eller barnets forælder. Motorik (ved 2, 4–6 og 8–11 måneder og indskoling) og
          forældre-barn-relation (ved 8–11 måneder) håndhæves ikke ved modtagelsen, fordi vejledningens regler er fejlbehæftede; modtageren giver en advarsel, og de tæller
          som manglende.
        </dd>
        <dt>Rettidighed</dt>
        <dd>
          Tiden fra besøgets start til indberetningen: det tidligste af LDBU&apos;s første modtagelse af kontakten og indberetningens eget tidsstempel. Rettidig betyder højst
          2 døgn (48 timer), som vejledningen foreskriver. Medianen er den midterste forsinkelse.
        </dd>
        <dt>Afviste indberetninger</dt>
        <dd>
          Afviste indberetninger af alle modtagne (godkendte, afviste og dubletter) efter indberetningsår, og de regler, de blev afvist efter. En indberetning tæller for
          kommunen bag dens SOR-kode; kan SOR-koden ikke kobles til en kommune, tæller den kun for hele landet.
        </dd>
        <dt>Perioder og kommuner</dt>
        <dd>
          Småbørnsbesøg opgøres efter barnets fødselsårgang (graviditetsbesøg efter det barn, forælderen får inden for 300 dage), skolebørnsundersøgelser efter skoleår
          (1. august–31. juli), afviste indberetninger efter kalenderår. Besøg tæller for den kommune, hvis SOR-kode stod på indberetningen. Fejlregistrerede data
          (entered-in-error) tæller ingen steder. For andre kommuner end ens egen skjules tal under 5, så de ikke kan regnes ud.
        </dd>
      </dl>
    </details>
  );
}
