// Macros: canned answers with {{naam}}, {{referentie}} and {{desk}} placeholders. Admins manage them; agents use
// the macros of their desks (deskId null = both desks). applyMacro is pure, so the editor can fill a macro in the browser.
import "server-only";
import type { Db } from "@/app/_core/db";
import { NotFoundError } from "@/app/_core/errors";
import { visibleDesks, type DeskId, type SessionUser } from "@/app/_core/session";
import { recordAudit } from "@/app/_modules/audit/service";
import { macroSchema, parseInput, type MacroInput } from "./desk-schema";
import { canManageMacros, canUseMacros } from "./policy";

export type MacroValues = { naam: string; referentie: string; desk: string };

/** Fills the placeholders ({{naam}}, {{ referentie }}, {{desk}}); unknown placeholders stay as they are. */
export function applyMacro(text: string, values: MacroValues): string {
  return text.replace(/\{\{\s*(naam|referentie|desk)\s*\}\}/g, (_, key: keyof MacroValues) => values[key] ?? "");
}

/** The values for a ticket: the caller's name, the reference and the desk's name. */
export function macroValuesFor(ticket: {
  reference: string;
  requester: { name: string };
  desk: { name: string };
}): MacroValues {
  return { naam: ticket.requester.name, referentie: ticket.reference, desk: ticket.desk.name };
}

/** Macros the user may use (or manage): both-desk macros plus those of the user's desks, or of one desk. */
export async function listMacros(db: Db, opts: { user: SessionUser; desk?: DeskId }) {
  if (!canUseMacros(opts.user)) return [];
  const desks = visibleDesks(opts.user).filter((d) => !opts.desk || d === opts.desk);
  return db.macro.findMany({
    where: { OR: [{ deskId: null }, { deskId: { in: desks } }] },
    orderBy: [{ title: "asc" }, { id: "asc" }],
    select: {
      id: true,
      deskId: true,
      title: true,
      body: true,
      updatedAt: true,
      createdBy: { select: { id: true, name: true } },
    },
  });
}

/** Creates (no id) or updates a macro. Admins only; anyone else gets a 404. */
export async function saveMacro(db: Db, opts: { user: SessionUser } & MacroInput) {
  const { user } = opts;
  if (!canManageMacros(user)) throw new NotFoundError();
  const input = parseInput(macroSchema, { id: opts.id, deskId: opts.deskId, title: opts.title, body: opts.body });
  return db.$transaction(async (tx) => {
    const data = { deskId: input.deskId, title: input.title, body: input.body };
    if (!input.id) {
      const m = await tx.macro.create({ data: { ...data, createdById: user.id } });
      await recordAudit(tx, {
        actorId: user.id,
        action: "macro.created",
        entityType: "macro",
        entityId: m.id,
        after: data,
      });
      return m;
    }
    const before = await tx.macro.findUnique({ where: { id: input.id } });
    if (!before) throw new NotFoundError("Deze macro bestaat niet meer.");
    const m = await tx.macro.update({ where: { id: input.id }, data });
    await recordAudit(tx, {
      actorId: user.id,
      action: "macro.updated",
      entityType: "macro",
      entityId: m.id,
      before: { deskId: before.deskId, title: before.title, body: before.body },
      after: data,
    });
    return m;
  });
}

/** Deletes a macro. Admins only. */
export async function deleteMacro(db: Db, opts: { user: SessionUser; id: string }) {
  const { user } = opts;
  if (!canManageMacros(user)) throw new NotFoundError();
  await db.$transaction(async (tx) => {
    const before = typeof opts.id === "string" ? await tx.macro.findUnique({ where: { id: opts.id } }) : null;
    if (!before) throw new NotFoundError("Deze macro bestaat niet meer.");
    await tx.macro.delete({ where: { id: before.id } });
    await recordAudit(tx, {
      actorId: user.id,
      action: "macro.deleted",
      entityType: "macro",
      entityId: before.id,
      before: { deskId: before.deskId, title: before.title, body: before.body },
    });
  });
}
