/**
 * Writes every request's socket address into the PEER_HEADER request header before Next.js sees it,
 * replacing any value a client sent under that name. Installed once per server process from
 * instrumentation.ts (which runs before the server handles its first request; a request that was
 * already waiting then has no stamp and counts as UNKNOWN_ADDRESS).
 */
import http from "node:http";
import https from "node:https";
import { PEER_HEADER } from "./client-address";

const INSTALLED = Symbol.for("ldbu.peerStamp");

export function installPeerStamp() {
  for (const proto of [http.Server.prototype, https.Server.prototype] as (http.Server & { [INSTALLED]?: true })[]) {
    if (proto[INSTALLED]) continue;
    const emit = proto.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
    proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
      if (event === "request") {
        const req = args[0] as http.IncomingMessage;
        req.headers[PEER_HEADER] = req.socket?.remoteAddress ?? "";
      }
      return emit.call(this, event, ...args);
    } as typeof proto.emit;
    proto[INSTALLED] = true;
  }
}
