import { Definitions } from "@/components/views/Definitions";
import { pool } from "@/lib/db/client";
import { INDICATORS } from "@/lib/indicators/catalog";
import { epdsCutoff } from "@/lib/indicators/refresh";
import { indicatorOptions } from "@/lib/queries/indicators";

export const metadata = { title: "Indikatorbeskrivelser" };

export default async function IndikatorerPage() {
  const [current, cutoff] = await Promise.all([indicatorOptions(), epdsCutoff(pool())]);
  return (
    <>
      <h1>Indikatorbeskrivelser</h1>
      <p className="lead">LDBU&apos;s indikatorer med fulde definitioner: hvem der tælles med, hvad der tæller som opfyldt, og hvordan manglende oplysninger håndteres.</p>
      <Definitions catalog={INDICATORS} current={current} epdsCutoff={cutoff} />
    </>
  );
}
