// Creating a ticket: the one entry for every channel (wizard, API, phone contact, e-mail).
import "server-only";
import { newId } from "@/app/_core/ids";
import type { Db } from "@/app/_core/db";
import { ValidationError } from "@/app/_core/errors";
import type { DeskId } from "@/app/_core/session";
import { subscribersOf } from "@/app/_modules/webhooks/service";
import { computeSlaDueTimes } from "@/app/_modules/sla/business-time";
import type { FileStorage } from "@/app/_modules/storage/storage";
import type { Channel } from "./channel";
import { deriveFollowUpToken } from "./desk-token";
import { deskSlaSettings } from "./desk-sla";
import { followUpUrl } from "./follow-up-link";
import { nextTicketNumber, referenceYear } from "./reference";
import { sqliteTicketWriter } from "./sqlite-intake";
import { pgWriteTicket } from "./pg-intake";
import type pg from "pg";
import type { TicketTriage } from "./ticket-json";
import { buildTicketRows, ticketRowWrites, type NewTicketSpec, type TicketRows } from "./ticket-rows";
import { checkAttachmentFiles, removeStored, storeFiles, type StoredFile, type UploadedFile } from "./attachment-files";
import type { IntakeInput } from "./schema";

export type CreatedTicket = {
  id: string;
  reference: string;
  deskId: DeskId;
  followUpToken: string;
  followUpUrl: string;
};

/** Subject line from the question: its first sentence, at most 90 characters. */
export function subjectFrom(question: string): string {
  const first = question.trim().split(/(?<=[.?!])\s|\n/)[0] ?? question;
  const s = first.replace(/\s+/g, " ").trim();
  return s.length <= 90 ? s : `${s.slice(0, 87).replace(/\s+\S*$/, "")}…`;
}

/** Creates a ticket for a desk: reference, requester, first message, SLA due times, audit and confirmation mail. */
export async function createTicket(
  db: Db,
  opts: {
    input: IntakeInput;
    deskId: DeskId;
    attachments?: UploadedFile[];
    storage?: FileStorage;
    triage?: TicketTriage;
    channel?: Channel;
    now?: Date;
    /** SQLite URL of `db`: use the prepared-statement fast path for the write (see sqlite-intake.ts). */
    sqliteUrl?: string;
    /** The pg pool under `db` (db.ts pgPoolOf): write in two round trips around Prisma (see pg-intake.ts). */
    pgPool?: pg.Pool;
    /** The caller's organisation (and how it was matched) and the school the question is about. */
    organisation?: { id: string; matchedBy: string } | null;
    schoolId?: string | null;
    /** Makes the rows' ids (default newId); the parity test makes both paths use the same ids. */
    makeId?: () => string;
  },
): Promise<CreatedTicket> {
  const { input, deskId } = opts;
  const now = opts.now ?? new Date();
  const files = await checkAttachmentFiles(opts.attachments ?? []);
  const desk = await cachedDesk(db, deskId);
  if (!desk)
    throw new ValidationError("Onbekende helpdesk.", [{ path: "desk", message: "Kies de helpdesk PO of VO/MBO." }]);
  const settings = deskSlaSettings(desk);
  const due = computeSlaDueTimes({ createdAt: now, pausedMs: 0, ...settings });

  // Files are stored before the transaction; if it fails they are removed again.
  let stored: StoredFile[] = [];
  try {
    stored = await storeFiles(opts.storage, files);
    const year = referenceYear(now);
    const channel = opts.channel ?? "web";
    const spec: NewTicketSpec = {
      now,
      makeId: opts.makeId ?? newId,
      desk: { ...desk, hours: settings.hours },
      ticket: {
        status: "new",
        subject: subjectFrom(input.question),
        topic: input.topic,
        sector: input.sector ?? null,
        callerType: input.callerType,
        channel,
        triage: opts.triage ?? null,
        ...due,
        organisationId: opts.organisation?.id ?? null,
        schoolId: opts.schoolId ?? null,
      },
      requester: {
        name: input.name,
        email: input.email,
        phone: input.phone ?? null,
        callerType: input.callerType,
        organisation: input.organisation,
        schoolCode: input.schoolCode ?? null,
        organisationId: opts.organisation?.id ?? null,
        organisationMatchedBy: opts.organisation?.matchedBy ?? null,
      },
      messages: [{ kind: "caller", body: input.question, files: stored }],
      audit: { actorId: null },
      confirmation: { to: input.email, requesterName: input.name },
      webhooks: { created: await subscribersOf(db, "ticket.created") },
    };

    let rows: TicketRows;
    if (opts.sqliteUrl) {
      // Number, rows and write in one prepared-statement transaction.
      rows = sqliteTicketWriter(opts.sqliteUrl)(deskId, year, (n) => buildTicketRows(spec, n)).rows;
    } else if (opts.pgPool) {
      // The number, then every row in one statement.
      rows = (await pgWriteTicket(opts.pgPool, deskId, year, (n) => buildTicketRows(spec, n))).rows;
    } else {
      // The number outside the transaction (see nextTicketNumber), then one batched transaction.
      const number = await nextTicketNumber(db, deskId, year);
      rows = buildTicketRows(spec, { year, number });
      await db.$transaction(ticketRowWrites(db, rows));
    }
    const { id, reference } = rows.ticket;
    // Derived from the reference (HMAC with AUTH_SECRET), so every later mail can carry the same link.
    const token = deriveFollowUpToken(reference);
    return { id, reference, deskId, followUpToken: token, followUpUrl: followUpUrl(token) };
  } catch (e) {
    await removeStored(opts.storage, stored);
    throw e;
  }
}

// Desks change only through a re-seed; a short cache saves a query per ticket.
const deskCache = new Map<string, { at: number; desk: Awaited<ReturnType<Db["desk"]["findUnique"]>> }>();
async function cachedDesk(db: Db, id: string) {
  const hit = deskCache.get(id);
  if (hit && Date.now() - hit.at < 10_000) return hit.desk;
  const desk = await db.desk.findUnique({ where: { id } });
  deskCache.set(id, { at: Date.now(), desk });
  return desk;
}
