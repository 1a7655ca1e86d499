// The server-action wrapper and the role gate. The session itself (cookie → Auth.js → database row) is covered by
// auth.int.test.ts and needs a Next.js request; here the one seam is who getSessionUser() says is logged in.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { SessionUser } from "./session";

const session = vi.hoisted(() => ({ user: null as SessionUser | null, pageHeaders: new Headers() }));
vi.mock("./auth", () => ({ getSessionUser: async () => session.user }));
vi.mock("next/headers", () => ({ headers: async () => session.pageHeaders }));

const { action } = await import("./action");
const { requirePageRole, requireRole } = await import("./guard");
const { NotFoundError, ValidationError } = await import("./errors");
const { RETURN_PATH_HEADER } = await import("./safe-redirect");

const agent: SessionUser = { id: "u1", email: "a@x.nl", name: "Agent", role: "agent", desks: ["po"] };
const editor: SessionUser = { ...agent, id: "u2", role: "editor", desks: [] };
const admin: SessionUser = { ...agent, id: "u3", role: "admin", desks: ["po", "vo-mbo"] };

beforeEach(() => {
  session.user = null;
  session.pageHeaders = new Headers();
});

describe("action()", () => {
  const schema = z.object({ n: z.number().int("Vul een heel getal in."), note: z.string().max(5).optional() });
  const double = action({ name: "test.double", roles: ["agent"], schema }, async (input, { user }) => ({
    doubled: input.n * 2,
    by: user.id,
  }));

  it("runs the handler for a user with the role (admins pass every role) and hands it the user", async () => {
    session.user = agent;
    expect(await double({ n: 21 })).toEqual({ ok: true, data: { doubled: 42, by: "u1" } });
    session.user = admin;
    expect(await double({ n: 1 })).toEqual({ ok: true, data: { doubled: 2, by: "u3" } });
  });

  it("refuses the anonymous and the wrong role without running the handler", async () => {
    const run = vi.fn(async () => "ran");
    const guarded = action({ name: "test.guarded", roles: ["agent"], schema }, run);
    expect(await guarded({ n: 1 })).toEqual({ ok: false, error: "Log eerst in.", fieldErrors: {} });
    session.user = editor;
    expect(await guarded({ n: 1 })).toEqual({ ok: false, error: "Niet gevonden.", fieldErrors: {} });
    expect(run).not.toHaveBeenCalled();
  });

  it("answers per-field messages for bad input and does not run the handler", async () => {
    session.user = agent;
    const run = vi.fn(async () => "ran");
    const guarded = action({ name: "test.fields", roles: ["agent"], schema }, run);
    const r = await guarded({ n: 1.5, note: "te lange notitie" });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toBe("Niet alle velden zijn goed ingevuld.");
    expect(r.fieldErrors.n).toBe("Vul een heel getal in.");
    expect(Object.keys(r.fieldErrors).sort()).toEqual(["n", "note"]);
    expect(run).not.toHaveBeenCalled();
  });

  it("cleans text before validation (NUL and control characters never reach the handler)", async () => {
    session.user = agent;
    const echo = action({ name: "test.echo", roles: ["agent"], schema: z.object({ s: z.string() }) }, async (i) => i.s);
    const r = await echo({ s: "a\u0000b\u0007c" });
    expect(r.ok && r.data).not.toMatch(/[\u0000\u0007]/);
  });

  it("passes the user to a public action, or null when nobody is logged in", async () => {
    const who = action({ name: "test.who", schema: z.object({}) }, async (_i, { user }) => user?.id ?? null);
    expect(await who({})).toEqual({ ok: true, data: null });
    session.user = editor;
    expect(await who({})).toEqual({ ok: true, data: "u2" });
  });

  it("maps an expected error to its message and field errors, anything else to the generic message", async () => {
    const expected = action({ name: "test.expected", schema: z.object({}) }, async () => {
      throw new ValidationError("Dat kan niet.", [{ path: "title", message: "Te kort." }]);
    });
    expect(await expected({})).toEqual({ ok: false, error: "Dat kan niet.", fieldErrors: { title: "Te kort." } });
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const broken = action({ name: "test.broken", schema: z.object({}) }, async () => {
      throw new Error("database on fire");
    });
    const r = await broken({});
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/Er ging iets mis/), fieldErrors: {} });
    expect(JSON.stringify(r)).not.toMatch(/database on fire/);
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });

  it("lets redirect() and notFound() through to Next.js", async () => {
    const digest = Object.assign(new Error("NEXT_REDIRECT"), { digest: "NEXT_REDIRECT;replace;/x;307;" });
    const redirects = action({ name: "test.redirect", schema: z.object({}) }, async () => {
      throw digest;
    });
    await expect(redirects({})).rejects.toBe(digest);
  });
});

describe("requireRole()", () => {
  it("returns the user with the role, throws 401 for the anonymous and 404 for the wrong role", async () => {
    session.user = agent;
    expect(await requireRole(["agent"])).toBe(agent);
    session.user = admin;
    expect(await requireRole(["editor"])).toBe(admin);
    session.user = null;
    await expect(requireRole(["agent"])).rejects.toMatchObject({ status: 401 });
    session.user = editor;
    await expect(requireRole(["agent"])).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("requirePageRole()", () => {
  const digestOf = async (p: Promise<unknown>) =>
    (
      (await p.then(
        () => null,
        (e) => e,
      )) as { digest?: string }
    ).digest;

  it("returns the user with the role", async () => {
    session.user = editor;
    expect(await requirePageRole(["editor"], "/redactie")).toBe(editor);
  });

  it("sends the anonymous to the login page with the way back, the page asked for when it is in the same area", async () => {
    expect(await digestOf(requirePageRole(["agent"], "/desk"))).toMatch(/;\/inloggen\?terug=%2Fdesk;/);
    session.pageHeaders = new Headers({ [RETURN_PATH_HEADER]: "/desk/tickets/PO-1?tab=log" });
    expect(await digestOf(requirePageRole(["agent"], "/desk"))).toContain(
      `terug=${encodeURIComponent("/desk/tickets/PO-1?tab=log")};`,
    );
    // A path in another area, or off-site, is not a way back: the caller's own page is.
    session.pageHeaders = new Headers({ [RETURN_PATH_HEADER]: "/redactie/artikelen" });
    expect(await digestOf(requirePageRole(["agent"], "/desk"))).toMatch(/terug=%2Fdesk;/);
    session.pageHeaders = new Headers({ [RETURN_PATH_HEADER]: "//evil.example/desk" });
    expect(await digestOf(requirePageRole(["agent"], "/desk"))).toMatch(/terug=%2Fdesk;/);
  });

  it("answers 404 (not a hint that the page exists) for a logged-in user without the role", async () => {
    session.user = editor;
    expect(await digestOf(requirePageRole(["agent"], "/desk"))).toMatch(/^NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/);
  });
});
