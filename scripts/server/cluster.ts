/**
 * The production app as several processes sharing one port (Node's cluster module, round-robin):
 * Next.js handles each request on one thread, so one process uses one core; the FK Gateway's
 * concurrent connections need more. LDBU_APP_PROCESSES workers (default: one per CPU core) run
 * ./worker.ts. A worker that dies while serving is replaced; one that dies before it ever listened
 * (a failed startup check, a missing build) stops the whole server with an error.
 */
import cluster, { type Worker } from "node:cluster";
import os from "node:os";
import path from "node:path";

export function appProcesses(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.LDBU_APP_PROCESSES ?? os.availableParallelism());
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new Error("LDBU_APP_PROCESSES skal være et helt tal fra 1 til 64.");
  return n;
}

/** Runs the cluster until SIGINT/SIGTERM or a failed start; resolves with the exit code. */
export function serveCluster(port: number, processes = appProcesses()): Promise<number> {
  cluster.setupPrimary({ exec: path.resolve(import.meta.dirname, "worker.ts"), execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  // The rate limit (lib/ingest) gives each process its share of a client's allowance.
  const env = { ...process.env, PORT: String(port), LDBU_APP_PROCESSES: String(processes) };
  return new Promise((resolve) => {
    let stopping = false;
    let listening = 0;
    const started = new WeakSet<Worker>();
    const fork = () => {
      const w = cluster.fork(env);
      w.on("message", (m: { ldbu?: string }) => {
        if (m?.ldbu !== "listening") return;
        started.add(w);
        if (++listening === processes) console.log(`[app] ${processes} processer lytter på port ${port}`);
      });
      w.on("exit", (code, signal) => {
        if (stopping) return;
        if (!started.has(w)) return stop(1, `en appproces kunne ikke starte (kode ${code ?? signal})`);
        console.error(`[app] en appproces stoppede (${code ?? signal}); starter en ny`);
        fork();
      });
    };
    const stop = (code: number, why?: string) => {
      if (stopping) return;
      stopping = true;
      if (why) console.error(`[app] ${why}`);
      const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());
      if (workers.length === 0) return resolve(code);
      let left = workers.length;
      for (const w of workers) {
        w.once("exit", () => --left === 0 && resolve(code));
        w.kill("SIGTERM");
      }
    };
    for (const s of ["SIGINT", "SIGTERM"] as const) process.once(s, () => stop(0));
    for (let i = 0; i < processes; i++) fork();
  });
}
