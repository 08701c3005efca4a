/**
 * Which state of the view data (indicator and completeness results, standards, settings, areas) this process has heard
 * of. Those tables notify channel `ldbu_view_data` on every change (migration 20261127080000_view_data_notify), and
 * PostgreSQL delivers a notification only after the writing transaction has committed. Each process listens on a
 * connection of its own and counts what it hears, so something cached under a generation was read before the next
 * change became visible — never after — and a reader asking after a commit gets a newer generation. While the
 * listener is not connected (start-up, a lost connection, a stopped database) the generation is null and nothing may
 * be cached, because a change could go unheard.
 */
import pg from "pg";
import { databaseUrl } from "./client";

export const VIEW_DATA_CHANNEL = "ldbu_view_data";
const RETRY_MS = 1000;

interface State {
  client: pg.Client | null;
  connecting: Promise<void> | null;
  generation: number;
  retryAt: number;
  /** bumped by stopListening, so a connection being opened for an earlier database is dropped */
  epoch: number;
  /** the round trip in flight, and the one queued behind it (see roundTrip) */
  running: Promise<void> | null;
  queued: Promise<void> | null;
}

const state = ((globalThis as { ldbuViewData?: State }).ldbuViewData ??= { client: null, connecting: null, generation: 0, retryAt: 0, epoch: 0, running: null, queued: null });

async function listen(): Promise<void> {
  const epoch = state.epoch;
  const client = new pg.Client({ connectionString: databaseUrl() });
  const lost = () => {
    if (state.client === client) {
      state.client = null;
      state.generation++;
    }
    client.end().catch(() => {});
  };
  client.on("error", lost);
  client.on("end", lost);
  client.on("notification", () => void state.generation++);
  try {
    await client.connect();
    await client.query(`LISTEN ${VIEW_DATA_CHANNEL}`);
  } catch {
    state.retryAt = Date.now() + RETRY_MS;
    await client.end().catch(() => {});
    return;
  }
  if (epoch !== state.epoch) return void (await client.end().catch(() => {}));
  // whatever was cached before this connection listened may have missed a change
  state.generation++;
  state.client = client;
}

/**
 * The generation that covers every change committed before this call, or null while changes cannot be heard (then do
 * not cache). A committing writer signals the listening backends before its COMMIT returns, and a backend sends the
 * notifications it holds before answering its next command; so one round trip on the listening connection makes
 * every earlier commit — this process's own writes included — counted before the generation is read.
 */
export async function viewDataGeneration(): Promise<number | null> {
  if (!state.client) {
    if (!state.connecting && Date.now() >= state.retryAt) state.connecting = listen().finally(() => (state.connecting = null));
    await state.connecting;
  }
  const client = state.client;
  if (!client) return null;
  try {
    await roundTrip(client);
  } catch {
    return null;
  }
  return state.client === client ? state.generation : null;
}

/**
 * A round trip sent after this call began. Concurrent callers share them: one in flight, and one queued behind it for
 * everyone who arrived after it was sent (pg will no longer queue queries on a client itself).
 */
function roundTrip(client: pg.Client): Promise<void> {
  if (!state.running) {
    state.running = client.query("SELECT 1").then(() => undefined).finally(() => (state.running = null));
    return state.running;
  }
  state.queued ??= state.running.catch(() => undefined).then(() => {
    state.queued = null;
    return roundTrip(client);
  });
  return state.queued;
}

/** Closes the listener (with the pool, in closeDb); the next use connects afresh, to whatever DATABASE_URL then is. */
export async function stopListening(): Promise<void> {
  state.epoch++;
  state.generation++;
  state.retryAt = 0;
  const client = state.client;
  state.client = null;
  await client?.end().catch(() => {});
}
