// Seed data for the agent-workspace integration tests: both desks, staff of every kind, and tickets made by the real
// createTicket (or written directly when a test needs hundreds). Only imported by *.int.test.ts files.
import type { Channel } from "@/app/_modules/tickets/channel";
import { randomBytes } from "node:crypto";
import type { Db } from "@/app/_core/db";
import type { DeskId, Role, SessionUser } from "@/app/_core/session";
import { createTicket } from "@/app/_modules/tickets/create-ticket";
import type { IntakeInput } from "@/app/_modules/tickets/schema";

const HOURS = JSON.stringify({ days: [1, 2, 3, 4, 5], open: "09:00", close: "13:00" });

export type Staff = Record<"po" | "ipo" | "both" | "admin" | "editor" | "inactivePo", SessionUser>;

/** Creates both desks (IPO with a 3-day resolution SLA, so a transfer visibly changes due times) and the staff. */
export async function seedDesksAndStaff(db: Db): Promise<Staff> {
  await db.desk.create({
    data: {
      id: "po",
      name: "Helpdesk BRON PO",
      article: "de",
      shortName: "BRON PO",
      referencePrefix: "PO",
      serves: "po",
      phone: "050-599 77 66",
      phoneHref: "+31505997766",
      hours: HOURS,
      firstResponseBusinessDays: 1,
      resolutionBusinessDays: 5,
    },
  });
  await db.desk.create({
    data: {
      id: "vo-mbo",
      name: "Informatiepunt Onderwijs (IPO)",
      article: "het",
      shortName: "IPO",
      referencePrefix: "IPO",
      serves: "vo en mbo",
      phone: "050-599 90 00",
      phoneHref: "+31505999000",
      hours: HOURS,
      firstResponseBusinessDays: 1,
      resolutionBusinessDays: 3,
    },
  });
  const make = async (key: string, role: Role, desks: DeskId[], active = true): Promise<SessionUser> => {
    const u = await db.user.create({
      data: {
        email: `${key}@helpdesk.test`,
        name: `Medewerker ${key}`,
        passwordHash: "x",
        role,
        active,
        desks: { create: desks.map((deskId) => ({ deskId })) },
      },
    });
    return { id: u.id, email: u.email, name: u.name, role, desks };
  };
  return {
    po: await make("po", "agent", ["po"]),
    ipo: await make("ipo", "agent", ["vo-mbo"]),
    both: await make("both", "agent", ["po", "vo-mbo"]),
    admin: await make("admin", "admin", []),
    editor: await make("editor", "editor", []),
    inactivePo: await make("inactive-po", "agent", ["po"], false),
  };
}

/** A valid intake with overrides. */
export function intake(over: Partial<IntakeInput> = {}): IntakeInput {
  return {
    callerType: "po-school",
    organisation: "Basisschool De Regenboog",
    topic: "verzuim-melden",
    question: "Hoe meld ik ongeoorloofd verzuim van een leerling bij DUO?",
    name: "Jan Jansen",
    email: "jan@regenboog.test",
    ...over,
  } as IntakeInput;
}

/** A ticket made through the caller's intake (reference, SLA, confirmation mail, audit). */
export async function newTicket(db: Db, deskId: DeskId, over: Partial<IntakeInput> = {}, now?: Date) {
  return createTicket(db, { input: intake(over), deskId, now });
}

/** The follow-up token in a mail's text. */
export function tokenFromMail(text: string): string {
  const m = /\/mijn-vraag\/([A-Za-z0-9_-]+)/.exec(text);
  if (!m) throw new Error("no follow-up link in mail");
  return m[1]!;
}

let counter = 0;

/** Writes a ticket directly (fast, for queue tests); returns its id and reference. */
export async function insertTicket(
  db: Db,
  t: {
    deskId: DeskId;
    status?: string;
    topic?: string | null;
    sector?: string | null;
    callerType?: string;
    assigneeId?: string | null;
    createdAt?: Date;
    updatedAt?: Date;
    resolutionDueAt?: Date | null;
    firstResponseDueAt?: Date | null;
    firstRespondedAt?: Date | null;
    mergedIntoId?: string | null;
    email?: string;
    channel?: Channel;
  },
) {
  const n = ++counter;
  const prefix = t.deskId === "po" ? "PO" : "IPO";
  const year = 2026;
  const requester = await db.requester.create({
    data: {
      name: `Beller ${n}`,
      email: t.email ?? `beller${n}@school.test`,
      callerType: t.callerType ?? "po-school",
      organisation: "School",
    },
  });
  const number = 100_000 + n;
  return db.ticket.create({
    data: {
      reference: `${prefix}-${year}-${String(number).padStart(6, "0")}`,
      deskId: t.deskId,
      year,
      number,
      status: t.status ?? "new",
      subject: `Vraag ${n}`,
      topic: t.topic === undefined ? "verzuim-melden" : t.topic,
      sector: t.sector ?? null,
      callerType: t.callerType ?? "po-school",
      requesterId: requester.id,
      assigneeId: t.assigneeId ?? null,
      followUpTokenHash: randomBytes(16).toString("hex"),
      createdAt: t.createdAt,
      updatedAt: t.updatedAt,
      resolutionDueAt: t.resolutionDueAt,
      firstResponseDueAt: t.firstResponseDueAt,
      firstRespondedAt: t.firstRespondedAt ?? null,
      mergedIntoId: t.mergedIntoId ?? null,
      channel: t.channel ?? "web",
    },
    select: { id: true, reference: true },
  });
}
