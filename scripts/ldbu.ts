/**
 * `npm run ldbu -- <command>`: the single entry point for operating LDBU.
 */
import { COMMANDS } from "./commands";

async function main() {
  const [name, ...args] = process.argv.slice(2);
  if (!name || name === "--help" || name === "-h" || name === "help") {
    console.log("Brug: npm run ldbu -- <kommando> [argumenter]\n\nKommandoer:");
    for (const [cmd, c] of Object.entries(COMMANDS)) console.log(`  ${cmd.padEnd(22)} ${c.summary}`);
    console.log("\nUden DATABASE_URL bruges en indlejret PostgreSQL med data i .data/.");
    return;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`Ukendt kommando: ${name}. Se: npm run ldbu -- --help`);
    process.exit(2);
  }
  const code = await command.run(args);
  process.exit(code ?? 0);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  if (process.env.LDBU_DEBUG) console.error(e);
  process.exit(1);
});
