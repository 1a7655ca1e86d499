// The agent services against a real database (SQLite by default, PostgreSQL with TEST_DB=postgres).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConflictError, NotFoundError, ValidationError } from "@/app/_core/errors";
import type { SessionUser } from "@/app/_core/session";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import { assignTicket, listAssignableUsers } from "./desk/assign";
import { changeStatus } from "./desk/status";
import { getTicketForAgent } from "./desk/get-ticket";
import { linkTickets, unlinkTickets } from "./desk/links";
import { listAudit, listAuditForTicket } from "./desk/audit-trail";
import { listTags, setTags } from "./desk/tags";
import { mergeTicket } from "./desk/merge";
import { replyToTicket } from "./desk/reply";
import { setTopic } from "./desk/topic";
import { transferTicket } from "./desk/transfer";
import { businessMsBetween, computeSlaDueTimes } from "@/app/_modules/sla/business-time";
import { deriveFollowUpToken } from "./desk-token";
import { newTicket, seedDesksAndStaff, tokenFromMail, type Staff } from "@/tests/helpers/desk-fixtures";
import { touchPresence } from "./presence";
import { addCallerReply, getCallerView } from "./caller-service";
import { hashToken } from "./follow-up-link";

let t: TestDb;
let staff: Staff;
const HOURS = { days: [1, 2, 3, 4, 5], open: "09:00", close: "13:00" };
// Monday 2 March 2026, 09:30 in Amsterdam (CET, UTC+1).
const MON_0930 = new Date("2026-03-02T08:30:00Z");
const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  t = await createTestDb();
  staff = await seedDesksAndStaff(t.db);
  await t.db.setting.create({
    data: {
      key: "taxonomy",
      value: JSON.stringify({
        hash: "x",
        taxonomy: { topics: [{ id: "verzuim-melden" }, { id: "bron-registratie" }] },
      }),
    },
  });
});
afterAll(async () => {
  await t?.drop();
});

// createTicket still makes a random token; once it derives it (see the report) no link is ever renewed.
const isDerived = (c: { reference: string; followUpToken: string }) =>
  c.followUpToken === deriveFollowUpToken(c.reference);
