// The agent-workspace benchmark's data: N tickets on both desks with a realistic status mix, 2–3 messages each and
// some tags, written in bulk; one big school (Benchcollege, vo) asked `orgTickets` of the IPO's tickets (from 150
// addresses), a municipality asked about it in every tenth of the IPO's other tickets, and the rest came from 40
// smaller organisations. Shared by scripts/bench/desk.ts and the queue-plan profile (desk-plans.ts).
import { randomBytes } from "node:crypto";
import type { Db } from "@/app/_core/db";
import type { DeskId } from "@/app/_core/session";

const CHUNK = 5_000;

/** The organisation the organisation-page benchmark opens. */
export const BENCH_ORGANISATION = { kind: "school", sector: "vo", name: "Benchcollege", code: "99ZZ" } as const;

/** Writes N tickets (both desks, realistic status mix) with 2–3 messages each and some tags, in bulk. */
export async function seedTickets(
  db: Db,
  N: number,
  agentId: string,
  kind: "sqlite" | "postgres",
  orgTickets = 0,
): Promise<{ ms: number; messages: number; organisationId: string }> {
  const started = performance.now();
  const org = await db.organisation.create({ data: { ...BENCH_ORGANISATION, searchText: "benchcollege 99zz" } });
  const gemeente = await db.organisation.create({
    data: { kind: "gemeente", name: "Gemeente Benchdorp", code: "GM9999", searchText: "gemeente benchdorp gm9999" },
  });
  const others = await Promise.all(
    Array.from({ length: 40 }, (_, k) =>
      db.organisation.create({
        data: { kind: "anders", name: `Organisatie ${k}`, searchText: `organisatie ${k}` },
        select: { id: true },
      }),
    ),
  );
  // Ticket i: the IPO's (even i) first `orgTickets` are Benchcollege's; every tenth other IPO ticket is the
  // municipality's about Benchcollege; the rest belong to the smaller organisations.
  const orgOf = (i: number): { organisationId: string; schoolId: string | null } =>
    i % 2 === 0 && i / 2 < orgTickets
      ? { organisationId: org.id, schoolId: null }
      : i % 2 === 0 && (i / 2) % 10 === 0
        ? { organisationId: gemeente.id, schoolId: org.id }
        : { organisationId: others[i % others.length]!.id, schoolId: null };
  const tags = await Promise.all(
    ["spoed", "bron-registratie", "verlof", "thuiszitter"].map((name) =>
      db.tag.upsert({ where: { name }, create: { name }, update: {} }),
    ),
  );
  const now = Date.now();
  const topics = ["verzuim-melden", "soorten-verzuim", "ziekteverzuim", "verlof", "te-laat-en-spijbelen"];
  const callerTypes = ["po-school", "vo-school", "mbo-institution", "municipality", "software-vendor"];
  let messages = 0;
  for (let b = 0; b < N; b += CHUNK) {
    const n = Math.min(CHUNK, N - b);
    const requesters = Array.from({ length: n }, (_, k) => {
      const i = b + k;
      const ofBench = orgOf(i).organisationId === org.id;
      return {
        id: `br${i}`,
        name: `Beller ${i}`,
        email: ofBench ? `medewerker${i % 150}@benchcollege.test` : `beller${i % 30_000}@school.test`,
        callerType: callerTypes[i % 5]!,
        organisation: ofBench ? org.name : `School ${i % 997}`,
        organisationId: orgOf(i).organisationId,
      };
    });
    await db.requester.createMany({ data: requesters });
    const tickets = requesters.map((r, k) => {
      const i = b + k;
      const deskId: DeskId = i % 2 === 0 ? "vo-mbo" : "po";
      const roll = (i * 7919) % 100;
      const status = roll < 80 ? "closed" : roll < 86 ? "resolved" : roll < 92 ? "open" : roll < 96 ? "new" : "waiting";
      const createdAt = new Date(now - (N - i) * 240_000);
      const done = status === "closed" || status === "resolved";
      return {
        id: `bt${String(i).padStart(7, "0")}`,
        reference: `${deskId === "po" ? "PO" : "IPO"}-2024-${String(i).padStart(6, "0")}`,
        deskId,
        year: 2024,
        number: i,
        status,
        subject: `Vraag ${i} over ${topics[i % 5]} bij ${r.organisation}`,
        topic: topics[i % 5]!,
        sector: deskId === "po" ? "po" : i % 3 ? "vo" : "mbo",
        callerType: r.callerType,
        requesterId: r.id,
        assigneeId: status === "new" ? null : i % 4 === 0 ? agentId : null,
        followUpTokenHash: randomBytes(16).toString("hex"),
        createdAt,
        updatedAt: new Date(createdAt.getTime() + (i % 97) * 60_000),
        firstResponseDueAt: new Date(createdAt.getTime() + 86_400_000),
        resolutionDueAt: new Date(createdAt.getTime() + 5 * 86_400_000 + (i % 13) * 60_000),
        firstRespondedAt: status === "new" ? null : new Date(createdAt.getTime() + 3_600_000),
        resolvedAt: done ? new Date(createdAt.getTime() + 2 * 86_400_000) : null,
        closedAt: status === "closed" ? new Date(createdAt.getTime() + 3 * 86_400_000) : null,
        slaPausedAt: status === "waiting" ? new Date(createdAt.getTime() + 7_200_000) : null,
        ...orgOf(i),
      };
    });
    await db.ticket.createMany({ data: tickets });
    const msgs = tickets.flatMap((t, k) => {
      const i = b + k;
      const out = [
        {
          ticketId: t.id,
          kind: "caller",
          body: `Goedemorgen, ${t.subject}. Een leerling is al ${i % 20} keer afwezig geweest zonder bericht. Wat moeten wij doen en moeten wij dit melden bij DUO?`,
          createdAt: t.createdAt,
        },
      ];
      if (t.status !== "new") {
        out.push({
          ticketId: t.id,
          kind: "reply",
          body: `Beste ${requesters[k]!.name},\n\nDank voor uw vraag. U meldt dit verzuim binnen 5 schooldagen via het verzuimregister.\n\nMet vriendelijke groet,\nde helpdesk`,
          createdAt: t.firstRespondedAt!,
        });
      }
      if (i % 3 === 0)
        out.push({
          ticketId: t.id,
          kind: "note",
          body: "Interne notitie: protocol nagekeken.",
          createdAt: new Date(t.createdAt.getTime() + 1_800_000),
        });
      return out;
    });
    messages += msgs.length;
    await db.message.createMany({ data: msgs });
    await db.ticketTag.createMany({
      data: tickets.filter((_, k) => k % 8 === 0).map((t, k) => ({ ticketId: t.id, tagId: tags[k % tags.length]!.id })),
    });
  }
  // PostgreSQL: VACUUM too. A table that grew to this size in use has been vacuumed by autovacuum (visibility map set,
  // so index-only scans skip the heap); a table bulk-loaded a second ago has not.
  await db.$executeRawUnsafe(kind === "postgres" ? "VACUUM ANALYZE" : "ANALYZE");
  return { ms: Math.round(performance.now() - started), messages, organisationId: org.id };
}
