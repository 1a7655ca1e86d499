import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseActionInput } from "./action";
import { route } from "./route";
import { cleanInput, cleanText, MAX_INPUT_DEPTH } from "./text";

describe("cleanText", () => {
  it.each([
    ["x\u0000y", "xy"],
    ["a\u0001\u0008\u000B\u000C\u001F\u007F\u0085\u009Fb", "ab"],
    ["regel 1\r\nregel 2\rregel 3", "regel 1\nregel 2\nregel 3"],
    ["tab\tblijft\nen newline ook", "tab\tblijft\nen newline ook"],
    ["los \uD800 hoog", "los \uFFFD hoog"],
    ["los \uDC00 laag", "los \uFFFD laag"],
    ["paar 😀 blijft", "paar 😀 blijft"],
    ["één café – “Ğ”", "één café – “Ğ”"],
  ])("cleans %j", (input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });
});

describe("cleanInput", () => {
  it("cleans strings in objects, arrays and keys, and leaves other values alone", () => {
    const file = new File(["a\u0000b"], "x.txt");
    const d = new Date(0);
    const out = cleanInput({ "k\u0000": ["a\u0000", { b: "c\uD800" }], n: 1, d, file, nil: null });
    expect(out).toEqual({ k: ["a", { b: "c\uFFFD" }], n: 1, d, file, nil: null });
    expect(out.file).toBe(file);
  });

  it("cleans the text entries of FormData and keeps files", () => {
    const fd = new FormData();
    fd.append("question", "vraag\u0000");
    const file = new File(["x"], "a.txt");
    fd.append("attachments", file);
    const out = cleanInput(fd);
    expect(out.get("question")).toBe("vraag");
    expect((out.get("attachments") as File).name).toBe("a.txt");
  });

  it("refuses input nested deeper than the limit with a 400, not a stack overflow", () => {
    let deep: unknown = "x";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(() => cleanInput(deep)).toThrow(/te diep genest/);
    let ok: unknown = "x";
    for (let i = 0; i < MAX_INPUT_DEPTH; i++) ok = [ok];
    expect(() => cleanInput(ok)).not.toThrow();
  });
});

describe("the wrappers clean every text field before validation", () => {
  it("action(): a NUL in any field never reaches the handler", () => {
    const r = parseActionInput(z.object({ a: z.string(), list: z.array(z.string()) }), {
      a: "x\u0000y",
      list: ["\uDC00", "ok"],
    });
    expect(r).toEqual({ ok: true, data: { a: "xy", list: ["\uFFFD", "ok"] } });
  });

  it("route(): body and query are cleaned", async () => {
    const h = route(
      { name: "t", body: z.object({ q: z.string() }), query: z.object({ s: z.string() }) },
      async ({ body, query }) => ({ q: body.q, s: query.s }),
    );
    const res = await h(
      new Request("http://x/api?s=a%00b", {
        method: "POST",
        body: JSON.stringify({ q: "c\u0000d" }),
        headers: { "content-type": "application/json" },
      }),
    );
    expect(await res.json()).toEqual({ q: "cd", s: "ab" });
  });

  it("route(): path segments are cleaned", async () => {
    const h = route<undefined, undefined, { id: string }>({ name: "t" }, async ({ params }) => ({ id: params.id }));
    const res = await h(new Request("http://x/api/a"), { params: Promise.resolve({ id: "a\u0000b" }) });
    expect(await res.json()).toEqual({ id: "ab" });
  });

  it("route(): 100k-deep JSON is a 400", async () => {
    const h = route({ name: "t", body: z.unknown(), maxBytes: 1_000_000 }, async () => ({ ok: true }));
    const body = "[".repeat(100_000) + "]".repeat(100_000);
    const res = await h(
      new Request("http://x/api", { method: "POST", body, headers: { "content-type": "application/json" } }),
    );
    expect(res.status).toBe(400);
  });
});
