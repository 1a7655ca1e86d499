import { describe, expect, it } from "vitest";
import { z } from "zod";
import { route } from "./route";
import { NotFoundError } from "./errors";

const echo = route({ name: "test", body: z.object({ n: z.number().int() }), maxBytes: 100 }, async ({ body }) => ({
  doubled: body.n * 2,
}));
const post = (body: string, headers: Record<string, string> = {}) =>
  echo(
    new Request("http://x/api", { method: "POST", body, headers: { "content-type": "application/json", ...headers } }),
  );

describe("route wrapper", () => {
  it("validates and answers JSON", async () => {
    const res = await post(JSON.stringify({ n: 21 }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ doubled: 42 });
  });

  it.each([
    ["not JSON", "{nope", /geen geldige JSON/],
    ["wrong type", JSON.stringify({ n: "x" }), /invoer klopt niet/],
    ["empty", "", /geen geldige JSON/],
  ])("answers 400 with {error, issues} for %s", async (_name, body, msg) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    const json = await res.json();
    expect(json.error).toMatch(msg);
    expect(Array.isArray(json.issues)).toBe(true);
  });

  it("names the field of a validation error", async () => {
    const json = await (await post(JSON.stringify({ n: 1.5 }))).json();
    expect(json.issues[0].path).toBe("n");
  });

  it("validates with a schema factory (a schema that needs data), built per request, body and query alike", async () => {
    let known = ["a"];
    let built = 0;
    const pick = route(
      {
        name: "t",
        body: async () => {
          built++;
          return z.object({ id: z.enum(known as [string, ...string[]], "Onbekend.") });
        },
        query: () => z.object({ page: z.coerce.number().int().min(1) }),
        invalidBody: "Klopt niet.",
      },
      async ({ body, query }) => ({ id: body.id, page: query.page }),
    );
    const call = (id: string, page = "1") =>
      pick(new Request(`http://x/api?page=${page}`, { method: "POST", body: JSON.stringify({ id }) }));
    expect(await (await call("a")).json()).toEqual({ id: "a", page: 1 });
    const bad = await call("b");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: "Klopt niet.", issues: [{ path: "id", message: "Onbekend." }] });
    known = ["a", "b"];
    expect(await (await call("b")).json()).toEqual({ id: "b", page: 1 });
    expect(built).toBe(3);
    const badQuery = await call("a", "0");
    expect(badQuery.status).toBe(400);
    expect((await badQuery.json()).error).toBe("De zoekparameters kloppen niet.");
  });

  it("maps expected errors to their status and hides unexpected ones", async () => {
    const nf = route({ name: "t" }, async () => {
      throw new NotFoundError("Weg.");
    });
    const boom = route({ name: "t" }, async () => {
      throw new Error("database password is hunter2");
    });
    const r1 = await nf(new Request("http://x"));
    expect(r1.status).toBe(404);
    expect((await r1.json()).error).toBe("Weg.");
    const errors: string[] = [];
    const orig = console.error;
    console.error = (m: string) => errors.push(m);
    const r2 = await boom(new Request("http://x"));
    console.error = orig;
    expect(r2.status).toBe(500);
    const body = await r2.text();
    expect(body).not.toContain("hunter2");
    expect(errors.join("")).toContain("hunter2");
  });
});
