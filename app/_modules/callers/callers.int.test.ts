// "Mijn vragen" on a real database (SQLite by default, PostgreSQL with TEST_DB=postgres): the sign-in link through
// Auth.js itself (@auth/core's Auth with the app's own config: the e-mail provider, the adapter, the outbox), and
// what a signed-in caller may see and do.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Auth, skipCSRFCheck } from "@auth/core";
import { decode, encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NotFoundError, RateLimitError, ValidationError } from "@/app/_core/errors";
import { CALLER_ROLE, hasRole, homeFor, visibleDesks, type SessionUser } from "@/app/_core/session";
import { createTestDb, useAsAppDb, type TestDb } from "@/tests/helpers/db";
import { newTicket, seedDesksAndStaff, type Staff } from "@/tests/helpers/desk-fixtures";
import { getTicketForAgent } from "@/app/_modules/tickets/desk/get-ticket";
import { localFolderStorage } from "@/app/_modules/storage/storage";

let t: TestDb;
let staff: Staff;
let auth: typeof import("@/app/_core/auth");
let login: typeof import("./login");
let tickets: typeof import("./tickets");
let gate: typeof import("@/app/_core/caller-gate");
let files: ReturnType<typeof localFolderStorage>;

const BASE = "http://localhost:3000";
const COOKIE = "authjs.session-token";

beforeAll(async () => {
  t = await createTestDb();
  useAsAppDb(t);
  process.env.MAIL_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "mail-"));
  process.env.RATE_LIMITS = "on";
  files = localFolderStorage(fs.mkdtempSync(path.join(os.tmpdir(), "uploads-")));
  staff = await seedDesksAndStaff(t.db);
  auth = await import("@/app/_core/auth");
  login = await import("./login");
  tickets = await import("./tickets");
  gate = await import("@/app/_core/caller-gate");
});
afterAll(async () => {
  // The link mails kick the outbox in the background: let it finish before the database goes.
  await (await import("@/app/_modules/mail/outbox")).outboxIdle();
  await t?.drop();
});

