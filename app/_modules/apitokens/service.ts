// API tokens for the integration API: created by an admin (in /desk/beheer or `npm run create-token`), shown once,
// stored as a SHA-256 hash, limited to desks and scopes, with an optional expiry; revocable. Every change is audited.
import "server-only";
import { z } from "zod";
import {
  API_SCOPES,
  apiTokenDesksColumn,
  apiTokenScopesColumn,
  generateApiToken,
  type ApiScope,
} from "@/app/_core/api-token";
import type { Db } from "@/app/_core/db";
import { NotFoundError, ValidationError } from "@/app/_core/errors";
import { DESK_IDS, type DeskId } from "@/app/_core/session";
import { parseInput } from "@/app/_modules/tickets/desk-schema";

export const SCOPE_LABELS: Record<ApiScope, string> = {
  "tickets:read": "Vragen lezen",
  "tickets:write": "Vragen aanmaken",
  "notes:read": "Interne notities lezen",
  "contacts:write": "Gesprekken aanmelden",
  "organisations:read": "Organisaties lezen",
};

export const apiTokenInputSchema = z.object({
  name: z
    .string({ error: "Geef de token een naam." })
    .trim()
    .min(2, "Geef de token een naam (minstens 2 tekens).")
    .max(80, "Gebruik maximaal 80 tekens."),
  desks: z
    .array(z.enum(DESK_IDS as ["po", "vo-mbo"], { error: "Kies de desk po of vo-mbo." }))
    .min(1, "Kies minstens één desk."),
  scopes: z
    .array(z.enum(API_SCOPES, { error: `Kies uit: ${API_SCOPES.join(", ")}.` }))
    .min(1, "Kies minstens één recht (scope)."),
  expiresAt: z.coerce.date({ error: "Geef een geldige vervaldatum." }).optional(),
});
export type ApiTokenInput = z.input<typeof apiTokenInputSchema>;

/** Creates a token; the plain token is returned once and never stored. */
export async function createApiToken(db: Db, input: ApiTokenInput, actorId: string | null, now = new Date()) {
  const v = parseInput(apiTokenInputSchema, input);
  if (v.expiresAt && v.expiresAt <= now) {
    throw new ValidationError("Kies een vervaldatum in de toekomst.", [
      { path: "expiresAt", message: "Kies een vervaldatum in de toekomst." },
    ]);
  }
  const { token, hash, prefix } = generateApiToken();
  const desks = [...new Set(v.desks)].sort() as DeskId[];
  const scopes = [...new Set(v.scopes)].sort() as ApiScope[];
  const row = await db.$transaction(async (tx) => {
    const r = await tx.apiToken.create({
      data: {
        name: v.name,
        tokenHash: hash,
        prefix,
        desks: apiTokenDesksColumn.encode(desks),
        scopes: apiTokenScopesColumn.encode(scopes),
        expiresAt: v.expiresAt ?? null,
        createdById: actorId,
      },
    });
    await tx.auditEvent.create({
      data: {
        actorId,
        action: "apitoken.created",
        entityType: "apiToken",
        entityId: r.id,
        after: JSON.stringify({ name: v.name, prefix, desks, scopes, expiresAt: v.expiresAt ?? null }),
      },
    });
    return r;
  });
  return { token, id: row.id, prefix, name: row.name, desks, scopes, expiresAt: row.expiresAt };
}

/** Revokes a token at once (idempotent). */
export async function revokeApiToken(db: Db, id: string, actorId: string | null, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const t = await tx.apiToken.findUnique({ where: { id } });
    if (!t) throw new NotFoundError("Deze token bestaat niet.");
    if (t.revokedAt) return;
    await tx.apiToken.update({ where: { id }, data: { revokedAt: now } });
    await tx.auditEvent.create({
      data: {
        actorId,
        action: "apitoken.revoked",
        entityType: "apiToken",
        entityId: id,
        before: JSON.stringify({ revokedAt: null }),
        after: JSON.stringify({ revokedAt: now.toISOString() }),
      },
    });
  });
}

/** Every token for the admin list (never the hash). */
export async function listApiTokens(db: Db) {
  const rows = await db.apiToken.findMany({ orderBy: { createdAt: "desc" } });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    desks: apiTokenDesksColumn.decode(r.desks),
    scopes: apiTokenScopesColumn.decode(r.scopes),
    expiresAt: r.expiresAt,
    lastUsedAt: r.lastUsedAt,
    revokedAt: r.revokedAt,
    createdAt: r.createdAt,
  }));
}
