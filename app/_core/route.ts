// The one wrapper for every route handler: role check or API token (with scopes), body size limit, JSON parsing,
// zod validation of body and query, and error mapping (expected → its status and Dutch message; anything else →
// logged 500).
import "server-only";
import type { z } from "zod";
import { fromZod, GENERIC_ERROR, isExpectedError, logUnexpected, ValidationError, type ExpectedError } from "./errors";
import { authenticateApiToken, hasAuthorization, type ApiPrincipal, type ApiScope } from "./api-token";
import { requireRole } from "./guard";
import { queryRecord } from "./query-params";
import type { Role, SessionUser } from "./session";
import { cleanInput } from "./text";
import { declaredLength, LARGE_BODY_BYTES, largeBodies, PayloadTooLargeError } from "./body-limit";

type Ctx<B, Q, P> = {
  req: Request;
  body: B;
  query: Q;
  params: P;
  user: SessionUser | null;
  token: ApiPrincipal | null;
};

/**
 * A schema, or a function that builds it per request when it needs data (the taxonomy's topics, the protocols): the
 * wrapper validates with it either way, so no handler parses by hand.
 */
export type SchemaSource<T> = z.ZodType<T> | (() => z.ZodType<T> | Promise<z.ZodType<T>>);

type Options<B, Q> = {
  /** Roles that may call this route; omit for public routes. */
  roles?: readonly Role[];
  /**
   * API token (`Authorization: Bearer`) with these scopes: missing/bad/revoked/expired → 401, a scope missing → 403.
   * `optional`: anonymous calls pass (token null), but a request that sends a token must send a valid one.
   */
  token?: { scopes: readonly ApiScope[]; optional?: boolean };
  /** JSON body schema (or its factory). */
  body?: SchemaSource<B>;
  /** Query-string schema (values are strings), or its factory. */
  query?: SchemaSource<Q>;
  /** The summary message of a 400 for a body that fails its schema (default: fromZod's). */
  invalidBody?: string;
  /** Maximum body size in bytes (default 64 KB). */
  maxBytes?: number;
  /** Route name for logs. */
  name: string;
};

/** Builds a Next.js route handler for these roles: the handler gets the logged-in user (never null). */
export function route<B = undefined, Q = undefined, P = Record<string, string>>(
  opts: Options<B, Q> & { roles: readonly Role[] },
  handler: (ctx: Ctx<B, Q, P> & { user: SessionUser }) => Promise<Response | unknown>,
): (req: Request, segment?: { params?: Promise<P> }) => Promise<Response>;
/** Builds a Next.js route handler. The handler returns a Response or a JSON-able value (200). */
export function route<B = undefined, Q = undefined, P = Record<string, string>>(
  opts: Options<B, Q>,
  handler: (ctx: Ctx<B, Q, P>) => Promise<Response | unknown>,
): (req: Request, segment?: { params?: Promise<P> }) => Promise<Response>;
export function route<B = undefined, Q = undefined, P = Record<string, string>>(
  opts: Options<B, Q>,
  // With roles, requireRole() has returned a user, so the handler that asked for one never sees null.
  handler:
    | ((ctx: Ctx<B, Q, P> & { user: SessionUser }) => Promise<Response | unknown>)
    | ((ctx: Ctx<B, Q, P>) => Promise<Response | unknown>),
) {
  return async (req: Request, segment?: { params?: Promise<P> }): Promise<Response> => {
    try {
      const user = opts.roles ? await requireRole(opts.roles) : null;
      const token =
        opts.token && (!opts.token.optional || hasAuthorization(req))
          ? await authenticateApiToken(req, opts.token.scopes)
          : null;
      // Path segments are cleaned like every other text (a %00 in an id must not reach PostgreSQL).
      const params = cleanInput((await segment?.params) ?? {}) as P;
      const query = opts.query ? parseQuery(req, await schemaOf(opts.query)) : (undefined as Q);
      const maxBytes = opts.maxBytes ?? 65_536;
      // A body that may be large waits for one of a few slots, so 30 large posts at once are read 3 at a time.
      const declared = declaredLength(req.headers);
      const large = !!opts.body && maxBytes > LARGE_BODY_BYTES && (declared === null || declared > LARGE_BODY_BYTES);
      if (opts.body && declared !== null && declared > maxBytes) throw tooLarge(maxBytes);
      const release = large ? await largeBodies.acquire() : null;
      try {
        const body = opts.body
          ? await parseJsonBody(req, await schemaOf(opts.body), maxBytes, opts.invalidBody)
          : (undefined as B);
        const out = await (handler as (ctx: Ctx<B, Q, P>) => Promise<Response | unknown>)({
          req,
          body,
          query,
          params,
          user,
          token,
        });
        return out instanceof Response ? out : Response.json(out);
      } finally {
        release?.();
      }
    } catch (e) {
      return errorResponse(e, opts.name);
    }
  };
}

/** Maps an error to a JSON response: `{error, issues}` for expected errors, a generic 500 otherwise. */
export function errorResponse(e: unknown, where: string): Response {
  if (isExpectedError(e)) {
    const err = e as ExpectedError;
    return Response.json({ error: err.message, issues: err.issues }, { status: err.status, headers: err.headers });
  }
  logUnexpected(where, e);
  return Response.json({ error: GENERIC_ERROR, issues: [] }, { status: 500 });
}

async function schemaOf<T>(source: SchemaSource<T>): Promise<z.ZodType<T>> {
  // A zod schema is an object; a factory is a function.
  return typeof source === "function" ? await source() : source;
}

function parseQuery<Q>(req: Request, schema: z.ZodType<Q>): Q {
  const parsed = schema.safeParse(queryRecord(new URL(req.url).searchParams));
  if (!parsed.success) throw fromZod(parsed.error, "De zoekparameters kloppen niet.");
  return parsed.data;
}

/** Reads a JSON body with a size limit and validates it. */
export async function parseJsonBody<B>(
  req: Request,
  schema: z.ZodType<B>,
  maxBytes: number,
  invalid?: string,
): Promise<B> {
  const declared = declaredLength(req.headers) ?? 0;
  if (declared > maxBytes) throw tooLarge(maxBytes);
  let text: string | null = await readLimited(req, maxBytes);
  let json: unknown;
  try {
    json = JSON.parse(text);
    text = null; // the raw text is not needed any more: let it go before validation makes more copies
  } catch {
    throw new ValidationError("De inhoud is geen geldige JSON.", [
      { path: "", message: "Stuur geldige JSON met content-type application/json." },
    ]);
  }
  // Every text field is cleaned here (NUL, control characters, lone surrogates): see text.ts.
  const parsed = schema.safeParse(cleanInput(json));
  if (!parsed.success) throw fromZod(parsed.error, invalid);
  return parsed.data;
}

const tooLarge = (max: number) =>
  new PayloadTooLargeError(
    max >= 1024 * 1024
      ? `Het verzoek is te groot (maximaal ${Math.round(max / (1024 * 1024))} MB).`
      : `Het verzoek is te groot (maximaal ${Math.round(max / 1024)} kB).`,
  );

async function readLimited(req: Request, maxBytes: number): Promise<string> {
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = Buffer.concat(chunks, size);
  chunks.length = 0;
  return new TextDecoder("utf-8").decode(bytes);
}