/** What the login page's action does, with @auth/core's Auth in place of next-auth's signIn (which needs a request). */
async function askLink(email: string, ip = "10.9.0.1") {
  return login.requestCallerLink(t.db, { email, ip, returnTo: "/mijn-vragen" }, async (address, redirectTo) => {
    const res = await Auth(
      new Request(`${BASE}/api/auth/signin/${login.CALLER_PROVIDER_ID}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ email: address, callbackUrl: redirectTo }),
      }),
      { ...auth.authConfig, skipCSRFCheck },
    );
    if (res.status !== 302) throw new Error(`sign-in answered ${res.status}`);
    return res.headers.get("location");
  });
}

/** The link in the newest mail to this address, as the Auth.js callback URL the confirmation page's button opens. */
async function linkFromMail(email: string) {
  const mail = await t.db.mailOutbox.findFirst({
    where: { to: email },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  if (!mail) throw new Error("no mail");
  const m = /(https?:\/\/\S+\/mijn-vragen\/inloggen\/bevestigen\?\S+)/.exec(mail.text);
  if (!m) throw new Error("no link in mail");
  const page = new URL(m[1]!);
  return { mail, callback: `${BASE}/api/auth/callback/${login.CALLER_PROVIDER_ID}${page.search}`, page };
}

/** Opens the callback: a signed-in caller (their SessionUser) or where Auth.js sent them instead. */
async function openLink(callback: string): Promise<{ user: SessionUser | null; location: string | null; sv: number }> {
  const res = await Auth(new Request(callback), auth.authConfig);
  const location = res.headers.get("location");
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";", 1)[0]!)
    .find((c) => c.startsWith(`${COOKIE}=`));
  if (!cookie) return { user: null, location, sv: -1 };
  const value = cookie.slice(COOKIE.length + 1);
  const token = await decode({
    token: value,
    secret: "development-only-secret-not-for-production-use-0123456789",
    salt: COOKIE,
  });
  const user = await auth.sessionUserFor({
    uid: token?.uid as string,
    sv: token?.sv as number,
    role: token?.role as string,
  });
  return { user, location, sv: token?.sv as number };
}

async function signedIn(email: string): Promise<SessionUser> {
  await t.db.rateLimitHit.deleteMany();
  await askLink(email);
  const { user } = await openLink((await linkFromMail(email)).callback);
  if (!user) throw new Error("not signed in");
  return user;
}

describe("sign-in link", () => {
  it("comes by mail through the outbox, stores only a hash, and signs the caller in once", async () => {
    await newTicket(t.db, "po", { email: "els@klimop.test", name: "Els de Vries" });
    expect(await askLink("Els@Klimop.test")).toEqual({ sent: true });
    const { mail, callback, page } = await linkFromMail("els@klimop.test");
    expect(mail.subject).toBe("Uw inloglink voor Mijn vragen");
    expect(mail.text).toContain("15 minuten");
    const token = page.searchParams.get("token")!;
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    const rows = await t.db.callerLoginToken.findMany({ where: { identifier: "els@klimop.test" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).not.toContain(token);
    expect(rows[0]!.expires.getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(rows[0]!.expires.getTime() - Date.now()).toBeLessThanOrEqual(15 * 60_000);

    const first = await openLink(callback);
    expect(first.user).toMatchObject({ email: "els@klimop.test", role: CALLER_ROLE, desks: [] });
    expect(first.location).toBe(`${BASE}/mijn-vragen`);
    expect(await t.db.callerLoginToken.count({ where: { identifier: "els@klimop.test" } })).toBe(0);

    const again = await openLink(callback);
    expect(again.user).toBeNull();
    expect(again.location).toBe(`${BASE}/inloggen?error=Verification`);
  });

  it("is refused after 15 minutes", async () => {
    await t.db.rateLimitHit.deleteMany();
    await askLink("laat@klimop.test");
    const { callback } = await linkFromMail("laat@klimop.test");
    await t.db.callerLoginToken.updateMany({
      where: { identifier: "laat@klimop.test" },
      data: { expires: new Date(Date.now() - 1000) },
    });
    const r = await openLink(callback);
    expect(r.user).toBeNull();
    expect(r.location).toBe(`${BASE}/inloggen?error=Verification`);
  });

  it("refuses a token for another address, and a made-up token", async () => {
    await t.db.rateLimitHit.deleteMany();
    await askLink("een@klimop.test");
    const { callback } = await linkFromMail("een@klimop.test");
    const swapped = new URL(callback);
    swapped.searchParams.set("email", "ander@klimop.test");
    expect((await openLink(swapped.toString())).user).toBeNull();
    const madeUp = new URL(callback);
    madeUp.searchParams.set("token", "0".repeat(64));
    expect((await openLink(madeUp.toString())).user).toBeNull();
  });

  it("answers and mails the same for an address with questions and one without (no enumeration)", async () => {
    await t.db.rateLimitHit.deleteMany();
    await newTicket(t.db, "po", { email: "bekend@klimop.test" });
    await signedIn("bekend@klimop.test"); // known: has a ticket and a Caller row
    await t.db.rateLimitHit.deleteMany();
    const known = await askLink("bekend@klimop.test");
    const unknown = await askLink("onbekend@nergens.test");
    expect(known).toEqual(unknown);
    const a = await linkFromMail("bekend@klimop.test");
    const b = await linkFromMail("onbekend@nergens.test");
    const strip = (s: string) => s.replace(/\?\S+/g, "?…");
    expect(strip(a.mail.text)).toBe(strip(b.mail.text));
    expect(a.mail.subject).toBe(b.mail.subject);
    // Asking stores no caller: only a verified sign-in does.
    expect(await t.db.caller.count({ where: { email: "onbekend@nergens.test" } })).toBe(0);
  });

  it("is limited per address and per client address; over the limit nothing is stored or sent", async () => {
    await t.db.rateLimitHit.deleteMany();
    for (let i = 0; i < login.CALLER_LINK_LIMITS.perEmail; i++) await askLink("veel@klimop.test", `10.9.1.${i}`);
    const mails = await t.db.mailOutbox.count({ where: { to: "veel@klimop.test" } });
    const tokens = await t.db.callerLoginToken.count({ where: { identifier: "veel@klimop.test" } });
    const over = await askLink("veel@klimop.test", "10.9.1.99").catch((e: unknown) => e);
    expect(over).toBeInstanceOf(RateLimitError);
    expect((over as RateLimitError).status).toBe(429);
    expect((over as RateLimitError).message).toMatch(/Wacht \d+ minuten/);
    expect(await t.db.mailOutbox.count({ where: { to: "veel@klimop.test" } })).toBe(mails);
    expect(await t.db.callerLoginToken.count({ where: { identifier: "veel@klimop.test" } })).toBe(tokens);

    await t.db.rateLimitHit.deleteMany();
    for (let i = 0; i < login.CALLER_LINK_LIMITS.perIp; i++) await askLink(`school${i}@klimop.test`, "10.9.2.1");
    await expect(askLink("nog-een@klimop.test", "10.9.2.1")).rejects.toBeInstanceOf(RateLimitError);
    expect(await t.db.mailOutbox.count({ where: { to: "nog-een@klimop.test" } })).toBe(0);
  });

  it("validates the address (and refuses a BSN as its local part) before anything happens", () => {
    expect(login.callerLinkSchema.safeParse({ email: "geen-adres" }).success).toBe(false);
    expect(login.callerLinkSchema.safeParse({ email: "123456782@school.test" }).success).toBe(false);
    expect(login.callerLinkSchema.safeParse({ email: " Els@Klimop.test " }).data?.email).toBe("els@klimop.test");
  });

  it("logout ends every session of the caller (the session version)", async () => {
    await t.db.rateLimitHit.deleteMany();
    await askLink("uit@klimop.test");
    const r = await openLink((await linkFromMail("uit@klimop.test")).callback);
    expect(r.user).not.toBeNull();
    await login.endCallerSessions(t.db, { callerId: r.user!.id });
    expect(await auth.sessionUserFor({ uid: r.user!.id, sv: r.sv, role: CALLER_ROLE })).toBeNull();
    // A caller's id is never read as a staff account, nor a staff id as a caller.
    expect(await auth.sessionUserFor({ uid: r.user!.id, sv: 0 })).toBeNull();
    expect(await auth.sessionUserFor({ uid: staff.admin.id, sv: 0, role: CALLER_ROLE })).toBeNull();
  });

  it("a caller's cookie is sent away from /desk and /redactie by the proxy, a staff cookie is not", async () => {
    await t.db.rateLimitHit.deleteMany();
    await askLink("proxy@klimop.test");
    const res = await Auth(new Request((await linkFromMail("proxy@klimop.test")).callback), auth.authConfig);
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(";", 1)[0]!)
      .find((c) => c.startsWith(`${COOKIE}=`))!;
    const jar = { getAll: () => [{ name: COOKIE, value: cookie.slice(COOKIE.length + 1) }] };
    expect(await gate.callerInStaffArea("/desk", jar)).toBe(true);
    expect(await gate.callerInStaffArea("/desk/tickets/PO-2026-000001", jar)).toBe(true);
    expect(await gate.callerInStaffArea("/redactie", jar)).toBe(true);
    expect(await gate.callerInStaffArea("/mijn-vragen", jar)).toBe(false);
    expect(await gate.callerInStaffArea("/desk", { getAll: () => [{ name: COOKIE, value: "rommel" }] })).toBe(false);
    const staffToken = await encode({
      token: { uid: staff.po.id, role: "agent", desks: ["po"], sv: 0 },
      secret: "development-only-secret-not-for-production-use-0123456789",
      salt: COOKIE,
    });
    expect(await gate.callerInStaffArea("/desk", { getAll: () => [{ name: COOKIE, value: staffToken }] })).toBe(false);
  });
});

describe("authorization matrix with the caller role", () => {
  let caller: SessionUser;
  let own: string;
  let other: string;
  beforeAll(async () => {
    caller = await signedIn("matrix@regenboog.test");
    own = (await newTicket(t.db, "po", { email: "matrix@regenboog.test", name: "Mia Matrix" })).reference;
    other = (await newTicket(t.db, "po", { email: "iemand@anderschool.test", name: "Iemand Anders" })).reference;
  });

  it("the role passes no staff check, and no staff role passes the caller check", () => {
    expect(hasRole(caller, ["agent"])).toBe(false);
    expect(hasRole(caller, ["editor"])).toBe(false);
    expect(hasRole(caller, ["admin"])).toBe(false);
    expect(hasRole(caller, ["agent", "editor", "admin"])).toBe(false);
    expect(hasRole(caller, [CALLER_ROLE])).toBe(true);
    for (const s of [staff.admin, staff.po, staff.editor]) expect(hasRole(s, [CALLER_ROLE])).toBe(false);
    expect(hasRole(staff.admin, ["agent"])).toBe(true);
    expect(visibleDesks(caller)).toEqual([]);
    expect(homeFor(caller)).toBe("/mijn-vragen");
  });

  it("own ticket: listed, readable, answerable", async () => {
    const list = await tickets.listCallerTickets(t.db, { user: caller });
    expect(list.map((x) => x.reference)).toEqual([own]);
    expect(list[0]).toMatchObject({ mine: true, status: "new", desk: { name: "Helpdesk BRON PO" } });
    const view = await tickets.getCallerTicket(t.db, { user: caller, reference: own.toLowerCase() });
    expect(view.mine).toBe(true);
    expect(view.ticket.messages.every((m) => m.kind !== "note")).toBe(true);
  });

  it("another person's ticket (another organisation): 404 for every action, as for a reference that does not exist", async () => {
    const probes: [string, (ref: string) => Promise<unknown>][] = [
      ["getCallerTicket", (reference) => tickets.getCallerTicket(t.db, { user: caller, reference })],
      ["reply", (reference) => tickets.replyAsSignedInCaller(t.db, { user: caller, reference, message: "Hallo daar" })],
      ["close", (reference) => tickets.closeAsSignedInCaller(t.db, { user: caller, reference })],
      ["attachment", (reference) => tickets.attachmentForSignedInCaller(t.db, { user: caller, reference, id: "x" })],
    ];
    for (const [name, probe] of probes) {
      await expect(probe(other), name).rejects.toBeInstanceOf(NotFoundError);
      await expect(probe("PO-2026-999999"), name).rejects.toBeInstanceOf(NotFoundError);
    }
    const row = await t.db.ticket.findUniqueOrThrow({ where: { reference: other }, include: { messages: true } });
    expect(row.status).toBe("new");
    expect(row.messages.filter((m) => m.kind === "caller")).toHaveLength(1);
  });

  it("a desk page's service: the caller's own ticket is a 404 there too", async () => {
    await expect(getTicketForAgent(t.db, { user: caller, reference: own })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("staff are no callers: the caller services refuse an agent and an admin", async () => {
    for (const s of [staff.po, staff.admin])
      await expect(tickets.listCallerTickets(t.db, { user: s })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("reading and answering", () => {
  it("replies with a file through the intake checks, reopens a resolved question, closes", async () => {
    const caller = await signedIn("antwoord@regenboog.test");
    const made = await newTicket(t.db, "po", { email: "antwoord@regenboog.test", name: "Ank Antwoord" });
    await t.db.ticket.update({ where: { id: made.id }, data: { status: "resolved", resolvedAt: new Date() } });
    const r = await tickets.replyAsSignedInCaller(t.db, {
      user: caller,
      reference: made.reference,
      message: "Hierbij de lijst die u vroeg.",
      attachments: [{ name: "lijst.txt", bytes: new TextEncoder().encode("Groep 5: 3 dagen afwezig\n") }],
      storage: files,
    });
    expect(r).toEqual({ reopened: true, attachments: 1 });
    const view = await tickets.getCallerTicket(t.db, { user: caller, reference: made.reference });
    expect(view.ticket.status).toBe("open");
    const msg = view.ticket.messages.find((m) => m.body === "Hierbij de lijst die u vroeg.")!;
    expect(msg.attachments.map((a) => a.fileName)).toEqual(["lijst.txt"]);
    const a = await tickets.attachmentForSignedInCaller(t.db, {
      user: caller,
      reference: made.reference,
      id: msg.attachments[0]!.id,
    });
    expect(a.fileName).toBe("lijst.txt");

    // A file with a BSN in it is refused and nothing is stored.
    const before = await t.db.message.count({ where: { ticketId: made.id } });
    await expect(
      tickets.replyAsSignedInCaller(t.db, {
        user: caller,
        reference: made.reference,
        message: "Nog een bestand.",
        attachments: [{ name: "leerling.txt", bytes: new TextEncoder().encode("BSN 123456782\n") }],
        storage: files,
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await t.db.message.count({ where: { ticketId: made.id } })).toBe(before);

    await tickets.closeAsSignedInCaller(t.db, { user: caller, reference: made.reference });
    const closed = await t.db.ticket.findUniqueOrThrow({ where: { id: made.id } });
    expect(closed.status).toBe("closed");
    await expect(
      tickets.replyAsSignedInCaller(t.db, { user: caller, reference: made.reference, message: "Toch nog iets." }),
    ).rejects.toBeInstanceOf(ValidationError);
    // Own tickets are never audited as a colleague's view.
    expect(await t.db.auditEvent.count({ where: { ticketId: made.id, action: "ticket.viewed_by_colleague" } })).toBe(0);
  });

  it("lists newest first and shows a merged question as the question it joined", async () => {
    const caller = await signedIn("lijst@regenboog.test");
    const older = await newTicket(t.db, "po", { email: "lijst@regenboog.test" }, new Date("2026-03-02T08:30:00Z"));
    const newer = await newTicket(t.db, "vo-mbo", { email: "lijst@regenboog.test", callerType: "vo-school" });
    const list = await tickets.listCallerTickets(t.db, { user: caller });
    expect(list.map((x) => x.reference)).toEqual([newer.reference, older.reference]);
    expect(list[0]!.desk.name).toBe("Informatiepunt Onderwijs (IPO)");
    const host = await newTicket(t.db, "po", { email: "host@regenboog.test" });
    await t.db.ticket.update({ where: { id: older.id }, data: { mergedIntoId: host.id } });
    const after = await tickets.listCallerTickets(t.db, { user: caller });
    expect(after.map((x) => x.reference)).toEqual([host.reference, newer.reference]);
    const view = await tickets.getCallerTicket(t.db, { user: caller, reference: older.reference });
    expect(view.ticket.reference).toBe(host.reference);
    expect(view.mine).toBe(true);
  });
});

describe("sharing within an organisation", () => {
  let sharing: typeof import("./sharing");
  let anna: SessionUser;
  let eve: SessionUser;
  let regenboog: string;
  const ref: Record<string, string> = {};

  const org = (name: string, kind: string, code: string | null, domain?: string) =>
    t.db.organisation.create({
      data: {
        name,
        kind,
        code,
        sector: kind === "school" ? "po" : null,
        searchText: name.toLowerCase(),
        ...(domain ? { domains: { create: [{ domain }] } } : {}),
      },
    });
  const ticketFor = async (key: string, email: string, organisationId: string, extra: { schoolId?: string } = {}) => {
    const made = await newTicket(t.db, "po", { email, name: `Beller ${key}` });
    await t.db.ticket.update({ where: { id: made.id }, data: { organisationId, ...extra } });
    ref[key] = made.reference;
  };

  beforeAll(async () => {
    sharing = await import("./sharing");
    regenboog = (await org("Basisschool De Regenboog", "school", "12AB", "deregenboog.test")).id;
    const ander = await org("Basisschool Het Anker", "school", "34CD", "hetanker.test");
    await t.db.organisation.update({ where: { id: ander.id }, data: { shared: true } });
    const gemeente = await org("Gemeente Zuidstad", "gemeente", "GM0999", "zuidstad.test");
    await ticketFor("anna", "anna@deregenboog.test", regenboog);
    await ticketFor("bert", "bert@deregenboog.test", regenboog);
    await ticketFor("anker", "carla@hetanker.test", ander.id);
    // The municipality asks about De Regenboog: the municipality's ticket, not the school's.
    await ticketFor("gemeente", "leerplicht@zuidstad.test", gemeente.id, { schoolId: regenboog });
    // Someone who typed De Regenboog's school code in the wizard from a private address.
    await ticketFor("eve", "eve@elders.test", regenboog);
    anna = await signedIn("anna@deregenboog.test");
    eve = await signedIn("eve@elders.test");
  });

  const refs = async (user: SessionUser) =>
    (await tickets.listCallerTickets(t.db, { user })).map((x) => x.reference).sort();

  it("off by default: a colleague's ticket is a 404", async () => {
    expect((await t.db.organisation.findUniqueOrThrow({ where: { id: regenboog } })).shared).toBe(false);
    expect(await refs(anna)).toEqual([ref.anna]);
    await expect(tickets.getCallerTicket(t.db, { user: anna, reference: ref.bert! })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it("only an agent or admin switches it, audited; editors and callers get a 404", async () => {
    await expect(
      sharing.setOrganisationSharing(t.db, { user: staff.editor, organisationId: regenboog, shared: true }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      sharing.setOrganisationSharing(t.db, { user: anna, organisationId: regenboog, shared: true }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      sharing.setOrganisationSharing(t.db, { user: staff.po, organisationId: "bestaat-niet", shared: true }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(
      await sharing.setOrganisationSharing(t.db, { user: staff.po, organisationId: regenboog, shared: true }),
    ).toEqual({ shared: true });
    const audit = await t.db.auditEvent.findMany({ where: { entityId: regenboog, action: "organisation.sharing_on" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(staff.po.id);
  });

  it("on: colleagues' tickets are listed, readable (audited) and answerable; other organisations' are not", async () => {
    // Every ticket asked on the school's behalf (Ticket.organisationId), also one whose caller typed its school code.
    expect(await refs(anna)).toEqual([ref.anna, ref.bert, ref.eve].sort());
    const view = await tickets.getCallerTicket(t.db, { user: anna, reference: ref.bert! });
    expect(view.mine).toBe(false);
    const audit = await t.db.auditEvent.findMany({
      where: { ticketId: view.ticket.id, action: "ticket.viewed_by_colleague" },
    });
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after!)).toEqual({ callerId: anna.id, email: "anna@deregenboog.test" });
    // Her own ticket is no colleague's view.
    await tickets.getCallerTicket(t.db, { user: anna, reference: ref.anna! });
    expect(await t.db.auditEvent.count({ where: { action: "ticket.viewed_by_colleague" } })).toBe(1);

    await tickets.replyAsSignedInCaller(t.db, {
      user: anna,
      reference: ref.bert!,
      message: "Bert is op vakantie, ik neem het over.",
    });
    const msg = await t.db.message.findFirstOrThrow({
      where: { ticketId: view.ticket.id, body: { startsWith: "Bert is op" } },
    });
    expect(msg).toMatchObject({ kind: "caller", emailFrom: "anna@deregenboog.test", otherSender: true });

    // Another (also shared) organisation's ticket, and the municipality's ticket about her school: 404.
    for (const other of [ref.anker!, ref.gemeente!])
      await expect(tickets.getCallerTicket(t.db, { user: anna, reference: other })).rejects.toBeInstanceOf(
        NotFoundError,
      );
  });

  it("a caller matched to the school only by a typed school code (not its e-mail domain) sees nothing shared", async () => {
    expect(await refs(eve)).toEqual([ref.eve]);
    await expect(tickets.getCallerTicket(t.db, { user: eve, reference: ref.bert! })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it("off again: the colleague's ticket is a 404 again", async () => {
    await sharing.setOrganisationSharing(t.db, { user: staff.admin, organisationId: regenboog, shared: false });
    expect(await refs(anna)).toEqual([ref.anna]);
    await expect(tickets.getCallerTicket(t.db, { user: anna, reference: ref.bert! })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});
