/** `node --import tsx scripts/server/main.ts <port> [processes]`: the app cluster as its own process (tests, benchmarks). */
import { appProcesses, serveCluster } from "./cluster";

const [port, processes] = process.argv.slice(2).map(Number);
process.exit(await serveCluster(port, processes || appProcesses()));
