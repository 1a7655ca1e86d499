// Who is asking: the address rate limits count against. Pure (no Next.js, no Prisma) so it is tested directly.
//
// The socket address is the only address a client cannot choose. Next.js (16.4, `next start`) does not hand it to
// route handlers, server actions or proxy.ts: it only fills in `x-forwarded-for` when the request has none
// (base-server.js: `req.headers['x-forwarded-for'] ??= socket.remoteAddress`), so a client-set header wins.
// instrumentation.ts therefore subscribes to Node's `http.server.request.start` diagnostics channel, which fires
// for every request before any request handler runs, and overwrites PEER_HEADER with `socket.remoteAddress`.
// Whatever a client sends under that name is replaced, so the header is as trustworthy as the socket.
//
// `x-forwarded-for` is believed only as far as TRUSTED_PROXIES says: walking from the right (the hop that talked to
// us) to the left, every address that is a trusted proxy is skipped; the first one that is not is the client.
// Without TRUSTED_PROXIES the header is ignored altogether.
import "server-only";
import { isIP } from "node:net";

export const PEER_HEADER = "x-portal-peer";

/** A parsed address or CIDR block. */
export type Cidr = { v6: boolean; bits: bigint; prefix: number };

/** Parses "10.0.0.0/8", "192.168.1.4", "::1", "fd00::/8"; null when it is not one. */
export function parseCidr(text: string): Cidr | null {
  const [addr, prefixText, extra] = text.trim().split("/");
  if (extra !== undefined || !addr) return null;
  const ip = toBits(addr);
  if (!ip) return null;
  const max = ip.v6 ? 128 : 32;
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  if (prefix > max) return null;
  return { v6: ip.v6, bits: mask(ip.bits, prefix, max), prefix };
}

/** Parses the TRUSTED_PROXIES setting: comma-separated addresses/CIDRs, or "loopback" / "private" shorthands. */
export function parseTrustedProxies(
  value: string | undefined,
): { ok: true; list: Cidr[] } | { ok: false; bad: string } {
  const list: Cidr[] = [];
  for (const raw of (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const names = SHORTHANDS[raw.toLowerCase()];
    for (const item of names ?? [raw]) {
      const c = parseCidr(item);
      if (!c) return { ok: false, bad: raw };
      list.push(c);
    }
  }
  return { ok: true, list };
}

const SHORTHANDS: Record<string, string[]> = {
  loopback: ["127.0.0.0/8", "::1/128"],
  private: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7", "127.0.0.0/8", "::1/128"],
};

/** Whether an address falls in one of the blocks. */
export function inList(address: string, list: Cidr[]): boolean {
  const ip = toBits(address);
  if (!ip) return false;
  return list.some((c) => c.v6 === ip.v6 && mask(ip.bits, c.prefix, ip.v6 ? 128 : 32) === c.bits);
}

/**
 * The client address: the socket peer, or — when the peer is a trusted proxy — the right-most address in
 * `x-forwarded-for` that is not a trusted proxy. Addresses come back normalised (IPv4-mapped IPv6 as IPv4).
 * Without a peer (no server hook, e.g. a script calling a handler) every such request shares one "unknown" key:
 * limits then hold for all of them together, never for nobody.
 */
export function resolveClientIp(opts: {
  peer: string | null | undefined;
  forwardedFor: string | null | undefined;
  trusted: Cidr[];
}): string {
  const peer = normalise(opts.peer ?? "");
  if (!peer) return "unknown";
  if (!opts.trusted.length || !inList(peer, opts.trusted)) return peer;
  const hops = (opts.forwardedFor ?? "")
    .split(",")
    .map((h) => normalise(h))
    .filter((h): h is string => h !== null);
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!inList(hops[i]!, opts.trusted)) return hops[i]!;
  }
  // Every hop is a trusted proxy (or the header is missing or garbage): the left-most trusted hop is the best we know.
  return hops[0] ?? peer;
}

/** An address as text in canonical form, or null when it is not an IP address (ports and brackets stripped). */
export function normalise(text: string): string | null {
  let s = text.trim();
  if (!s) return null;
  const bracket = /^\[([^\]]+)\](?::\d+)?$/.exec(s);
  if (bracket) s = bracket[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(s)) s = s.slice(0, s.lastIndexOf(":"));
  s = s.replace(/%.*$/, ""); // zone id
  const v = isIP(s);
  if (v === 4) return s;
  if (v !== 6) return null;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(s);
  if (mapped) return mapped[1]!;
  return v6ToText(toBits(s)!.bits);
}

function toBits(text: string): { v6: boolean; bits: bigint } | null {
  const s = text.trim();
  const v = isIP(s);
  if (v === 4) return { v6: false, bits: s.split(".").reduce((acc, p) => (acc << 8n) | BigInt(Number(p)), 0n) };
  if (v !== 6) return null;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(s);
  if (mapped) return toBits(mapped[1]!);
  const [head, tail] = s.includes("::") ? s.split("::") : [s, undefined];
  const parse = (part: string | undefined) => (part ? part.split(":") : []);
  let left = parse(head);
  let right = parse(tail);
  // An embedded IPv4 tail (::1.2.3.4) counts as two groups.
  const fixV4 = (groups: string[]) => {
    const last = groups[groups.length - 1];
    if (last && last.includes(".")) {
      const n = Number(toBits(last)!.bits);
      groups.splice(groups.length - 1, 1, ((n >>> 16) & 0xffff).toString(16), (n & 0xffff).toString(16));
    }
    return groups;
  };
  if (tail === undefined) left = fixV4(left);
  else right = fixV4(right);
  const fill = 8 - left.length - right.length;
  const groups = tail === undefined ? left : [...left, ...Array(fill).fill("0"), ...right];
  return { v6: true, bits: groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g || "0", 16)), 0n) };
}

function mask(bits: bigint, prefix: number, max: number): bigint {
  if (prefix === 0) return 0n;
  const m = ((1n << BigInt(prefix)) - 1n) << BigInt(max - prefix);
  return bits & m;
}

function v6ToText(bits: bigint): string {
  const groups: string[] = [];
  for (let i = 7; i >= 0; i--) groups.push(((bits >> BigInt(i * 16)) & 0xffffn).toString(16));
  return groups.join(":");
}

/**
 * Makes every HTTP request in this process carry its socket address in PEER_HEADER, replacing anything a client
 * sent under that name. Node publishes `http.server.request.start` synchronously before the server's 'request'
 * handlers (Next.js's among them) run. Called once from instrumentation.ts.
 */
export async function installPeerHeader(): Promise<void> {
  const g = globalThis as { __portalPeerHook?: unknown };
  if (g.__portalPeerHook) return;
  const dc = await import("node:diagnostics_channel");
  // Held on globalThis so the channel (and with it the subscription) lives as long as the process.
  const channel = dc.channel("http.server.request.start");
  g.__portalPeerHook = channel;
  channel.subscribe((message) => {
    const { request, socket } = message as {
      request: { headers: Record<string, string | string[] | undefined> };
      socket?: { remoteAddress?: string };
    };
    request.headers[PEER_HEADER] = socket?.remoteAddress ?? "";
  });
}
