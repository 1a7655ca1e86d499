// Which webhook URLs the portal may call. http(s) only, no credentials in the URL. In production, loopback,
// private, link-local (cloud metadata) and other internal addresses are refused — both the literal host and every
// address its name resolves to, at registration and again before each delivery — unless WEBHOOK_ALLOW_PRIVATE is on.
// Outside production (development, tests) internal addresses are allowed.
import "server-only";
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { inList, normalise, parseCidr, type Cidr } from "@/app/_core/client-ip";
import { env } from "@/app/_core/env";

const INTERNAL: Cidr[] = [
  "0.0.0.0/8",
  "10.0.0.0/8",
  "100.64.0.0/10",
  "127.0.0.0/8",
  "169.254.0.0/16",
  "172.16.0.0/12",
  "192.0.0.0/24",
  "192.168.0.0/16",
  "198.18.0.0/15",
  "224.0.0.0/4",
  "240.0.0.0/4",
  "::/128",
  "::1/128",
  "fc00::/7",
  "fe80::/10",
  "ff00::/8",
].map((c) => parseCidr(c)!);

export const isInternalAddress = (address: string) => {
  // The URL parser writes an IPv4-mapped address in hex (::ffff:7f00:1); check it as the IPv4 address it is.
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (hex) {
    const [hi, lo] = [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16)];
    address = `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  const n = normalise(address);
  return n === null ? false : inList(n, INTERNAL);
};

/** Whether this process may call internal addresses (WEBHOOK_ALLOW_PRIVATE, or not production). */
export function internalAllowed(): boolean {
  const e = env();
  return e.WEBHOOK_ALLOW_PRIVATE ?? e.NODE_ENV !== "production";
}

export type UrlCheck = { ok: true; url: URL } | { ok: false; message: string };

/** Checks a webhook URL; resolves the host name when internal addresses are not allowed. Messages are Dutch. */
export async function checkWebhookUrl(
  raw: string,
  opts: { allowInternal?: boolean; resolve?: (host: string) => Promise<string[]> } = {},
): Promise<UrlCheck> {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, message: "Vul een volledig webadres in, zoals https://voorbeeld.nl/webhook." };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    return { ok: false, message: "Het webadres moet met http:// of https:// beginnen." };
  if (url.username || url.password)
    return { ok: false, message: "Zet geen gebruikersnaam of wachtwoord in het webadres; gebruik het geheim." };
  if (raw.length > 2000) return { ok: false, message: "Het webadres is te lang (maximaal 2000 tekens)." };
  if (opts.allowInternal ?? internalAllowed()) return { ok: true, url };
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const refused = {
    ok: false as const,
    message: "Dit webadres wijst naar een intern of lokaal netwerkadres. Dat is niet toegestaan.",
  };
  if (host === "localhost" || host.endsWith(".localhost")) return refused;
  if (isIP(host)) return isInternalAddress(host) ? refused : { ok: true, url };
  let addresses: string[];
  try {
    addresses = await (opts.resolve ?? ((h) => lookup(h, { all: true }).then((r) => r.map((a) => a.address))))(host);
  } catch {
    return { ok: false, message: `De naam ${host} bestaat niet (of is nu niet te vinden).` };
  }
  if (!addresses.length || addresses.some(isInternalAddress)) return refused;
  return { ok: true, url };
}
