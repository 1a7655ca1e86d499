// Transfer on the demo data, where both desks have tickets with the same numbers (PO-2026-000001 and
// IPO-2026-000001): the ticket gets the new desk's own next number, and every way the caller or an agent knew the old
// reference still leads to it. SQLite by default, PostgreSQL with TEST_DB=postgres.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DeskId, Role, SessionUser } from "@/app/_core/session";
import { seedDemoData } from "@/app/_modules/content/demo-data";
import { seedContent } from "@/app/_modules/content/seed";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import { getApiTicket } from "./api";
import { changeStatus } from "./desk/status";
import { getTicketForAgent } from "./desk/get-ticket";
import { replyToTicket } from "./desk/reply";
import { transferTicket } from "./desk/transfer";
import { tokenFromMail } from "@/tests/helpers/desk-fixtures";
import { touchPresence } from "./presence";
import { formatReference, referenceYear } from "./reference";
import { addCallerReply, getCallerView } from "./caller-service";
import { createTicket } from "./create-ticket";
import { intake } from "@/tests/helpers/desk-fixtures";
import { resetTicketIndex, searchTickets } from "./ticket-search";

let t: TestDb;
const now = new Date();
const year = referenceYear(new Date(now.getTime() - 3_600_000));
const session = async (email: string): Promise<SessionUser> => {
  const u = await t.db.user.findUniqueOrThrow({ where: { email }, include: { desks: true } });
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role as Role,
    desks: u.desks.map((d) => d.deskId as DeskId),
  };
};

beforeAll(async () => {
  t = await createTestDb();
  await seedContent(t.db, { contentDir: path.resolve(__dirname, "../../../content"), demoUsers: true });
  await seedDemoData(t.db, now);
  resetTicketIndex();
});
afterAll(async () => {
  await t?.drop();
});

