import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  bodySlots,
  largeBodies,
  refuseOversizedPagePost,
  SERVER_ACTION_MAX_BYTES,
  UPLOAD_TOO_LARGE_MESSAGE,
  uploadConcurrency,
} from "./body-limit";
import { route } from "./route";

const post = (headers: Record<string, string>, method = "POST") =>
  new Request("http://x/vraag", { method, headers, body: method === "POST" ? "x" : undefined });

describe("refuseOversizedPagePost (proxy)", () => {
  it("answers 413 with the Dutch message for a page post declaring more than the server-action limit", async () => {
    const res = refuseOversizedPagePost(post({ "content-length": String(20 * 1024 * 1024), "next-action": "abc" }))!;
    expect(res.status).toBe(413);
    expect((await res.json()).error).toBe(UPLOAD_TOO_LARGE_MESSAGE);
  });

  it("lets small posts, GETs and posts without a declared length through", () => {
    expect(refuseOversizedPagePost(post({ "content-length": String(SERVER_ACTION_MAX_BYTES) }))).toBeNull();
    expect(refuseOversizedPagePost(post({}, "GET"))).toBeNull();
    expect(refuseOversizedPagePost(post({ "content-length": "abc" }))).toBeNull();
  });
});

describe("route(): large bodies", () => {
  let inHandler = 0;
  let peak = 0;
  const h = route({ name: "t", body: z.object({ pad: z.string() }), maxBytes: 3 * 1024 * 1024 }, async ({ body }) => {
    peak = Math.max(peak, ++inHandler);
    await new Promise((r) => setTimeout(r, 20));
    inHandler--;
    return { n: body.pad.length };
  });
  const big = (n: number, headers: Record<string, string> = {}) =>
    h(
      new Request("http://x/api", {
        method: "POST",
        body: JSON.stringify({ pad: "x".repeat(n) }),
        headers: { "content-type": "application/json", ...headers },
      }),
    );

  it("refuses by Content-Length with a 413 before reading, and by counting when none is declared", async () => {
    const declared = await h(
      new Request("http://x/api", {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": String(4 * 1024 * 1024) },
        body: new ReadableStream({
          pull: () => {
            throw new Error("the body must not be read");
          },
        }),
        duplex: "half",
      } as RequestInit),
    );
    expect(declared.status).toBe(413);
    expect((await declared.json()).error).toMatch(/te groot \(maximaal 3 MB\)/);
    const counted = await big(4 * 1024 * 1024);
    expect(counted.status).toBe(413);
  });

  it("reads at most 3 large bodies at a time; the rest wait their turn", async () => {
    peak = 0;
    const results = await Promise.all(Array.from({ length: 8 }, () => big(2 * 1024 * 1024)));
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect(peak).toBe(3);
    expect(largeBodies.active).toBe(0);
  });
});

describe("uploadConcurrency", () => {
  it("reads UPLOAD_CONCURRENCY, falling back to 3 for anything that is not a whole number from 1 to 1000", () => {
    expect([undefined, "", "0", "-1", "2.5", "abc", "1001"].map((v) => uploadConcurrency(v))).toEqual([
      3, 3, 3, 3, 3, 3, 3,
    ]);
    expect(uploadConcurrency("1")).toBe(1);
    expect(uploadConcurrency("40")).toBe(40);
  });
});

describe("bodySlots", () => {
  it("hands out slots in order, queues up to the limit and answers 503 beyond it", async () => {
    const s = bodySlots(2, 1);
    const a = await s.acquire();
    const b = await s.acquire();
    let third = false;
    const c = s.acquire().then((r) => ((third = true), r));
    await expect(s.acquire()).rejects.toMatchObject({ status: 503 });
    expect(third).toBe(false);
    a();
    a(); // releasing twice frees one slot only
    const rc = await c;
    expect(third).toBe(true);
    expect(s.active).toBe(2);
    b();
    rc();
    expect(s.active).toBe(0);
  });
});
