/**
 * Imports a register extract: all rows or none. CPR numbers become the same pseudonyms as in
 * the delivery reports; re-importing a newer extract updates the persons it contains.
 */
import { createHash } from "node:crypto";
import type pg from "pg";
import { bulkInsert } from "@/lib/db/bulk";
import { assertKeyChain } from "@/lib/ingest/key-chain";
import { pseudonymise } from "@/lib/ingest/pseudonym";
import { parseRegister, type RowProblem } from "./parse";

export interface RegisterImportResult {
  ok: boolean;
  rows: number;
  problems: RowProblem[];
  importId?: number;
}

export async function importRegister(pool: pg.Pool, fileName: string, text: string): Promise<RegisterImportResult> {
  const kommuner = new Set((await pool.query<{ code: string }>("SELECT code FROM municipality")).rows.map((r) => r.code));
  const { rows, problems } = parseRegister(text, kommuner);
  if (problems.length) return { ok: false, rows: 0, problems };

  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await assertKeyChain(client);
    const imp = await client.query<{ id: number }>(
      `INSERT INTO register_import (file_name, content_hash, row_count) VALUES ($1, $2, $3) RETURNING id`,
      [fileName, createHash("sha256").update(text).digest("hex"), rows.length],
    );
    const importId = imp.rows[0].id;
    const people = rows.map((r) => ({ ...r, pseudonym: pseudonymise(r.cpr) })).sort((a, b) => (a.pseudonym < b.pseudonym ? -1 : 1));
    for (let i = 0; i < people.length; i += 5000) {
      const chunk = people.slice(i, i + 5000);
      await bulkInsert(client, "citizen", [
        { name: "pseudonym", type: "text" }, { name: "birth_date", type: "date" }, { name: "sex", type: "text", expr: (v) => `${v}::sex` },
      ], chunk.map((p) => [p.pseudonym, p.birthDate, p.sex]), "ON CONFLICT (pseudonym) DO NOTHING");
      await client.query(
        `INSERT INTO register_person (citizen_id, birth_date, sex, birth_weight_g, gestational_age_days, parity, residence_municipality_code, mother_education, import_id)
         SELECT c.id, u.birth_date, u.sex::sex, u.w, u.g, u.p, u.k, u.e::mother_education, $9
         FROM unnest($1::text[], $2::date[], $3::text[], $4::int[], $5::int[], $6::int[], $7::text[], $8::text[]) AS u(pseudonym, birth_date, sex, w, g, p, k, e)
         JOIN citizen c ON c.pseudonym = u.pseudonym
         ON CONFLICT (citizen_id) DO UPDATE SET birth_date = EXCLUDED.birth_date, sex = EXCLUDED.sex, birth_weight_g = EXCLUDED.birth_weight_g,
           gestational_age_days = EXCLUDED.gestational_age_days, parity = EXCLUDED.parity,
           residence_municipality_code = EXCLUDED.residence_municipality_code, mother_education = EXCLUDED.mother_education, import_id = EXCLUDED.import_id`,
        [
          chunk.map((p) => p.pseudonym), chunk.map((p) => p.birthDate), chunk.map((p) => p.sex), chunk.map((p) => p.birthWeightG),
          chunk.map((p) => p.gestationalAgeDays), chunk.map((p) => p.parity), chunk.map((p) => p.municipalityCode), chunk.map((p) => p.motherEducation), importId,
        ],
      );
      await client.query(
        `INSERT INTO refresh_citizen (citizen_id) SELECT c.id FROM citizen c WHERE c.pseudonym = ANY($1::text[]) ORDER BY c.id
         ON CONFLICT (citizen_id) DO UPDATE SET marked_at = now()`,
        [chunk.map((p) => p.pseudonym)],
      );
    }
    await client.query("COMMIT");
    return { ok: true, rows: rows.length, problems: [], importId };
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}
