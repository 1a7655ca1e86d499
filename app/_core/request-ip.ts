// The client address of a request, for rate limits: the socket peer, or what TRUSTED_PROXIES report
// (the reasoning is in app/_core/client-ip.ts).
import "server-only";
import { PEER_HEADER, parseTrustedProxies, resolveClientIp, type Cidr } from "./client-ip";
import { env } from "./env";

let trusted: { value: string; list: Cidr[] } | undefined;

/** The address limits count against. */
export function clientIp(headers: Headers): string {
  const value = env().TRUSTED_PROXIES;
  if (trusted?.value !== value) {
    const parsed = parseTrustedProxies(value);
    trusted = { value, list: parsed.ok ? parsed.list : [] };
  }
  return resolveClientIp({
    peer: headers.get(PEER_HEADER),
    forwardedFor: headers.get("x-forwarded-for"),
    trusted: trusted.list,
  });
}
