// The e-mail channel: one received mail (raw RFC 5322) becomes a new ticket, a message on its ticket, a note, a
// bounce mark or nothing — committed in one transaction together with its Message-ID, so a second delivery of the
// same mail is recognised and a crash before the commit loses nothing (the sender or the mailbox still has it).
// Split by concern: inbound-parse.ts (mailparser), inbound-thread.ts (which ticket), inbound-person.ts (a person's
// mail: new ticket or reply), inbound-addresses.ts (the desks' addresses); bounces and automatic mail are here.
import "server-only";
import type { Db } from "@/app/_core/db";
import type { DeskId } from "@/app/_core/session";
import { deskForAddress, ownAddresses } from "./inbound-addresses";
import { parseMail, type Parsed } from "./inbound-parse";
import { receivePersonMail } from "./inbound-person";
import { classifyMail, maskPersonalNumbers, stripQuoted, threadIds } from "./inbound-rules";
import { seenSqlite } from "./inbound-new-ticket";
import { mailWriter } from "./inbound-sqlite";
import { findThreadTicket } from "./inbound-thread";
import type { InboundOutcome, InboundResult, ReceiveOptions, Recorder, Tx } from "./inbound-types";

export { deskAddresses, deskForAddress, ownAddresses } from "./inbound-addresses";
export {
  AUTO_REPLIES_PER_HOUR,
  MAX_MAIL_BYTES,
  type InboundOutcome,
  type InboundResult,
  type ReceiveOptions,
} from "./inbound-types";

function isUniqueViolation(e: unknown): boolean {
  return (e as { code?: string })?.code === "P2002" || /unique constraint/i.test(String((e as Error)?.message ?? ""));
}

/**
 * Takes in one mail. Idempotent by Message-ID: the same mail a second time changes nothing and answers
 * `duplicate: true` with the first outcome. Throws only on infrastructure failure (the caller then does not
 * acknowledge the mail, so it is delivered again).
 */
export async function receiveMail(db: Db, raw: Buffer | string, opts: ReceiveOptions = {}): Promise<InboundResult> {
  const buf = typeof raw === "string" ? Buffer.from(raw, "utf8") : raw;
  const now = opts.now ?? new Date();
  const m = await parseMail(buf);
  const writer = opts.sqliteUrl ? mailWriter(opts.sqliteUrl) : null;
  const seen = writer
    ? seenSqlite(writer, m.messageId)
    : await db.inboundMail.findUnique({ where: { messageId: m.messageId } });
  if (seen) return duplicateResult(db, seen);
  // On SQLite the mail module's own Prisma transactions run while no group of the fast path commits.
  const exclusive = <T>(fn: () => Promise<T>) => (writer ? writer.exclusive(fn) : fn());

  const deskId: DeskId | null =
    opts.deskId ??
    [...(opts.recipients ?? []), ...m.recipients].map(deskForAddress).find((d): d is DeskId => d != null) ??
    null;
  const kind = classifyMail(
    {
      headers: m.headers,
      from: m.headers["from"] ?? m.from,
      subject: m.subject,
      contentType: m.contentType,
      deliveryStatus: m.deliveryStatus,
    },
    ownAddresses(),
  );

  const record = (tx: Tx, outcome: InboundOutcome, ticketId: string | null, autoReplied = false) =>
    tx.inboundMail.create({
      data: {
        messageId: m.messageId,
        fromAddress: m.from || "(onbekend)",
        outcome,
        ticketId,
        deskId,
        autoReplied,
        createdAt: now,
      },
    });

  try {
    if (kind.kind === "bounce") return await exclusive(() => receiveBounce(db, m, kind.failed, record, now));
    if (kind.kind === "automatic") {
      return await exclusive(() =>
        db.$transaction(async (tx) => {
          const t = await findThreadTicket(tx, m.references, m.subject);
          if (t) {
            const body = maskPersonalNumbers(stripQuoted(m.text).text).text.slice(0, 4000);
            await tx.message.create({
              data: {
                ticketId: t.id,
                kind: "note",
                body: `Automatisch bericht van ${m.from} (geen antwoord gestuurd): ${m.subject}\n\n${body}`,
                emailFrom: m.from,
                createdAt: now,
              },
            });
          }
          await record(tx, t ? "automatic" : "dropped", t?.id ?? null);
          return {
            outcome: t ? "automatic" : "dropped",
            duplicate: false,
            messageId: m.messageId,
            ticketId: t?.id,
            reference: t?.reference,
            reason: kind.reason,
          } satisfies InboundResult;
        }),
      );
    }
    return await receivePersonMail(db, m, deskId, record, opts, now);
  } catch (e) {
    if (isUniqueViolation(e)) {
      const first = await db.inboundMail.findUnique({ where: { messageId: m.messageId } });
      if (first) return duplicateResult(db, first);
    }
    throw e;
  }
}

async function duplicateResult(
  db: Db,
  seen: { messageId: string; outcome: string; ticketId: string | null },
): Promise<InboundResult> {
  const t = seen.ticketId
    ? await db.ticket.findUnique({ where: { id: seen.ticketId }, select: { reference: true } })
    : null;
  return {
    outcome: seen.outcome as InboundOutcome,
    duplicate: true,
    messageId: seen.messageId,
    ticketId: seen.ticketId ?? undefined,
    reference: t?.reference,
  };
}

async function receiveBounce(db: Db, m: Parsed, failed: string[], record: Recorder, now: Date): Promise<InboundResult> {
  // The returned original names the portal's Message-ID: that is the ticket.
  const returnedIds = [
    ...(m.returnedHeaders ?? "").matchAll(/^(message-id|in-reply-to|references):\s*(.+)$/gim),
  ].flatMap((x) => threadIds(x[2], undefined));
  const subjectLine = /^subject:\s*(.+)$/im.exec(m.returnedHeaders ?? "")?.[1] ?? "";
  return db.$transaction(async (tx) => {
    const t = await findThreadTicket(tx, [...returnedIds, ...m.references], `${subjectLine} ${m.subject}`);
    let addresses = failed;
    if (!addresses.length && t) {
      const r = await tx.requester.findUnique({ where: { id: t.requesterId }, select: { email: true } });
      if (r) addresses = [r.email.toLowerCase()];
    }
    const reason = (
      /^diagnostic-code:\s*(.+)$/im.exec(m.deliveryStatus ?? "")?.[1] ??
      /^status:\s*(\S+)/im.exec(m.deliveryStatus ?? "")?.[1] ??
      "onbekende reden"
    ).slice(0, 300);
    if (addresses.length) {
      await tx.requester.updateMany({
        where: t ? { id: t.requesterId } : { email: { in: addresses } },
        data: { emailBouncedAt: now, emailBounceReason: reason },
      });
    }
    if (t) {
      await tx.message.create({
        data: {
          ticketId: t.id,
          kind: "system",
          body: `Een e-mail aan ${addresses.join(", ") || "de beller"} kwam niet aan. Het e-mailadres werkt misschien niet. Controleer het adres of bel de beller.`,
          createdAt: now,
        },
      });
    }
    await record(tx, "bounce", t?.id ?? null);
    return {
      outcome: "bounce",
      duplicate: false,
      messageId: m.messageId,
      ticketId: t?.id,
      reference: t?.reference,
      reason,
    } satisfies InboundResult;
  });
}
