/**
 * The built app (`next start`) as a child process on a free port, against a given database,
 * so HTTP tests exercise the real server. Requires a build (`npm test` makes sure of it).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import net from "node:net";

async function freePort(): Promise<number> {
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

/** A local (test or benchmark) server: demo mode, with a throwaway session secret when none is set. */
export async function startApp(databaseUrl: string, port?: number): Promise<AppServer> {
  const p = port ?? (await freePort());
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(p)], {
    env: {
      ...process.env,
      LDBU_MODE: "demo",
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64url"),
      DATABASE_URL: databaseUrl,
      NEXTAUTH_URL: `http://localhost:${p}`,
      PORT: String(p),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout!.on("data", (b) => (log += b));
  child.stderr!.on("data", (b) => (log += b));
  const url = `http://127.0.0.1:${p}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start sluttede: ${log}`);
    try {
      const r = await fetch(`${url}/login`);
      if (r.status < 500) break;
    } catch {}
    if (Date.now() > deadline) throw new Error(`next start svarede ikke: ${log}`);
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
