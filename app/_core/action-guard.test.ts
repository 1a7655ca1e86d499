import { describe, expect, it } from "vitest";
import { MAX_DEPTH, refuseMalformedAction, wellFormedActionBody, withinDepth } from "./action-guard";

const post = (body: BodyInit | null, headers: Record<string, string>) =>
  new Request("http://portal.test/vraag", { method: "POST", body, headers: { host: "portal.test", ...headers } });
const action = { "next-action": "7f00aa", "content-type": "text/plain;charset=UTF-8", origin: "http://portal.test" };

describe("refuseMalformedAction", () => {
  it("lets well-formed posts and everything that is not an action through", async () => {
    expect(await refuseMalformedAction(post(JSON.stringify([{ a: 1 }, "$undefined"]), action))).toBeNull();
    expect(await refuseMalformedAction(post("x", { "content-type": "application/json" }))).toBeNull(); // not an action
    expect(await refuseMalformedAction(new Request("http://portal.test/vraag"))).toBeNull();
    const form = new FormData();
    form.set("a", "b");
    const multipart = new Request("http://portal.test/vraag", {
      method: "POST",
      body: form,
      headers: { host: "portal.test", origin: "http://portal.test", "next-action": "7f" },
    });
    expect(await refuseMalformedAction(multipart)).toBeNull();
    // no Origin: not a browser, Next.js lets it through as well
    expect(await refuseMalformedAction(post("[]", { "next-action": "7f", "content-type": "text/plain" }))).toBeNull();
  });

  it("answers 403 for a cross-origin, null or unparsable Origin", async () => {
    for (const origin of ["https://evil.example", "null", "not a url", "http://portal.test.evil.example"]) {
      expect((await refuseMalformedAction(post("[]", { ...action, origin })))?.status, origin).toBe(403);
    }
    // behind a proxy that sets x-forwarded-host, that host counts (as in Next.js)
    expect(
      await refuseMalformedAction(
        post("[]", { ...action, origin: "https://helpdesk.example", "x-forwarded-host": "helpdesk.example" }),
      ),
    ).toBeNull();
  });

  it("answers 415 for other content types, 400 for multipart without a boundary", async () => {
    expect((await refuseMalformedAction(post("{}", { ...action, "content-type": "application/json" })))?.status).toBe(
      415,
    );
    expect((await refuseMalformedAction(post("x", { ...action, "content-type": "multipart/form-data" })))?.status).toBe(
      400,
    );
  });

  it("answers 400 for small multipart bodies that do not parse or carry malformed argument rows", async () => {
    const b = "----grens";
    const mp = (body: string) =>
      post(body, {
        ...action,
        "content-type": `multipart/form-data; boundary=${b}`,
        "content-length": String(Buffer.byteLength(body)),
      });
    const part = (name: string, value: string) =>
      `--${b}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    expect(
      await refuseMalformedAction(
        mp(part("0", '["$K1"]') + part("1_vraag", "gewone tekst, geen JSON") + `--${b}--\r\n`),
      ),
    ).toBeNull();
    expect((await refuseMalformedAction(mp(`--${b}\r\ngarbage without headers`)))?.status).toBe(400);
    expect(
      (await refuseMalformedAction(mp(part("0", "[".repeat(100_000) + "]".repeat(100_000)) + `--${b}--\r\n`)))?.status,
    ).toBe(400);
    expect((await refuseMalformedAction(mp(part("0", "garbage{") + `--${b}--\r\n`)))?.status).toBe(400);
    expect(
      (await refuseMalformedAction(mp(`--${b}\r\nContent-Disposition: form-data; name="$ACTION_ID_7f"\r\n\r\n`)))
        ?.status,
    ).toBe(400);
  });

  it("answers 400 for garbage, invalid UTF-8 and 100k-deep nesting; 413 for a huge text body", async () => {
    expect((await refuseMalformedAction(post("garbage{{{", action)))?.status).toBe(400);
    expect(
      (await refuseMalformedAction(post(new Uint8Array([0x5b, 0x22, 0xff, 0xfe, 0x22, 0x5d]), action)))?.status,
    ).toBe(400);
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    const res = await refuseMalformedAction(post(deep, action));
    expect(res?.status).toBe(400);
    expect(await res!.json()).toEqual({ error: "Het formulier is niet goed verstuurd." });
    expect((await refuseMalformedAction(post("[" + '"x",'.repeat(300_000) + '"x"]', action)))?.status).toBe(413);
  });
});

describe("wellFormedActionBody", () => {
  it("counts nesting outside strings only", () => {
    expect(withinDepth('["[[[[[[[[[[[[", "\\"[["]', 2)).toBe(true);
    expect(withinDepth("[".repeat(MAX_DEPTH + 1), MAX_DEPTH)).toBe(false);
    expect(wellFormedActionBody(new TextEncoder().encode('{"a":[1,2,{"b":"é"}]}'))).toBe(true);
    expect(wellFormedActionBody(new TextEncoder().encode("[".repeat(MAX_DEPTH) + "]".repeat(MAX_DEPTH)))).toBe(true);
  });
});
