import pg from "pg";
import { closeDb, pool } from "@/lib/db/client";
import { resolveDatabase } from "@/lib/db/server";
import { KeyChainMismatch, rotatePseudonyms } from "@/lib/ingest/key-chain";
import { keyChain } from "@/lib/ingest/pseudonym";
import { progress } from "@/lib/ingest/progress";
import { parse } from "./args";
import { prepareDatabase } from "./db";
import { addLocalRotationKey, ensureLocalSecrets, usesLocalPseudonymKeys } from "./local-secrets";
import type { Command } from "./types";

export const rotatePseudonymKeyCmd: Command = {
  summary: "Rotér pseudonymnøglen: giv alle gemte pseudonymer den nye nøgle sidst i LDBU_PSEUDONYM_ROTATION_KEYS (--generate lokalt)",
  async run(args) {
    const { values } = parse(args, { generate: { type: "boolean" } });
    ensureLocalSecrets();
    if (values.generate) {
      // a production key is made and kept by the operator's secret store, never by LDBU
      if (!usesLocalPseudonymKeys()) {
        console.error("--generate virker kun med de lokale nøgler i .data/secrets.json. I drift: tilføj den nye nøgle sidst i LDBU_PSEUDONYM_ROTATION_KEYS og kør kommandoen uden --generate.");
        return 2;
      }
      addLocalRotationKey();
      console.log("Ny lokal rotationsnøgle tilføjet i .data/secrets.json.");
    }
    const db = await resolveDatabase();
    process.env.DATABASE_URL = db.url;
    try {
      await prepareDatabase(db.url);
      const generation = keyChain().length - 1;
      const p = progress("rotate-pseudonym-key");
      p.update("venter på igangværende indlæsninger …", true);
      const r = await rotatePseudonyms(pool(), { onProgress: (done, total) => p.update(`${done}/${total} pseudonymer`) });
      if (r.citizens === 0 && r.from === r.to) {
        p.done(`intet at gøre: databasen bruger allerede nøglekæden med ${generation} rotation(er). Tilføj en ny nøgle i LDBU_PSEUDONYM_ROTATION_KEYS for at rotere.`);
        return 0;
      }
      p.done(`${r.citizens} pseudonymer roteret fra generation ${r.from} til ${r.to}`);
      // the old values live on in dead row versions until the table is rewritten
      await closeDb();
      const v = progress("vacuum");
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      await client.query("VACUUM (FULL, ANALYZE) citizen").finally(() => client.end());
      v.done("gamle rækkeversioner fjernet (VACUUM FULL citizen)");
      console.log("Genstart nu app-serverne med den nye LDBU_PSEUDONYM_ROTATION_KEYS; indtil da afviser de indlæsning med 503, og gatewayen sender igen.");
      return 0;
    } catch (e) {
      if (!(e instanceof KeyChainMismatch)) throw e;
      console.error(e.message);
      return 1;
    } finally {
      await closeDb();
      await db.stop();
    }
  },
};
