// Integration API tokens: `Authorization: Bearer <token>`. Only the SHA-256 of a token is stored; a token carries
// the desks it may act for and its scopes, may expire and can be revoked. Used by route() (app/_core/route.ts):
// no route checks a token itself.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { decodeOr, jsonColumn, knownStringList } from "@/app/_lib/json-column";
import { db as appDb, type Db } from "./db";
import { ForbiddenError, UnauthorizedError } from "./errors";
import { DESK_IDS, type DeskId } from "./session";

export const API_SCOPES = [
  "tickets:read",
  "tickets:write",
  "notes:read",
  "contacts:write",
  "organisations:read",
] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export type ApiPrincipal = { tokenId: string; name: string; desks: DeskId[]; scopes: ApiScope[] };

const TOKEN_PREFIX = "hdp_";
const TOKEN_RE = /^hdp_[A-Za-z0-9_-]{32}$/;

export const hashApiToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** A new random token (shown once) with its hash and display prefix. */
export function generateApiToken(): { token: string; hash: string; prefix: string } {
  const token = TOKEN_PREFIX + randomBytes(24).toString("base64url");
  return { token, hash: hashApiToken(token), prefix: token.slice(0, 10) };
}

/** ApiToken.desks and ApiToken.scopes: JSON lists; a desk or scope no longer known is left out when read. */
export const apiTokenDesksColumn = jsonColumn<DeskId[]>("ApiToken.desks", knownStringList(DESK_IDS));
export const apiTokenScopesColumn = jsonColumn<ApiScope[]>("ApiToken.scopes", knownStringList(API_SCOPES));

const bearer = (req: Request): string | null => {
  const h = req.headers.get("authorization");
  if (!h) return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(h);
  return m ? m[1]! : "";
};

const invalid = () => new UnauthorizedError("De token is ongeldig, ingetrokken of verlopen.");

/** Whether the request carries an Authorization header at all. */
export const hasAuthorization = (req: Request) => req.headers.has("authorization");

/**
 * The principal behind the request's bearer token: 401 when missing, unknown, revoked or expired; 403 when a
 * scope is missing. Records the last use (at most once a minute per token).
 */
export async function authenticateApiToken(
  req: Request,
  scopes: readonly ApiScope[],
  client: Db = appDb(),
  now = new Date(),
): Promise<ApiPrincipal> {
  const token = bearer(req);
  if (token === null) throw new UnauthorizedError("Stuur een API-token mee: Authorization: Bearer <token>.");
  if (!TOKEN_RE.test(token)) throw invalid();
  const row = await client.apiToken.findUnique({ where: { tokenHash: hashApiToken(token) } });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) throw invalid();
  const principal: ApiPrincipal = {
    tokenId: row.id,
    name: row.name,
    desks: decodeOr(apiTokenDesksColumn, row.desks, []),
    scopes: decodeOr(apiTokenScopesColumn, row.scopes, []),
  };
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await client.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  const missing = scopes.filter((s) => !principal.scopes.includes(s));
  if (missing.length) throw new ForbiddenError(`Deze token mag dit niet: scope ${missing.join(", ")} ontbreekt.`);
  return principal;
}
