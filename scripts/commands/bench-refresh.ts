/**
 * `npm run ldbu -- bench:refresh --db <database>`: the refresh figures of `bench` (issue 5) again on a database that is
 * already loaded — e.g. one kept by `bench --scale 1 --keep` — without the hour of generating and ingesting: a full
 * refresh, then an incremental one after the last `--receipts` receipts (default one national day, 1,650) are
 * replayed as new: their citizens marked for refresh and data completeness's receipt mark set back before them, as
 * their ingest left it. Each refresh is reported next to a `SELECT count(*)` over the observations in the same run. It
 * recomputes the database's results in place (to the same figures); the database gets this version's migrations first.
 */
import { closeDb, pool } from "@/lib/db/client";
import { resolveDatabase } from "@/lib/db/server";
import { refreshIndicators } from "@/lib/indicators/refresh";
import { MEASURES } from "@/lib/completeness/types";
import { parse } from "./args";
import { againstGoal, beside, countObservations, REFRESH_GOALS } from "./bench";
import { prepareDatabase } from "./db";
import type { Command } from "./types";

export const benchRefreshCmd: Command = {
  summary: "Mål fuld og inkrementel genberegning på en indlæst database (--db, --receipts)",
  async run(args) {
    const { values } = parse(args, { db: { type: "string" }, receipts: { type: "string" } });
    const receipts = Number(values.receipts ?? 1650);
    if (!Number.isInteger(receipts) || receipts < 1) throw new Error("--receipts skal være et helt tal ≥ 1.");
    const db = await resolveDatabase();
    try {
      const url = values.db ? db.serverUrl(values.db) : db.url;
      await prepareDatabase(url);
      process.env.DATABASE_URL = url;
      const c1 = await countObservations();
      const full = await refreshIndicators(pool(), { all: true });
      console.log(`fuld genberegning          ${full.seconds.toFixed(1)} s ${beside(full.seconds, c1)}; ${againstGoal(full.seconds, REFRESH_GOALS.full, null)}; datakomplethed ${full.completenessSeconds.toFixed(1)} s`);

      const { rows } = await pool().query<{ since: string | null }>(`SELECT (max(id) - $1)::text AS since FROM receipt`, [receipts]);
      const since = rows[0].since;
      if (since === null) throw new Error("Databasen har ingen modtagne indberetninger.");
      const marked = await pool().query(
        `INSERT INTO refresh_citizen (citizen_id)
         SELECT citizen_id FROM citizen_record WHERE receipt_id > $1::bigint UNION SELECT citizen_id FROM encounter WHERE receipt_id > $1::bigint
         ON CONFLICT (citizen_id) DO UPDATE SET marked_at = now()`,
        [since],
      );
      await pool().query(`UPDATE completeness_result SET detail = detail || jsonb_build_object('receiptId', $2::text) WHERE measure = $1`, [MEASURES.state, since]);
      const c2 = await countObservations();
      const inc = await refreshIndicators(pool(), { quiet: true });
      console.log(
        `inkrementel genberegning   ${inc.seconds.toFixed(2)} s ${beside(inc.seconds, c2)}; ${againstGoal(inc.seconds, REFRESH_GOALS.incremental, null)}; de sidste ${receipts} modtagelser (${marked.rowCount} borgere), ` +
          `${inc.cells.length} indikator × periode; datakomplethed ${inc.completenessSeconds.toFixed(2)} s`,
      );
      return 0;
    } finally {
      await closeDb();
      await db.stop();
    }
  },
};
