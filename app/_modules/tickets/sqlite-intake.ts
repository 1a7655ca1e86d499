// The one hot write of the portal — a new ticket — on the embedded SQLite database, with prepared statements
// in one IMMEDIATE transaction. Through Prisma the same write costs about 6 ms of CPU (statement preparation
// per query, query compilation), which caps intake near 100 tickets/s; here it is well under 1 ms.
// The rows are exactly what Prisma writes (ISO dates with "+00:00", booleans as integers); the same tests run
// against both paths (intake.int.test.ts), and PostgreSQL always uses Prisma.
import { sqlitePath } from "@/app/_core/db";
import { sqliteConnection, sqliteIso as iso } from "@/app/_core/sqlite-direct";
import { formatReference } from "./reference";

export type FastTicketRows = {
  deskId: string;
  year: number;
  referencePrefix: string;
  ticket: {
    id: string;
    status: string;
    subject: string;
    topic: string | null;
    sector: string | null;
    callerType: string;
    firstResponseDueAt: Date | null;
    resolutionDueAt: Date | null;
    followUpTokenHash: string | ((reference: string) => string);
    triage: string | null;
    channel: string;
    createdAt: Date;
    /** The asking organisation and the school concerned (on behalf of), when known. */
    organisationId?: string | null;
    schoolId?: string | null;
  };
  requester: {
    id: string;
    name: string;
    email: string;
    phone: string | null;
    callerType: string;
    organisation: string;
    schoolCode: string | null;
    organisationId?: string | null;
    organisationMatchedBy?: string | null;
  };
  message: { id: string; body: string };
  attachments: { id: string; fileName: string; mimeType: string; size: number; sha256: string; storageKey: string }[];
  audit: { id: string; after: (reference: string) => string };
  mail: {
    id: string;
    to: string;
    subject: (reference: string) => string;
    text: (reference: string) => string;
    html: (reference: string) => string | null;
  };
};

type Inserter = (rows: FastTicketRows) => { reference: string; number: number };
const inserters = new Map<string, Inserter>();

/** A fast ticket inserter for a SQLite database URL (one connection per process and file). */
export function sqliteTicketInserter(url: string): Inserter {
  const file = sqlitePath(url);
  const existing = inserters.get(file);
  if (existing) return existing;
  const conn = sqliteConnection(url);
  const counter = conn.prepare(
    `INSERT INTO "TicketCounter" ("deskId", "year", "value") VALUES (?, ?, 1)
     ON CONFLICT ("deskId", "year") DO UPDATE SET "value" = "value" + 1 RETURNING "value"`,
  );
  const requester = conn.prepare(
    `INSERT INTO "Requester" ("id", "name", "email", "phone", "callerType", "organisation", "schoolCode", "organisationId", "organisationMatchedBy", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const ticket = conn.prepare(
    `INSERT INTO "Ticket" ("id", "reference", "deskId", "year", "number", "status", "subject", "topic", "sector", "callerType", "requesterId",
      "firstResponseDueAt", "resolutionDueAt", "slaPausedMs", "followUpTokenHash", "triage", "channel", "organisationId", "schoolId", "createdAt", "updatedAt")
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const message = conn.prepare(
    `INSERT INTO "Message" ("id", "ticketId", "kind", "body", "createdAt") VALUES (?, ?, 'caller', ?, ?)`,
  );
  const attachment = conn.prepare(
    `INSERT INTO "Attachment" ("id", "ticketId", "messageId", "fileName", "mimeType", "size", "sha256", "storageKey", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const audit = conn.prepare(
    `INSERT INTO "AuditEvent" ("id", "action", "entityType", "entityId", "ticketId", "after", "createdAt") VALUES (?, 'ticket.created', 'ticket', ?, ?, ?, ?)`,
  );
  const mail = conn.prepare(
    `INSERT INTO "MailOutbox" ("id", "to", "subject", "text", "html", "status", "attempts", "ticketId", "createdAt") VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?)`,
  );
  const insert = conn.transaction((r: FastTicketRows) => {
    const number = (counter.get(r.deskId, r.year) as { value: number }).value;
    const reference = formatReference(r.referencePrefix, r.year, number);
    const at = iso(r.ticket.createdAt);
    const q = r.requester;
    requester.run(
      q.id,
      q.name,
      q.email,
      q.phone,
      q.callerType,
      q.organisation,
      q.schoolCode,
      q.organisationId ?? null,
      q.organisationMatchedBy ?? null,
      at,
    );
    const t = r.ticket;
    const tokenHash = typeof t.followUpTokenHash === "function" ? t.followUpTokenHash(reference) : t.followUpTokenHash;
    ticket.run(
      t.id,
      reference,
      r.deskId,
      r.year,
      number,
      t.status,
      t.subject,
      t.topic,
      t.sector,
      t.callerType,
      q.id,
      iso(t.firstResponseDueAt),
      iso(t.resolutionDueAt),
      tokenHash,
      t.triage,
      t.channel,
      t.organisationId ?? null,
      t.schoolId ?? null,
      at,
      at,
    );
    message.run(r.message.id, t.id, r.message.body, at);
    for (const a of r.attachments)
      attachment.run(a.id, t.id, r.message.id, a.fileName, a.mimeType, a.size, a.sha256, a.storageKey, at);
    audit.run(r.audit.id, t.id, t.id, r.audit.after(reference), at);
    mail.run(r.mail.id, r.mail.to, r.mail.subject(reference), r.mail.text(reference), r.mail.html(reference), t.id, at);
    return { reference, number };
  });
  const fn: Inserter = (rows) => insert.immediate(rows);
  inserters.set(file, fn);
  return fn;
}
