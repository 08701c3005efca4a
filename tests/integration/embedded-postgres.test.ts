/**
 * The embedded PostgreSQL lifecycle, through the real CLI in its own data folder:
 * Ctrl-C stops the server, a restart keeps the data, and a second start while one runs
 * reuses it instead of corrupting anything.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { withClient } from "./helpers/db";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ldbu-embedded-"));
const children: ChildProcess[] = [];
afterAll(() => {
  children.forEach((c) => c.kill("SIGKILL"));
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function startDb(): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, LDBU_DATA_DIR: dataDir };
  delete env.DATABASE_URL; // force the embedded server
  const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/ldbu.ts", "db:start"], { env });
  children.push(child);
  let out = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`db:start svarede ikke: ${out}`)), 90_000);
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = out.match(/DATABASE_URL=(\S+)/);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1], output: () => out });
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.on("exit", (code) => reject(new Error(`db:start sluttede (${code}): ${out}`)));
  });
}

const exited = (c: ChildProcess) => new Promise<void>((r) => (c.exitCode !== null ? r() : c.on("exit", () => r())));
const postmasterRunning = () => fs.existsSync(path.join(dataDir, "pg", "postmaster.pid"));

describe("embedded PostgreSQL", () => {
  it("stops on Ctrl-C, keeps data across restarts, and a second start reuses the running server", async () => {
    const first = await startDb();
    await withClient(first.url, async (c) => {
      await c.query("CREATE TABLE keep (v text)");
      await c.query("INSERT INTO keep VALUES ('bevaret')");
      // PostgreSQL's own C.UTF-8: text in code point order, Danish letters still case-mapped
      const { rows } = await c.query(
        `SELECT d.datlocprovider AS provider, d.datlocale AS locale, upper('æøå') AS upper, array_agg(w ORDER BY w) AS sorted
         FROM pg_database d, unnest(ARRAY['Aabenraa', 'Ærø', 'Århus', 'Odense', 'Øster']) AS w WHERE d.datname = current_database()
         GROUP BY 1, 2`,
      );
      expect(rows).toEqual([{ provider: "b", locale: "C.UTF-8", upper: "ÆØÅ", sorted: ["Aabenraa", "Odense", "Århus", "Ærø", "Øster"] }]);
    });

    const second = await startDb();
    expect(second.output()).toContain("genbruger");
    expect(second.url).toBe(first.url);
    second.child.kill("SIGINT");
    await exited(second.child);
    // The reusing process must not have stopped the server it did not start.
    await withClient(first.url, async (c) => expect((await c.query("SELECT v FROM keep")).rows).toEqual([{ v: "bevaret" }]));

    first.child.kill("SIGINT");
    await exited(first.child);
    expect(postmasterRunning()).toBe(false);

    const again = await startDb();
    await withClient(again.url, async (c) => expect((await c.query("SELECT v FROM keep")).rows).toEqual([{ v: "bevaret" }]));
    again.child.kill("SIGINT");
    await exited(again.child);
    expect(postmasterRunning()).toBe(false);
  });
});
