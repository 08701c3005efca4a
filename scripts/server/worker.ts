/**
 * One app process of the cluster (./cluster.ts): the built Next.js app through its custom-server API
 * on the port the primary shares among its workers. Exits when the primary goes away.
 */
import http from "node:http";
import next from "next";

const port = Number(process.env.PORT);
const app = next({ dev: false, dir: process.cwd(), port });
const handle = app.getRequestHandler();
await app.prepare();
const server = http.createServer((req, res) => {
  // FHIR receipts (OperationOutcomes of a few hundred bytes) go uncompressed: setting up gzip per answer cost the
  // receiver ~9 % of its throughput, to save bytes on the gateway's server-to-server link that do not matter.
  if (req.url?.startsWith("/fhir/")) delete req.headers["accept-encoding"];
  void handle(req, res);
});
server.listen(port, () => process.send?.({ ldbu: "listening" }));
// Finish the requests in progress (a report being stored is answered), then exit; never hang on a stuck connection.
process.on("SIGTERM", () => {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 10_000).unref();
});
