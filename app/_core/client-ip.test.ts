import http from "node:http";
import { describe, expect, it } from "vitest";
import {
  installPeerHeader,
  inList,
  normalise,
  parseCidr,
  parseTrustedProxies,
  PEER_HEADER,
  resolveClientIp,
} from "./client-ip";
import { parseEnv } from "./env";

const trusted = (v: string) => {
  const r = parseTrustedProxies(v);
  if (!r.ok) throw new Error(r.bad);
  return r.list;
};

describe("resolveClientIp", () => {
  it("uses the socket address and ignores X-Forwarded-For when no proxy is trusted", () => {
    expect(resolveClientIp({ peer: "203.0.113.9", forwardedFor: "1.2.3.4", trusted: [] })).toBe("203.0.113.9");
    expect(resolveClientIp({ peer: "::ffff:203.0.113.9", forwardedFor: "1.2.3.4, 5.6.7.8", trusted: [] })).toBe(
      "203.0.113.9",
    );
  });

  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", () => {
    expect(resolveClientIp({ peer: "198.51.100.7", forwardedFor: "1.2.3.4", trusted: trusted("10.0.0.0/8") })).toBe(
      "198.51.100.7",
    );
  });

  it("takes the right-most untrusted hop behind trusted proxies, so a client-set prefix does not count", () => {
    const list = trusted("10.0.0.0/8, 192.168.1.1");
    // client forged "6.6.6.6"; the real client 203.0.113.5 was appended by the edge proxy 192.168.1.1
    expect(
      resolveClientIp({ peer: "10.0.0.2", forwardedFor: "6.6.6.6, 203.0.113.5, 192.168.1.1", trusted: list }),
    ).toBe("203.0.113.5");
    expect(resolveClientIp({ peer: "10.0.0.2", forwardedFor: "203.0.113.5", trusted: list })).toBe("203.0.113.5");
    // garbage hops are skipped, not believed
    expect(resolveClientIp({ peer: "10.0.0.2", forwardedFor: "203.0.113.5, not-an-ip", trusted: list })).toBe(
      "203.0.113.5",
    );
    // all hops trusted: the left-most
    expect(resolveClientIp({ peer: "10.0.0.2", forwardedFor: "10.1.1.1, 10.2.2.2", trusted: list })).toBe("10.1.1.1");
    // no header at all: the proxy itself
    expect(resolveClientIp({ peer: "10.0.0.2", forwardedFor: null, trusted: list })).toBe("10.0.0.2");
  });

  it("shares one key when the socket address is unknown (limits hold for all such requests together)", () => {
    expect(resolveClientIp({ peer: null, forwardedFor: "1.2.3.4", trusted: [] })).toBe("unknown");
    expect(resolveClientIp({ peer: "", forwardedFor: "1.2.3.4", trusted: trusted("loopback") })).toBe("unknown");
  });

  it("handles IPv6 blocks and normalises address spellings", () => {
    const list = trusted("fd00::/8, loopback");
    expect(resolveClientIp({ peer: "::1", forwardedFor: "2001:DB8::1, fd12::3", trusted: list })).toBe(
      "2001:db8:0:0:0:0:0:1",
    );
    expect(normalise("[2001:db8::1]:443")).toBe("2001:db8:0:0:0:0:0:1");
    expect(normalise("203.0.113.5:8080")).toBe("203.0.113.5");
    expect(normalise("fe80::1%eth0")).toBe("fe80:0:0:0:0:0:0:1");
    expect(normalise("evil.example")).toBeNull();
    expect(inList("172.20.1.1", trusted("private"))).toBe(true);
    expect(inList("172.32.1.1", trusted("private"))).toBe(false);
    expect(inList("::ffff:10.1.2.3", trusted("10.0.0.0/8"))).toBe(true);
  });
});

describe("TRUSTED_PROXIES", () => {
  it("accepts addresses, CIDR blocks and the shorthands; refuses anything else by name", () => {
    expect(parseCidr("10.0.0.0/8")).toMatchObject({ v6: false, prefix: 8 });
    expect(parseCidr("10.0.0.0/33")).toBeNull();
    expect(parseCidr("10.0.0.0/8/1")).toBeNull();
    expect(parseEnv({ TRUSTED_PROXIES: "10.0.0.0/8, ::1, loopback, private" }).TRUSTED_PROXIES).toBe(
      "10.0.0.0/8, ::1, loopback, private",
    );
    expect(parseEnv({}).TRUSTED_PROXIES).toBe("");
    expect(() => parseEnv({ TRUSTED_PROXIES: "10.0.0.0/8, proxy.internal" })).toThrow(
      /TRUSTED_PROXIES: "proxy.internal" is not an IP address/,
    );
  });
});

describe("installPeerHeader", () => {
  it("replaces a client-sent peer header with the socket address before the server sees the request", async () => {
    await installPeerHeader();
    const server = http.createServer((req, res) => res.end(String(req.headers[PEER_HEADER])));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as { port: number }).port;
    try {
      const res = await fetch(`http://127.0.0.1:${port}/`, {
        headers: { [PEER_HEADER]: "6.6.6.6", "x-forwarded-for": "6.6.6.6" },
      });
      expect(normalise(await res.text())).toBe("127.0.0.1");
    } finally {
      server.close();
    }
  });
});
