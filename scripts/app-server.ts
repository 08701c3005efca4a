/**
 * The built app, as production runs it (the app cluster, ./server/cluster.ts), as a child process on
 * a free port against a given database, so HTTP tests exercise the real server. Requires a build
 * (`npm test` makes sure of it).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import net from "node:net";

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export interface AppServer {
  url: string;
  child: ChildProcess;
  stop: (signal?: NodeJS.Signals) => Promise<void>;
  /** Everything the server printed so far (stdout and stderr). */
  log: () => string;
}

/**
 * A local (test or benchmark) server: demo mode, with a throwaway session secret when none is set;
 * `env` adds or overrides settings for this server only (single sign-on, trusted proxies), `processes` sizes the app cluster.
 */
export async function startApp(databaseUrl: string, port?: number, opts: { env?: Record<string, string>; processes?: number } = {}): Promise<AppServer> {
  const { env = {}, processes = 1 } = opts;
  const p = port ?? (await freePort());
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/server/main.ts", String(p), String(processes)], {
    env: {
      ...process.env,
      LDBU_MODE: "demo",
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64url"),
      DATABASE_URL: databaseUrl,
      NEXTAUTH_URL: `http://localhost:${p}`,
      PORT: String(p),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout!.on("data", (b) => (log += b));
  child.stderr!.on("data", (b) => (log += b));
  const url = `http://127.0.0.1:${p}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`appen sluttede: ${log}`);
    try {
      // every process listens (the cluster says so), and the app answers
      if (log.includes("lytter på port") && (await fetch(`${url}/login`)).status < 500) break;
    } catch {}
    if (Date.now() > deadline) throw new Error(`appen svarede ikke: ${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const stop = (signal: NodeJS.Signals = "SIGTERM") =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode) return resolve();
      child.once("exit", () => resolve());
      child.kill(signal);
    });
  return { url, child, stop, log: () => log };
}
