/**
 * Who is on the other end of a request: the socket address, or – only when that socket belongs to a
 * configured trusted reverse proxy (LDBU_TRUSTED_PROXIES) – the address that proxy appended to
 * X-Forwarded-For. A client-sent X-Forwarded-For is never believed on its own.
 *
 * Next.js does not give route handlers the socket address (and keeps a client-sent X-Forwarded-For),
 * so ./peer-stamp.ts writes the socket address into PEER_HEADER for every request, overwriting
 * anything a client sent under that name.
 */
import net from "node:net";

export const PEER_HEADER = "x-ldbu-peer";

/** Key used when the socket address is unknown (a request that arrived before the stamp was installed). */
export const UNKNOWN_ADDRESS = "ukendt";

/** "::ffff:10.0.0.1" → "10.0.0.1"; "[::1]:443" → "::1"; "10.0.0.1:5000" → "10.0.0.1"; garbage → null. */
export function normalizeAddress(raw: string | null | undefined): string | null {
  let a = (raw ?? "").trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(":"));
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(a);
  if (mapped) a = mapped[1];
  return net.isIP(a) ? a.toLowerCase() : null;
}

export interface TrustedProxies {
  check: (address: string) => boolean;
}

/** Parses "10.0.0.0/8, 127.0.0.1, ::1" (addresses and CIDR ranges); throws with a Danish message on a bad entry. */
export function parseTrustedProxies(spec: string | undefined): TrustedProxies {
  const list = new net.BlockList();
  for (const entry of (spec ?? "").split(",").map((s) => s.trim()).filter(Boolean)) {
    const [addr, prefix, extra] = entry.split("/");
    const family = net.isIP(addr);
    const bits = prefix === undefined ? null : Number(prefix);
    const max = family === 6 ? 128 : 32;
    if (!family || extra !== undefined || (bits !== null && !(Number.isInteger(bits) && bits >= 0 && bits <= max)))
      throw new Error(`LDBU_TRUSTED_PROXIES: "${entry}" er hverken en IP-adresse eller et CIDR-net (fx 10.0.0.0/8).`);
    const type = family === 6 ? "ipv6" : "ipv4";
    if (bits === null) list.addAddress(addr, type);
    else list.addSubnet(addr, bits, type);
  }
  return { check: (address) => list.check(address, net.isIP(address) === 6 ? "ipv6" : "ipv4") };
}

/**
 * The client's address: start at the socket peer and, while the current hop is a trusted proxy, step one
 * entry to the left in X-Forwarded-For (proxies append the address they saw). Null when the peer is unknown.
 */
export function clientAddress(peer: string | null | undefined, forwardedFor: string | null | undefined, trusted: TrustedProxies): string | null {
  let address = normalizeAddress(peer);
  if (!address) return null;
  const hops = (forwardedFor ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  while (trusted.check(address) && hops.length) {
    const next = normalizeAddress(hops.pop());
    if (!next) break;
    address = next;
  }
  return address;
}

/** IPv6 addresses as their /64 network (one household or host gets a whole /64), IPv4 as they are. */
export function throttleKey(address: string): string {
  if (net.isIP(address) !== 6) return address;
  const [head, tail = ""] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = address.includes("::") && tail ? tail.split(":") : [];
  const groups = address.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(":")}::/64`;
}

let trustedFromEnv: { spec: string | undefined; parsed: TrustedProxies } | undefined;

/** The configured trusted proxies (parsed once per value of LDBU_TRUSTED_PROXIES). */
export function trustedProxies(): TrustedProxies {
  const spec = process.env.LDBU_TRUSTED_PROXIES;
  if (!trustedFromEnv || trustedFromEnv.spec !== spec) trustedFromEnv = { spec, parsed: parseTrustedProxies(spec) };
  return trustedFromEnv.parsed;
}

/** The client address of a request (headers as a Headers object or next-auth's plain object). */
export function requestClientAddress(headers: Headers | Record<string, string | string[] | undefined>): string {
  const get = (name: string) => {
    const v = headers instanceof Headers ? headers.get(name) : headers[name];
    return Array.isArray(v) ? v.join(",") : (v ?? null);
  };
  return clientAddress(get(PEER_HEADER), get("x-forwarded-for"), trustedProxies()) ?? UNKNOWN_ADDRESS;
}

/** Whether the request reached the app through a trusted proxy (whose X-Forwarded-* headers may then be believed). */
export function fromTrustedProxy(headers: Headers): boolean {
  const peer = normalizeAddress(headers.get(PEER_HEADER));
  return peer !== null && trustedProxies().check(peer);
}
