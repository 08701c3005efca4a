/**
 * Which pseudonym key chain (./pseudonym.ts) the stored pseudonyms were made with, and the rotation to a longer chain.
 *
 * The database records the chain's generation (number of rotation keys) and a check value (the chain's pseudonym of a
 * fixed marker) in `pseudonym_key_state`. Every transaction that writes citizens first takes that row FOR SHARE and
 * refuses to store when the environment's chain differs, so a server still running with the old keys cannot create
 * a second pseudonym for a child already stored. The rotation takes the row FOR UPDATE, so it waits for running
 * ingests, and they wait for it; it rewrites every pseudonym and the row in one transaction (atomic: an interrupted
 * rotation changes nothing and can simply be run again; a repeated one finds nothing to do).
 */
import type pg from "pg";
import { withTransaction } from "@/lib/db/transaction";
import { applyKey, chainPseudonym, keyChain } from "./pseudonym";

const MARKER = "LDBU-pseudonymnøglekontrol";

export const checkValue = (keys: Buffer[], length = keys.length) => chainPseudonym(MARKER, keys, length);

/** The environment's keys do not match the database's; storing would split children. Retry after the operator's fix. */
export class KeyChainMismatch extends Error {}

interface State {
  generation: number;
  check_value: string;
}

async function lockState(client: pg.ClientBase, mode: "SHARE" | "UPDATE", keys: Buffer[]): Promise<State> {
  const read = async () => (await client.query<State>(`SELECT generation, check_value FROM pseudonym_key_state WHERE id = 1 FOR ${mode}`)).rows[0];
  const found = await read();
  if (found) return found;
  // First use. An empty database takes the environment's chain; data stored before the chain was recorded were made
  // with the base key alone (the only key there was).
  const empty = !(await client.query(`SELECT 1 FROM citizen LIMIT 1`)).rowCount;
  const generation = empty ? keys.length - 1 : 0;
  await client.query(`INSERT INTO pseudonym_key_state (id, generation, check_value) VALUES (1, $1, $2) ON CONFLICT (id) DO NOTHING`, [generation, checkValue(keys, generation + 1)]);
  return read();
}

function mismatch(state: State, keys: Buffer[]): KeyChainMismatch {
  const env = keys.length - 1;
  if (state.generation > env)
    return new KeyChainMismatch(
      `Pseudonymerne i databasen er roteret ${state.generation} gang(e), men miljøet har kun ${env} rotationsnøgle(r): sæt LDBU_PSEUDONYM_ROTATION_KEYS som efter rotationen og genstart.`,
    );
  if (state.generation < env && state.check_value === checkValue(keys, state.generation + 1))
    return new KeyChainMismatch("Miljøet har en ny pseudonymnøgle, som databasen endnu ikke er roteret til: kør `npm run ldbu -- rotate-pseudonym-key`.");
  return new KeyChainMismatch("Pseudonymnøglerne i miljøet (LDBU_PSEUDONYM_KEY, LDBU_PSEUDONYM_ROTATION_KEYS) passer ikke til databasens pseudonymer.");
}

/** Inside every transaction that writes citizens, before it writes them. Blocks while a rotation runs. */
export async function assertKeyChain(client: pg.ClientBase): Promise<void> {
  const keys = keyChain();
  const state = await lockState(client, "SHARE", keys);
  if (state.generation !== keys.length - 1 || state.check_value !== checkValue(keys)) throw mismatch(state, keys);
}

export interface RotationResult {
  from: number;
  to: number;
  citizens: number;
}

/**
 * Brings the stored pseudonyms up to the environment's chain: for each rotation key the database lacks, every
 * pseudonym p becomes HMAC(key, p), in batches of `batchSize` rows, all in one transaction.
 */
export async function rotatePseudonyms(pool: pg.Pool, opts: { batchSize?: number; onProgress?: (done: number, total: number) => void } = {}): Promise<RotationResult> {
  const keys = keyChain();
  const batch = opts.batchSize ?? 10_000;
  return withTransaction(pool, async (client) => {
    const state = await lockState(client, "UPDATE", keys);
    const target = keys.length - 1;
    if (state.generation === target && state.check_value === checkValue(keys)) return { from: target, to: target, citizens: 0 };
    if (state.generation > target || state.check_value !== checkValue(keys, state.generation + 1)) throw mismatch(state, keys);
    await client.query(`LOCK TABLE citizen IN EXCLUSIVE MODE`); // readers go on; nothing else writes citizens meanwhile
    const total = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM citizen`)).rows[0].n);
    const steps = target - state.generation;
    let done = 0;
    for (let g = state.generation + 1; g <= target; g++) {
      for (let last = "0"; ; ) {
        const rows = (await client.query<{ id: string; pseudonym: string }>(`SELECT id::text, pseudonym FROM citizen WHERE id > $1 ORDER BY id LIMIT $2`, [last, batch])).rows;
        if (rows.length === 0) break;
        await client.query(`UPDATE citizen c SET pseudonym = u.p FROM unnest($1::bigint[], $2::text[]) AS u(id, p) WHERE c.id = u.id`, [
          rows.map((r) => r.id),
          rows.map((r) => applyKey(keys[g], r.pseudonym)),
        ]);
        last = rows[rows.length - 1].id;
        done += rows.length;
        opts.onProgress?.(done, total * steps);
      }
    }
    await client.query(`UPDATE pseudonym_key_state SET generation = $1, check_value = $2, updated_at = now() WHERE id = 1`, [target, checkValue(keys)]);
    return { from: state.generation, to: target, citizens: total };
  });
}
