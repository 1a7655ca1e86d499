// Attachment downloads: for agents of the ticket's desk, and for the caller through the private follow-up link.
// Files are always sent as downloads with their checked type, never rendered inline.
import "server-only";
import type { Db } from "@/app/_core/db";
import { NotFoundError } from "@/app/_core/errors";
import type { SessionUser } from "@/app/_core/session";
import { storage } from "@/app/_modules/storage/storage";
import { ticketScope } from "./access";
import { parseReference, referenceWhere } from "./reference";
import { findTicketByToken } from "./caller-service";

type Row = { fileName: string; mimeType: string; storageKey: string };

/** An attachment an agent may download (404 when the ticket is not on their desks). */
export async function attachmentForAgent(
  db: Db,
  opts: { user: SessionUser; reference: string; id: string },
): Promise<Row> {
  const ref = parseReference(opts.reference);
  if (!ref || typeof opts.id !== "string") throw new NotFoundError();
  const a = await db.attachment.findFirst({
    where: { id: opts.id, ticket: { AND: [ticketScope(opts.user), await referenceWhere(db, ref)] } },
    select: { fileName: true, mimeType: true, storageKey: true },
  });
  if (!a) throw new NotFoundError();
  return a;
}

/** An attachment of the caller's own ticket (also after a merge into another ticket). */
export async function attachmentForCaller(db: Db, opts: { token: string; id: string }): Promise<Row> {
  const t = await findTicketByToken(db, opts.token);
  const a = await db.attachment.findFirst({
    // Only files of the public conversation: never one attached to an internal note.
    where: {
      id: opts.id,
      ticketId: { in: [t.id, t.mergedIntoId].filter((x): x is string => !!x) },
      message: { kind: { in: ["caller", "reply"] } },
    },
    select: { fileName: true, mimeType: true, storageKey: true },
  });
  if (!a) throw new NotFoundError();
  return a;
}

/** The download response. */
export async function downloadResponse(a: Row): Promise<Response> {
  const bytes = await storage()
    .get(a.storageKey)
    .catch(() => {
      throw new NotFoundError("Dit bestand is niet meer beschikbaar.");
    });
  const ascii = a.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": a.mimeType,
      "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(a.fileName)}`,
      "x-content-type-options": "nosniff",
      "content-security-policy": "sandbox; default-src 'none'",
      "cache-control": "private, no-store",
    },
  });
}
