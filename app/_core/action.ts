// The one wrapper every server action uses: role check, input validation with per-field messages, and error
// mapping. Actions return a result object (never throw to the client), so forms can show field errors.
import "server-only";
import { z } from "zod";
import { GENERIC_ERROR, isExpectedError, logUnexpected, zodIssues } from "./errors";
import { getSessionUser } from "./auth";
import { requireRole } from "./guard";
import { cleanInput } from "./text";
import type { Role, SessionUser } from "./session";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string; fieldErrors: Record<string, string> };

type Options<I> = { name: string; roles?: readonly Role[]; schema: z.ZodType<I> };
type Action<O> = (raw: unknown) => Promise<ActionResult<O>>;

/** Wraps a server action for these roles: the handler gets the logged-in user (never null). */
export function action<I, O>(
  opts: Options<I> & { roles: readonly Role[] },
  fn: (input: I, ctx: { user: SessionUser }) => Promise<O>,
): Action<O>;
/** Wraps a public server action (`roles` omitted): the user, if any, is still passed. */
export function action<I, O>(
  opts: Options<I>,
  fn: (input: I, ctx: { user: SessionUser | null }) => Promise<O>,
): Action<O>;
export function action<I, O>(
  opts: Options<I>,
  // With roles, requireRole() has returned a user, so the handler that asked for one never sees null.
  fn:
    | ((input: I, ctx: { user: SessionUser }) => Promise<O>)
    | ((input: I, ctx: { user: SessionUser | null }) => Promise<O>),
): Action<O> {
  return async (raw: unknown): Promise<ActionResult<O>> => {
    try {
      const user = opts.roles ? await requireRole(opts.roles) : await getSessionUser();
      const parsed = parseActionInput(opts.schema, raw);
      if (!parsed.ok) return parsed;
      return {
        ok: true,
        data: await (fn as (input: I, ctx: { user: SessionUser | null }) => Promise<O>)(parsed.data, { user }),
      };
    } catch (e) {
      if (isDigestError(e)) throw e; // redirect() and notFound() must propagate
      if (isExpectedError(e)) return { ok: false, error: e.message, fieldErrors: toFieldErrors(e.issues) };
      logUnexpected(opts.name, e);
      return { ok: false, error: GENERIC_ERROR, fieldErrors: {} };
    }
  };
}

/** Cleans every text field (NUL, control characters, lone surrogates: see text.ts), then validates. */
export function parseActionInput<I>(schema: z.ZodType<I>, raw: unknown): ActionResult<I> {
  const parsed = schema.safeParse(cleanInput(raw));
  if (!parsed.success)
    return {
      ok: false,
      error: "Niet alle velden zijn goed ingevuld.",
      fieldErrors: toFieldErrors(zodIssues(parsed.error)),
    };
  return { ok: true, data: parsed.data };
}

function toFieldErrors(issues: { path: string; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) out[i.path || "_"] ??= i.message;
  return out;
}

const isDigestError = (e: unknown) =>
  typeof e === "object" &&
  e !== null &&
  "digest" in e &&
  typeof (e as { digest: unknown }).digest === "string" &&
  /^NEXT_(REDIRECT|NOT_FOUND|HTTP_ERROR)/.test((e as { digest: string }).digest);