describe("transfer on the demo data", () => {
  it("gives the ticket the new desk's next number; the old reference, link and mail keep working", async () => {
    const old = formatReference("PO", year, 1);
    const clash = formatReference("IPO", year, 1);
    // The collision the issue found: both desks have number 1.
    expect(await t.db.ticket.count({ where: { reference: { in: [old, clash] } } })).toBe(2);
    const ticket = await t.db.ticket.findUniqueOrThrow({ where: { reference: old } });
    const confirmation = await t.db.mailOutbox.findFirstOrThrow({
      where: { ticketId: ticket.id },
      orderBy: { createdAt: "asc" },
    });
    const callerToken = tokenFromMail(confirmation.text);
    const ipoCount = (
      await t.db.ticketCounter.findUniqueOrThrow({ where: { deskId_year: { deskId: "vo-mbo", year } } })
    ).value;

    const agentPo = await session("agent.po@helpdesk.test");
    const agentVo = await session("agent.vo@helpdesk.test");
    const r = await transferTicket(t.db, {
      user: agentPo,
      reference: old,
      toDesk: "vo-mbo",
      reason: "Uw vraag gaat over een vo-school.",
    });
    const fresh = formatReference("IPO", year, ipoCount + 1);
    expect(r).toMatchObject({ deskId: "vo-mbo", reference: fresh, formerReference: old, stillVisible: false });
    const after = await t.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect([after.deskId, after.reference, after.number]).toEqual(["vo-mbo", fresh, ipoCount + 1]);
    // The IPO ticket that had number 1 is untouched.
    expect((await t.db.ticket.findUniqueOrThrow({ where: { reference: clash } })).id).not.toBe(ticket.id);

    // The caller's mail names both numbers and carries the same link as the confirmation.
    const mail = (
      await t.db.mailOutbox.findMany({ where: { ticketId: ticket.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })
    ).at(-1)!;
    expect(mail.text).toContain(fresh);
    expect(mail.text).toContain(old);
    // Desk names with their article, from content/desks.yaml.
    expect(mail.text).toContain(
      "van de Helpdesk BRON PO naar het Informatiepunt Onderwijs (IPO). Het Informatiepunt Onderwijs (IPO) kan u beter helpen",
    );
    expect(confirmation.text).toContain("De Helpdesk BRON PO leest uw vraag.");
    expect(tokenFromMail(mail.text)).toBe(callerToken);
    expect((await getCallerView(t.db, callerToken)).ticket.reference).toBe(fresh);
    await addCallerReply(t.db, callerToken, "Dank u, ik wacht af.");

    // The new desk finds it by the old and the new reference: the ticket page, the search, presence.
    expect(await getTicketForAgent(t.db, { user: agentVo, reference: old })).toEqual({
      redirectTo: fresh,
      formerReference: old,
    });
    expect(await getTicketForAgent(t.db, { user: agentVo, reference: old.toLowerCase() })).toEqual({
      redirectTo: fresh,
      formerReference: old,
    });
    const view = await getTicketForAgent(t.db, { user: agentVo, reference: fresh });
    expect(view.redirectTo).toBeNull();
    for (const q of [old, fresh, ` ${old.toLowerCase()} `]) {
      expect((await searchTickets(t.db, { user: agentVo, q })).hits.map((h) => h.reference)).toEqual([fresh]);
    }
    await expect(touchPresence(t.db, { user: agentVo, reference: old, mode: "viewing" })).resolves.toBeDefined();
    // The integration API answers the old reference with the ticket under its current one.
    const principal = {
      tokenId: "t",
      name: "Koppeling",
      desks: ["vo-mbo" as const],
      scopes: ["tickets:read" as never],
    };
    expect(await getApiTicket(t.db, principal, old)).toMatchObject({ reference: fresh, formerReferences: [old] });
    await expect(getApiTicket(t.db, { ...principal, desks: ["po" as const] }, old)).rejects.toMatchObject({
      status: 404,
    });
    // Acting on the old reference acts on the ticket (an open tab from before the transfer).
    await replyToTicket(t.db, { user: agentVo, reference: old, kind: "reply", body: "Wij pakken uw vraag op." });
    const replyMail = (
      await t.db.mailOutbox.findMany({ where: { ticketId: ticket.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })
    ).at(-1)!;
    expect(replyMail.text).toContain(fresh);
    expect(tokenFromMail(replyMail.text)).toBe(callerToken);
    // The old desk no longer sees it under either number.
    expect((await searchTickets(t.db, { user: agentPo, q: old })).hits).toEqual([]);

    // Back to PO: a new PO number, both earlier references still lead to it.
    const back = await transferTicket(t.db, {
      user: await session("agent.beide@helpdesk.test"),
      reference: fresh,
      toDesk: "po",
      reason: "Toch een po-vraag.",
    });
    expect(back.reference).not.toBe(old);
    expect(back.reference.startsWith("PO-")).toBe(true);
    for (const ref of [old, fresh]) {
      expect(await getTicketForAgent(t.db, { user: agentPo, reference: ref })).toEqual({
        redirectTo: back.reference,
        formerReference: ref,
      });
    }
    expect((await getCallerView(t.db, callerToken)).ticket.reference).toBe(back.reference);
    await changeStatus(t.db, { user: agentPo, reference: back.reference, status: "resolved", notifyCaller: true });
    expect(
      tokenFromMail(
        (
          await t.db.mailOutbox.findMany({
            where: { ticketId: ticket.id },
            orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          })
        ).at(-1)!.text,
      ),
    ).toBe(callerToken);
    // No link renewal happened along the way.
    expect(
      await t.db.auditEvent.count({ where: { ticketId: ticket.id, action: "ticket.follow_up_link_renewed" } }),
    ).toBe(0);
  });

  it("every demo ticket of one desk can move to the other, and new tickets still get free numbers", async () => {
    const agent = await session("agent.beide@helpdesk.test");
    const open = await t.db.ticket.findMany({
      where: { deskId: "vo-mbo", status: { not: "closed" }, mergedIntoId: null },
      orderBy: { number: "asc" },
    });
    for (const x of open)
      await transferTicket(t.db, {
        user: agent,
        reference: x.reference,
        toDesk: "po",
        reason: "Hoort bij de PO-helpdesk.",
      });
    const c = await createTicket(t.db, { input: intake({ email: "nieuw@school.test" }), deskId: "po" });
    const c2 = await createTicket(t.db, {
      input: intake({ email: "nieuw2@school.test", callerType: "vo-school" }),
      deskId: "vo-mbo",
    });
    const refs = (await t.db.ticket.findMany({ select: { reference: true } })).map((x) => x.reference);
    expect(new Set(refs).size).toBe(refs.length);
    expect(refs).toEqual(expect.arrayContaining([c.reference, c2.reference]));
  });
});
