/**
 * One app process of the cluster (./cluster.ts): the built Next.js app through its custom-server API, and the FHIR
 * receiver (./fhir.ts) and the dashboards' JSON calls (./views.ts) past Next.js, on the port the primary shares among
 * its workers. Exits when the primary goes away.
 */
import http from "node:http";
import next from "next";
import { fhirMode, serveFhir } from "./fhir";

const port = Number(process.env.PORT);
const app = next({ dev: false, dir: process.cwd(), port });
const handle = app.getRequestHandler();
await app.prepare();
// (loaded once Next.js is prepared: the views' modules reach Next's request storage, which it sets up)
const { serveView, viewRoute } = await import("./views");
const server = http.createServer((req, res) => {
  const fhir = fhirMode(req);
  const view = fhir ? null : viewRoute(req);
  if (fhir) void serveFhir(req, res, fhir);
  else if (view) void serveView(req, res, view);
  else void handle(req, res);
});
server.listen(port, () => process.send?.({ ldbu: "listening" }));
// Finish the requests in progress (a report being stored is answered), then exit; never hang on a stuck connection.
process.on("SIGTERM", () => {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 10_000).unref();
});
