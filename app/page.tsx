export default function Forside() {
  return (
    <>
      <h1>Børns sundhed i Danmarks 98 kommuner</h1>
      <p className="lead">
        LDBU samler sundhedsplejens data om børn fra graviditet til 15 år og beregner kvalitetsindikatorer, så
        kommunerne kan udvikle kvaliteten og sammenligne sig med hinanden.
      </p>
      <p className="notice" role="status">
        Indikatorresultaterne er endnu ikke beregnet. Her kommer det nationale billede for hver indikator: værdi,
        udvikling og antal kommuner, der ligger bedre eller dårligere end landet.
      </p>
    </>
  );
}