const mailsFor = (ticketId: string) =>
  t.db.mailOutbox.findMany({ where: { ticketId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
const auditsFor = (ticketId: string, action: string) => t.db.auditEvent.findMany({ where: { ticketId, action } });

describe("access matrix", () => {
  let po: string;
  let ipo: string;
  beforeAll(async () => {
    po = (await newTicket(t.db, "po", { email: "matrix-po@school.test" })).reference;
    ipo = (await newTicket(t.db, "vo-mbo", { callerType: "vo-school", email: "matrix-ipo@school.test" })).reference;
  });

  // Every service that takes a ticket reference, as a probe: resolves when the user may act, rejects otherwise.
  const probes: [string, (u: SessionUser, ref: string) => Promise<unknown>][] = [
    ["getTicketForAgent", (user, reference) => getTicketForAgent(t.db, { user, reference })],
    [
      "replyToTicket (note)",
      (user, reference) => replyToTicket(t.db, { user, reference, kind: "note", body: "Interne notitie" }),
    ],
    ["changeStatus", (user, reference) => changeStatus(t.db, { user, reference, status: "open" })],
    ["assignTicket", (user, reference) => assignTicket(t.db, { user, reference, assigneeId: user.id })],
    ["setTopic", (user, reference) => setTopic(t.db, { user, reference, topic: "bron-registratie" })],
    ["setTags", (user, reference) => setTags(t.db, { user, reference, tags: [] })],
    ["listAuditForTicket", (user, reference) => listAuditForTicket(t.db, { user, reference })],
    ["listAssignableUsers", (user, reference) => listAssignableUsers(t.db, { user, reference })],
    ["touchPresence", (user, reference) => touchPresence(t.db, { user, reference, mode: "viewing" })],
  ];
  const matrix: [keyof Staff, "po" | "ipo", boolean][] = [
    ["po", "po", true],
    ["po", "ipo", false],
    ["ipo", "po", false],
    ["ipo", "ipo", true],
    ["both", "po", true],
    ["both", "ipo", true],
    ["admin", "po", true],
    ["admin", "ipo", true],
    ["editor", "po", false],
    ["editor", "ipo", false],
  ];
  for (const [who, desk, allowed] of matrix) {
    it(`${who} on a ${desk} ticket: ${allowed ? "allowed" : "404"}`, async () => {
      const ref = desk === "po" ? po : ipo;
      for (const [name, probe] of probes) {
        const run = probe(staff[who], ref);
        if (allowed) await expect(run, name).resolves.toBeDefined();
        else await expect(run, name).rejects.toBeInstanceOf(NotFoundError);
      }
    });
  }

  it("caller (Mijn vragen) on a po and an ipo ticket: 404 for every desk service", async () => {
    // A signed-in caller, even the one who asked the question: the caller role has no desk work.
    const caller: SessionUser = { id: "caller-1", email: "matrix-po@school.test", name: "", role: "caller", desks: [] };
    for (const ref of [po, ipo])
      for (const [name, probe] of probes) await expect(probe(caller, ref), name).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a 404 for another desk looks the same as a reference that does not exist", async () => {
    const other = await getTicketForAgent(t.db, { user: staff.po, reference: ipo }).catch((e: Error) => e.message);
    const none = await getTicketForAgent(t.db, { user: staff.po, reference: "PO-2026-999999" }).catch(
      (e: Error) => e.message,
    );
    expect(other).toBe(none);
  });

  it("transfer, merge and link refuse tickets of another desk as not found", async () => {
    await expect(
      transferTicket(t.db, { user: staff.po, reference: ipo, toDesk: "po", reason: "Hoort bij po" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(mergeTicket(t.db, { user: staff.po, reference: ipo, intoReference: po })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    // The other side of a merge or link is a field error, still without confirming that the ticket exists.
    const e = await mergeTicket(t.db, { user: staff.po, reference: po, intoReference: ipo }).catch((x) => x);
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).issues[0]!.message).toMatch(/niet gevonden/);
    await expect(linkTickets(t.db, { user: staff.po, reference: po, otherReference: ipo })).rejects.toBeInstanceOf(
      ValidationError,
    );
  });

  it("the full audit log is for admins only", async () => {
    await expect(listAudit(t.db, { user: staff.po })).rejects.toBeInstanceOf(NotFoundError);
    await expect(listAudit(t.db, { user: staff.editor })).rejects.toBeInstanceOf(NotFoundError);
    const r = await listAudit(t.db, { user: staff.admin, limit: 5 });
    expect(r.items.length).toBe(5);
  });
});

describe("reading a ticket", () => {
  it("returns conversation, requester, tags, links to visible tickets and the requester's other tickets", async () => {
    const email = "lees@school.test";
    const a = await newTicket(t.db, "po", { email, name: "Els de Vries" }, at("2026-03-02T09:00:00Z"));
    const b = await newTicket(t.db, "po", { email }, at("2026-03-03T09:00:00Z"));
    const c = await newTicket(t.db, "vo-mbo", { email, callerType: "vo-school" }, at("2026-03-04T09:00:00Z"));
    await linkTickets(t.db, { user: staff.both, reference: a.reference, otherReference: c.reference });
    await replyToTicket(t.db, { user: staff.po, reference: a.reference, kind: "note", body: "Even nagaan bij BRON." });

    const seenByBoth = await getTicketForAgent(t.db, { user: staff.both, reference: b.reference.toLowerCase() });
    expect(seenByBoth.redirectTo).toBeNull();
    if (seenByBoth.redirectTo !== null) return;
    expect(seenByBoth.requesterTickets.map((x) => x.reference)).toEqual([c.reference, a.reference]);

    const r = await getTicketForAgent(t.db, { user: staff.po, reference: a.reference });
    if (r.redirectTo !== null) throw new Error("unexpected redirect");
    expect(r.ticket.requester.name).toBe("Els de Vries");
    expect(r.ticket.messages.map((m) => m.kind)).toEqual(["caller", "note"]);
    expect(r.ticket.links).toEqual([]); // the IPO ticket is not visible to a PO agent
    expect(r.requesterTickets.map((x) => x.reference)).toEqual([b.reference]);
    expect(r.permissions).toMatchObject({ reply: true, note: true, createTags: false, transferTo: ["vo-mbo"] });
    expect(r.permissions.statuses).toEqual(["open", "waiting", "resolved", "closed"]);

    const rb = await getTicketForAgent(t.db, { user: staff.both, reference: a.reference });
    if (rb.redirectTo !== null) throw new Error("unexpected redirect");
    expect(rb.ticket.links.map((l) => l.reference)).toEqual([c.reference]);
  });
});

describe("reply and note", () => {
  it("a reply mails the caller a working follow-up link; a note mails nothing and stays internal", async () => {
    const created = await newTicket(t.db, "po", { email: "reply@school.test", name: "Piet Bakker" }, MON_0930);
    const ref = created.reference;
    const mailsBefore = (await mailsFor(created.id)).length; // the confirmation

    const note = await replyToTicket(t.db, {
      user: staff.po,
      reference: ref,
      kind: "note",
      body: "Intern: navragen bij collega.",
      now: at("2026-03-02T09:00:00Z"),
    });
    expect(note.mailed).toBe(false);
    expect(await mailsFor(created.id)).toHaveLength(mailsBefore);
    const afterNote = await t.db.ticket.findUniqueOrThrow({ where: { id: created.id } });
    expect(afterNote.status).toBe("new"); // a note does not open the ticket
    expect(afterNote.firstRespondedAt).toBeNull();

    const reply = await replyToTicket(t.db, {
      user: staff.po,
      reference: ref,
      kind: "reply",
      body: "(ignored: the text comes from bodyJson)",
      bodyJson: {
        type: "doc",
        content: [
          {
            type: "paragraph",
            content: [{ type: "text", text: "Beste Piet, u meldt verzuim via het verzuimregister." }],
          },
        ],
      },
      now: at("2026-03-02T10:00:00Z"),
    });
    expect(reply).toMatchObject({ mailed: true, status: "open" });
    const mails = await mailsFor(created.id);
    expect(mails).toHaveLength(mailsBefore + 1);
    const mail = mails[mails.length - 1]!;
    expect(mail.to).toBe("reply@school.test");
    expect(mail.subject).toContain(ref);
    expect(mail.text).toContain("verzuimregister");

    // The link in the mail opens the caller's view, which shows the reply but never the note.
    const token = tokenFromMail(mail.text);
    const view = await getCallerView(t.db, token);
    expect(view.ticket.reference).toBe(ref);
    const bodies = view.ticket.messages.map((m) => m.body);
    expect(bodies.some((b) => b.includes("verzuimregister"))).toBe(true);
    expect(bodies.some((b) => b.includes("Intern"))).toBe(false);

    const stored = await t.db.ticket.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.firstRespondedAt).toEqual(at("2026-03-02T10:00:00Z"));
    expect(stored.status).toBe("open");
    const msg = await t.db.message.findUniqueOrThrow({ where: { id: reply.messageId } });
    expect(JSON.parse(msg.bodyJson!).content[0].content[0].text).toBe(
      "Beste Piet, u meldt verzuim via het verzuimregister.",
    );
    expect(msg.body).toBe("Beste Piet, u meldt verzuim via het verzuimregister.");

    // A second reply carries the same link; the first response time stays.
    await replyToTicket(t.db, {
      user: staff.both,
      reference: ref,
      kind: "reply",
      body: "Nog een aanvulling.",
      now: at("2026-03-02T11:00:00Z"),
    });
    const again = await mailsFor(created.id);
    expect(tokenFromMail(again[again.length - 1]!.text)).toBe(token);
    expect((await t.db.ticket.findUniqueOrThrow({ where: { id: created.id } })).firstRespondedAt).toEqual(
      at("2026-03-02T10:00:00Z"),
    );
    expect(await auditsFor(created.id, "ticket.replied")).toHaveLength(2);
    expect(await auditsFor(created.id, "ticket.note_added")).toHaveLength(1);
    expect(await auditsFor(created.id, "ticket.follow_up_link_renewed")).toHaveLength(isDerived(created) ? 0 : 1);
    expect(token).toBe(deriveFollowUpToken(ref));
  });

  it("a ticket whose token was derived at intake keeps its original link (no renewal)", async () => {
    const created = await newTicket(t.db, "po", { email: "derived@school.test" });
    // What createTicket does once it derives its token (the change proposed in the report).
    await t.db.ticket.update({
      where: { id: created.id },
      data: { followUpTokenHash: hashToken(deriveFollowUpToken(created.reference)) },
    });
    await replyToTicket(t.db, { user: staff.po, reference: created.reference, kind: "reply", body: "Antwoord." });
    const mails = await mailsFor(created.id);
    expect(tokenFromMail(mails[mails.length - 1]!.text)).toBe(deriveFollowUpToken(created.reference));
    expect(await auditsFor(created.id, "ticket.follow_up_link_renewed")).toHaveLength(0);
  });

  it("reply with statusAfter, and the rules around closed tickets", async () => {
    const { reference, id } = await newTicket(t.db, "po", { email: "status-after@school.test" });
    const r = await replyToTicket(t.db, {
      user: staff.po,
      reference,
      kind: "reply",
      body: "Kunt u de BRIN-code sturen?",
      statusAfter: "waiting",
    });
    expect(r.status).toBe("waiting");
    const row = await t.db.ticket.findUniqueOrThrow({ where: { id } });
    expect(row.slaPausedAt).not.toBeNull();
    expect(await auditsFor(id, "ticket.status_changed")).toHaveLength(1);

    await changeStatus(t.db, { user: staff.po, reference, status: "closed" });
    await expect(
      replyToTicket(t.db, { user: staff.po, reference, kind: "reply", body: "Nog iets" }),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(
      replyToTicket(t.db, { user: staff.po, reference, kind: "note", body: "Notitie na sluiten" }),
    ).resolves.toMatchObject({ mailed: false });
  });

  it("rejects empty text, a BSN and a bad Tiptap document with Dutch field messages", async () => {
    const { reference } = await newTicket(t.db, "po", { email: "invalid@school.test" });
    const cases: [Record<string, unknown>, string][] = [
      [{ body: "   " }, "body"],
      [{ body: "Het BSN is 111222333." }, "body"],
      [{ body: "Goed", bodyJson: "{niet json" }, "bodyJson"],
      [{ body: "Goed", statusAfter: "new" }, "statusAfter"],
    ];
    for (const [over, path] of cases) {
      const e = await replyToTicket(t.db, {
        user: staff.po,
        reference,
        kind: "reply",
        body: "x",
        ...over,
      } as never).catch((x) => x);
      expect(e, JSON.stringify(over)).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues.map((i) => i.path)).toContain(path);
    }
  });
});

describe("status and SLA", () => {
  it("waiting pauses the SLA and a caller reply resumes it", async () => {
    const created = await newTicket(t.db, "po", { email: "pause@school.test" }, MON_0930);
    const start = await t.db.ticket.findUniqueOrThrow({ where: { id: created.id } });
    await changeStatus(t.db, {
      user: staff.po,
      reference: created.reference,
      status: "waiting",
      now: at("2026-03-02T09:00:00Z"),
    }); // Mon 10:00
    const paused = await t.db.ticket.findUniqueOrThrow({ where: { id: created.id } });
    expect(paused.status).toBe("waiting");
    expect(paused.slaPausedAt).toEqual(at("2026-03-02T09:00:00Z"));
    expect(paused.resolutionDueAt).toEqual(start.resolutionDueAt); // frozen while paused

    const r = await addCallerReply(
      t.db,
      created.followUpToken,
      "Hier is de BRIN-code: 12AB.",
      at("2026-03-03T09:00:00Z"),
    ); // Tue 10:00
    expect(r.reopened).toBe(true);
    const resumed = await t.db.ticket.findUniqueOrThrow({ where: { id: created.id } });
    expect(resumed.status).toBe("open");
    expect(resumed.slaPausedAt).toBeNull();
    expect(resumed.slaPausedMs).toBeGreaterThan(0);
  });

  it("an agent ending the pause pushes the due times out by the business time paused", async () => {
    const created = await newTicket(t.db, "po", { email: "pause2@school.test" }, MON_0930);
    await changeStatus(t.db, {
      user: staff.po,
      reference: created.reference,
      status: "waiting",
      now: at("2026-03-02T09:00:00Z"),
    }); // Mon 10:00
    await changeStatus(t.db, {
      user: staff.po,
      reference: created.reference,
      status: "open",
      now: at("2026-03-03T09:00:00Z"),
    }); // Tue 10:00
    const row = await t.db.ticket.findUniqueOrThrow({ where: { id: created.id } });
    const pausedMs = businessMsBetween(at("2026-03-02T09:00:00Z"), at("2026-03-03T09:00:00Z"), HOURS);
    expect(pausedMs).toBe(4 * 3_600_000); // Mon 10–13 and Tue 09–10
    expect(row.slaPausedMs).toBe(pausedMs);
    const due = computeSlaDueTimes({
      createdAt: MON_0930,
      pausedMs,
      hours: HOURS,
      firstResponseBusinessDays: 1,
      resolutionBusinessDays: 5,
    });
    expect(row.resolutionDueAt).toEqual(due.resolutionDueAt);
    expect(row.firstResponseDueAt).toEqual(due.firstResponseDueAt);
    const audit = await auditsFor(created.id, "ticket.status_changed");
    expect(audit.map((a) => JSON.parse(a.after!).status)).toEqual(["waiting", "open"]);
  });

  it("resolve sets resolvedAt, reopening clears it; closed is final for agents, an admin may reopen", async () => {
    const { reference, id } = await newTicket(t.db, "po", { email: "resolve@school.test" });
    await changeStatus(t.db, {
      user: staff.po,
      reference,
      status: "resolved",
      now: at("2026-03-05T10:00:00Z"),
      notifyCaller: true,
    });
    let row = await t.db.ticket.findUniqueOrThrow({ where: { id } });
    expect(row.resolvedAt).toEqual(at("2026-03-05T10:00:00Z"));
    const mails = await mailsFor(id);
    expect(mails[mails.length - 1]!.subject).toContain("opgelost");
    expect((await getCallerView(t.db, tokenFromMail(mails[mails.length - 1]!.text))).ticket.id).toBe(id);

    await changeStatus(t.db, { user: staff.po, reference, status: "open" });
    row = await t.db.ticket.findUniqueOrThrow({ where: { id } });
    expect(row.resolvedAt).toBeNull();

    await changeStatus(t.db, { user: staff.po, reference, status: "closed", now: at("2026-03-06T10:00:00Z") });
    row = await t.db.ticket.findUniqueOrThrow({ where: { id } });
    expect(row.closedAt).toEqual(at("2026-03-06T10:00:00Z"));
    expect(row.followUpExpiresAt).toEqual(at("2026-04-05T10:00:00Z"));
    const e = await changeStatus(t.db, { user: staff.po, reference, status: "open" }).catch((x) => x);
    expect(e).toBeInstanceOf(ValidationError);
    await changeStatus(t.db, { user: staff.admin, reference, status: "open" });
    row = await t.db.ticket.findUniqueOrThrow({ where: { id } });
    expect([row.status, row.closedAt, row.followUpExpiresAt]).toEqual(["open", null, null]);
    // Setting the same status again is a no-op without audit.
    const count = (await auditsFor(id, "ticket.status_changed")).length;
    await expect(changeStatus(t.db, { user: staff.po, reference, status: "open" })).resolves.toMatchObject({
      changed: false,
    });
    expect(await auditsFor(id, "ticket.status_changed")).toHaveLength(count);
  });
});

describe("assignment, topic and tags", () => {
  it("assigns to oneself or a colleague of the desk, never to someone outside it", async () => {
    const { reference, id } = await newTicket(t.db, "po", { email: "assign@school.test" });
    await assignTicket(t.db, { user: staff.po, reference, assigneeId: staff.po.id });
    await assignTicket(t.db, { user: staff.po, reference, assigneeId: staff.both.id });
    await assignTicket(t.db, { user: staff.po, reference, assigneeId: staff.admin.id });
    for (const bad of [staff.ipo, staff.editor, staff.inactivePo]) {
      const e = await assignTicket(t.db, { user: staff.po, reference, assigneeId: bad.id }).catch((x) => x);
      expect(e, bad.email).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues[0]!.path).toBe("assigneeId");
    }
    await expect(
      assignTicket(t.db, { user: staff.po, reference, assigneeId: "does-not-exist" }),
    ).rejects.toBeInstanceOf(ValidationError);
    await assignTicket(t.db, { user: staff.po, reference, assigneeId: null });
    const audit = await t.db.auditEvent.findMany({
      where: { ticketId: id, action: "ticket.assigned" },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => JSON.parse(a.after!).assigneeId)).toEqual([
      staff.po.id,
      staff.both.id,
      staff.admin.id,
      null,
    ]);
    expect(JSON.parse(audit[1]!.before!)).toMatchObject({ assigneeId: staff.po.id, name: staff.po.name });
    expect(audit.every((a) => a.actorId === staff.po.id)).toBe(true);
    const names = (await listAssignableUsers(t.db, { user: staff.po, reference })).map((u) => u.id);
    expect(names).toEqual(expect.arrayContaining([staff.po.id, staff.both.id, staff.admin.id]));
    expect(names).not.toContain(staff.ipo.id);
    expect(names).not.toContain(staff.inactivePo.id);
  });

  it("sets a topic from the taxonomy", async () => {
    const { reference, id } = await newTicket(t.db, "po", { email: "topic@school.test" });
    await setTopic(t.db, { user: staff.po, reference, topic: "bron-registratie" });
    expect((await t.db.ticket.findUniqueOrThrow({ where: { id } })).topic).toBe("bron-registratie");
    await expect(setTopic(t.db, { user: staff.po, reference, topic: "bestaat-niet" })).rejects.toBeInstanceOf(
      ValidationError,
    );
    const audit = await auditsFor(id, "ticket.topic_changed");
    expect(audit.map((a) => [JSON.parse(a.before!).topic, JSON.parse(a.after!).topic])).toEqual([
      ["verzuim-melden", "bron-registratie"],
    ]);
  });

  it("agents use existing tags; only admins create new ones", async () => {
    const { reference, id } = await newTicket(t.db, "po", { email: "tags@school.test" });
    const e = await setTags(t.db, { user: staff.po, reference, tags: ["Nieuwe Tag"] }).catch((x) => x);
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).issues[0]).toMatchObject({ path: "tags" });
    expect(await t.db.tag.count({ where: { name: "nieuwe tag" } })).toBe(0);

    await setTags(t.db, { user: staff.admin, reference, tags: ["Nieuwe  Tag", "bron"] });
    expect((await t.db.tag.findMany({ where: { name: { in: ["nieuwe tag", "bron"] } } })).length).toBe(2);
    expect(await t.db.auditEvent.count({ where: { action: "tag.created", ticketId: id } })).toBe(2);

    await setTags(t.db, { user: staff.po, reference, tags: ["bron"] });
    const r = await getTicketForAgent(t.db, { user: staff.po, reference });
    if (r.redirectTo !== null) throw new Error("unexpected redirect");
    expect(r.ticket.tags).toEqual(["bron"]);
    const audit = await t.db.auditEvent.findMany({
      where: { ticketId: id, action: "ticket.tags_changed" },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => JSON.parse(a.after!).tags)).toEqual([["bron", "nieuwe tag"], ["bron"]]);
    expect(JSON.parse(audit[1]!.before!).tags).toEqual(["bron", "nieuwe tag"]);
    expect((await listTags(t.db, { user: staff.po })).map((x) => x.name)).toEqual(
      expect.arrayContaining(["bron", "nieuwe tag"]),
    );
    expect(await listTags(t.db, { user: staff.editor })).toEqual([]);
  });
});

describe("transfer", () => {
  it("moves the ticket to the other desk with the new desk's number, recomputes due times and mails the caller", async () => {
    const created = await newTicket(t.db, "po", { email: "transfer@school.test", callerType: "vo-school" }, MON_0930);
    await assignTicket(t.db, { user: staff.po, reference: created.reference, assigneeId: staff.po.id });
    const before = await t.db.ticket.findUniqueOrThrow({ where: { id: created.id } });
    const r = await transferTicket(t.db, {
      user: staff.po,
      reference: created.reference,
      toDesk: "vo-mbo",
      reason: "Uw vraag gaat over een vo-school.",
    });
    expect(r.stillVisible).toBe(false);
    const after = await t.db.ticket.findUniqueOrThrow({ where: { id: created.id } });
    expect(after.deskId).toBe("vo-mbo");
    expect(after.reference).toBe(r.reference);
    expect(after.reference).toMatch(/^IPO-2026-\d{6}$/);
    expect(after.assigneeId).toBeNull(); // the PO agent does not work for IPO
    const due = computeSlaDueTimes({
      createdAt: MON_0930,
      pausedMs: 0,
      hours: HOURS,
      firstResponseBusinessDays: 1,
      resolutionBusinessDays: 3,
    });
    expect(after.resolutionDueAt).toEqual(due.resolutionDueAt);
    expect(after.resolutionDueAt!.getTime()).toBeLessThan(before.resolutionDueAt!.getTime());

    const mails = await mailsFor(created.id);
    const mail = mails[mails.length - 1]!;
    expect(mail.subject).toContain("Informatiepunt Onderwijs (IPO)");
    expect(mail.text).toContain("vo-school");
    expect((await getCallerView(t.db, tokenFromMail(mail.text))).ticket.deskId).toBe("vo-mbo");

    const audit = await auditsFor(created.id, "ticket.transferred");
    expect(JSON.parse(audit[0]!.before!)).toMatchObject({ deskId: "po", assigneeId: staff.po.id });
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({
      deskId: "vo-mbo",
      assigneeId: null,
      reason: "Uw vraag gaat over een vo-school.",
    });

    // The PO agent lost sight of it; IPO took over.
    await expect(getTicketForAgent(t.db, { user: staff.po, reference: created.reference })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(getTicketForAgent(t.db, { user: staff.po, reference: r.reference })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await getTicketForAgent(t.db, { user: staff.ipo, reference: created.reference })).toEqual({
      redirectTo: r.reference,
      formerReference: created.reference,
    });
    await expect(getTicketForAgent(t.db, { user: staff.ipo, reference: r.reference })).resolves.toMatchObject({
      redirectTo: null,
      ticket: { formerReferences: [created.reference] },
    });
  });

  it("keeps an assignee who works for both desks, and refuses a transfer to the same desk", async () => {
    const created = await newTicket(t.db, "po", { email: "transfer2@school.test" });
    await assignTicket(t.db, { user: staff.both, reference: created.reference, assigneeId: staff.both.id });
    const same = await transferTicket(t.db, {
      user: staff.both,
      reference: created.reference,
      toDesk: "po",
      reason: "Zelfde desk",
    }).catch((x) => x);
    expect(same).toBeInstanceOf(ValidationError);
    const r = await transferTicket(t.db, {
      user: staff.both,
      reference: created.reference,
      toDesk: "vo-mbo",
      reason: "Hoort bij het IPO.",
    });
    expect(r).toMatchObject({ assigneeId: staff.both.id, stillVisible: true });
  });
});

describe("merge", () => {
  it("moves messages, closes the duplicate, redirects its reference and mails its caller", async () => {
    const email = "merge@school.test";
    const target = await newTicket(t.db, "po", { email, question: "Hoe meld ik verzuim van een leerling?" });
    const dup = await newTicket(t.db, "vo-mbo", {
      email,
      question: "Nogmaals: hoe meld ik verzuim?",
      callerType: "vo-school",
    });
    await replyToTicket(t.db, { user: staff.both, reference: dup.reference, kind: "note", body: "Dubbele vraag." });

    const r = await mergeTicket(t.db, { user: staff.both, reference: dup.reference, intoReference: target.reference });
    expect(r).toMatchObject({ targetReference: target.reference, movedMessages: 2 });

    const merged = await t.db.ticket.findUniqueOrThrow({ where: { id: dup.id } });
    expect([merged.status, merged.mergedIntoId]).toEqual(["closed", target.id]);
    expect(await t.db.message.count({ where: { ticketId: dup.id } })).toBe(0);
    expect(await getTicketForAgent(t.db, { user: staff.both, reference: dup.reference })).toEqual({
      redirectTo: target.reference,
    });

    const view = await getTicketForAgent(t.db, { user: staff.both, reference: target.reference });
    if (view.redirectTo !== null) throw new Error("unexpected redirect");
    expect(view.ticket.messages.map((m) => m.kind).sort()).toEqual(["caller", "caller", "note", "system"]);
    expect(view.ticket.mergedFrom.map((m) => m.reference)).toEqual([dup.reference]);

    // The duplicate's caller is told, and the link in that mail shows the target's conversation.
    const mails = await mailsFor(dup.id);
    const mail = mails[mails.length - 1]!;
    expect(mail.subject).toContain(target.reference);
    const callerView = await getCallerView(t.db, tokenFromMail(mail.text));
    expect(callerView.ticket.id).toBe(target.id);
    expect(callerView.mergedFrom).toBe(dup.id);
    // The confirmation link keeps working when it was derived; a legacy random one was replaced by the mail's link.
    if (isDerived(dup)) expect((await getCallerView(t.db, dup.followUpToken)).ticket.id).toBe(target.id);
    else await expect(getCallerView(t.db, dup.followUpToken)).rejects.toBeInstanceOf(NotFoundError);

    expect(await auditsFor(dup.id, "ticket.merged")).toHaveLength(1);
    expect(await auditsFor(target.id, "ticket.merge_received")).toHaveLength(1);
    // Nothing can be done on the merged ticket any more.
    await expect(
      replyToTicket(t.db, { user: staff.both, reference: dup.reference, kind: "note", body: "Te laat" }),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it("refuses to merge tickets of different callers, into itself, or into a closed ticket", async () => {
    const a = await newTicket(t.db, "po", { email: "merge-a@school.test" });
    const b = await newTicket(t.db, "po", { email: "merge-b@school.test" });
    const c = await newTicket(t.db, "po", { email: "merge-a@school.test" });
    await changeStatus(t.db, { user: staff.po, reference: c.reference, status: "closed" });
    for (const into of [b.reference, a.reference, c.reference]) {
      const e = await mergeTicket(t.db, { user: staff.po, reference: a.reference, intoReference: into }).catch(
        (x) => x,
      );
      expect(e, into).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues[0]!.path).toBe("intoReference");
    }
    expect((await t.db.ticket.findUniqueOrThrow({ where: { id: a.id } })).mergedIntoId).toBeNull();
  });

  it("a chain of merges collapses onto the last target", async () => {
    const email = "chain@school.test";
    const [x, y, z] = [
      await newTicket(t.db, "po", { email }),
      await newTicket(t.db, "po", { email }),
      await newTicket(t.db, "po", { email }),
    ];
    await mergeTicket(t.db, { user: staff.po, reference: x.reference, intoReference: y.reference });
    await mergeTicket(t.db, { user: staff.po, reference: y.reference, intoReference: z.reference });
    expect((await t.db.ticket.findUniqueOrThrow({ where: { id: x.id } })).mergedIntoId).toBe(z.id);
    const xMails = await mailsFor(x.id);
    expect((await getCallerView(t.db, tokenFromMail(xMails[xMails.length - 1]!.text))).ticket.id).toBe(z.id);
    expect(await t.db.message.count({ where: { ticketId: z.id, kind: "caller" } })).toBe(3);
  });
});

describe("links and audit", () => {
  it("links and unlinks related tickets, once, with audit on both", async () => {
    const a = await newTicket(t.db, "po", { email: "link-a@school.test" });
    const b = await newTicket(t.db, "po", { email: "link-b@school.test" });
    expect(await linkTickets(t.db, { user: staff.po, reference: a.reference, otherReference: b.reference })).toEqual({
      created: true,
    });
    expect(await linkTickets(t.db, { user: staff.po, reference: b.reference, otherReference: a.reference })).toEqual({
      created: false,
    });
    await expect(
      linkTickets(t.db, { user: staff.po, reference: a.reference, otherReference: a.reference }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await auditsFor(a.id, "ticket.linked")).toHaveLength(1);
    expect(await auditsFor(b.id, "ticket.linked")).toHaveLength(1);
    expect(await unlinkTickets(t.db, { user: staff.po, reference: b.reference, otherReference: a.reference })).toEqual({
      removed: true,
    });
    expect(await t.db.ticketLink.count({ where: { OR: [{ fromId: a.id }, { toId: a.id }] } })).toBe(0);
    expect(await auditsFor(b.id, "ticket.unlinked")).toHaveLength(1);
  });

  it("every kind of change leaves an audit event with its actor; the ticket trail lists them", async () => {
    const email = "trail@school.test";
    const a = await newTicket(t.db, "po", { email });
    const b = await newTicket(t.db, "po", { email });
    const u = staff.both;
    await replyToTicket(t.db, { user: u, reference: a.reference, kind: "reply", body: "Antwoord" });
    await replyToTicket(t.db, { user: u, reference: a.reference, kind: "note", body: "Notitie" });
    await changeStatus(t.db, { user: u, reference: a.reference, status: "waiting" });
    await assignTicket(t.db, { user: u, reference: a.reference, assigneeId: u.id });
    await setTopic(t.db, { user: u, reference: a.reference, topic: "bron-registratie" });
    await setTags(t.db, { user: staff.admin, reference: a.reference, tags: ["spoed"] });
    await linkTickets(t.db, { user: u, reference: a.reference, otherReference: b.reference });
    await transferTicket(t.db, { user: u, reference: a.reference, toDesk: "vo-mbo", reason: "Vraag over vo." });
    await mergeTicket(t.db, { user: u, reference: b.reference, intoReference: a.reference });
    const trail = await listAuditForTicket(t.db, { user: u, reference: a.reference });
    const actions = new Set(trail.map((e) => e.action));
    for (const action of [
      "ticket.created",
      "ticket.replied",
      "ticket.note_added",
      "ticket.status_changed",
      "ticket.assigned",
      "ticket.topic_changed",
      "ticket.tags_changed",
      "ticket.linked",
      "ticket.transferred",
      "ticket.merge_received",
    ])
      expect(actions, action).toContain(action);
    expect(trail.filter((e) => e.action !== "ticket.created").every((e) => e.actor !== null)).toBe(true);
    // The first reply opened the new ticket; then the agent set it to waiting.
    const statuses = trail
      .filter((e) => e.action === "ticket.status_changed")
      .map((e) => [(e.before as { status: string }).status, (e.after as { status: string }).status]);
    expect(statuses).toEqual([
      ["new", "open"],
      ["open", "waiting"],
    ]);
  });

  it("the admin audit log pages with a cursor through every event exactly once", async () => {
    const total = await t.db.auditEvent.count();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listAudit>> = await listAudit(t.db, {
        user: staff.admin,
        cursor,
        limit: 17,
      });
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    await expect(listAudit(t.db, { user: staff.admin, cursor: "kapot" })).rejects.toBeInstanceOf(ValidationError);
  });
});
