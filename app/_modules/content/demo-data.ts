// Demo data for the embedded default (never in production on PostgreSQL): the demo organisations, a few months of
// invented history (demo-history.ts: some 350 tickets on both desks from every channel, with searches, feedback and
// wizard runs) and a few hand-written questions of the last days with replies, notes, tags and macros, so the queues,
// the reports, the organisation pages and the content-gap report show what they are for on a fresh `npm start`.
// Seeded once (skipped when tickets exist); SEED_DEMO_DATA=off skips it.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import type { Db } from "@/app/_core/db";
import { importOrganisations } from "@/app/_modules/organisations/import";
import { findSchoolByCode, matchCaller } from "@/app/_modules/organisations/service";
import type { DeskId, Role, SessionUser } from "@/app/_core/session";
import { assignTicket } from "@/app/_modules/tickets/desk/assign";
import { changeStatus } from "@/app/_modules/tickets/desk/status";
import { replyToTicket } from "@/app/_modules/tickets/desk/reply";
import { setTags } from "@/app/_modules/tickets/desk/tags";
import { saveMacro } from "@/app/_modules/tickets/macros";
import type { IntakeInput } from "@/app/_modules/tickets/schema";
import { createTicket } from "@/app/_modules/tickets/create-ticket";
import { seedDemoHistory } from "./demo-history";
import { DEMO_USERS } from "./demo-users";

type DemoTicket = {
  desk: DeskId;
  hoursAgo: number;
  input: IntakeInput;
  by?: string;
  reply?: string;
  note?: string;
  status?: "open" | "waiting" | "resolved" | "closed";
  tags?: string[];
};

const T: DemoTicket[] = [
  {
    desk: "vo-mbo",
    hoursAgo: 2,
    input: {
      callerType: "vo-school",
      organisation: "Stellingwerf College",
      schoolCode: "12AB",
      topic: "verzuim-melden",
      question:
        "Een leerling uit havo 3 heeft in drie weken 18 uur gespijbeld. Moeten wij dit nu al melden bij de leerplichtambtenaar, of wachten we tot vier weken vol zijn?",
      name: "Marit Hoekstra",
      email: "m.hoekstra@stellingwerf.test",
    },
  },
  {
    desk: "vo-mbo",
    hoursAgo: 5,
    input: {
      callerType: "software-vendor",
      organisation: "Schoolsoft BV",
      topic: "koppeling-techniek",
      question:
        "Onze koppeling met het verzuimregister geeft sinds vanochtend een foutmelding bij het versturen van meldingen. Is er een storing bekend?",
      name: "Ruben de Wit",
      email: "ruben@schoolsoft.test",
      phone: "020-123 45 67",
    },
    by: "agent.vo@helpdesk.test",
    note: "Andere leveranciers melden hetzelfde sinds 08.30. Navragen bij beheer.",
    status: "open",
    tags: ["storing"],
  },
  {
    desk: "vo-mbo",
    hoursAgo: 26,
    input: {
      callerType: "municipality",
      organisation: "Gemeente Ooststellingwerf",
      topic: "rapportages",
      question:
        "Hoe kan ik het maandelijkse overzicht van verzuimmeldingen voor onze gemeente downloaden? De link in de mail werkt niet meer.",
      name: "Anouk Bakker",
      email: "a.bakker@gemeente.test",
    },
    by: "agent.vo@helpdesk.test",
    reply:
      "Beste Anouk,\n\nDe link in de mail is 30 dagen geldig. U vindt het overzicht ook in Mijn DUO onder Overzichten. Lukt het daar niet? Laat het ons weten.\n\nMet vriendelijke groet,\nInformatiepunt Onderwijs",
    status: "waiting",
  },
  {
    desk: "vo-mbo",
    hoursAgo: 50,
    input: {
      callerType: "mbo-institution",
      organisation: "ROC Friesland College",
      topic: "rmc-vsv",
      question:
        "Een BOL-student van 19 zonder startkwalificatie komt al vier weken niet. Moeten wij dit melden bij RMC, en hoe?",
      name: "Sanne Visser",
      email: "s.visser@roc.test",
    },
    by: "agent.beide@helpdesk.test",
    reply:
      "Beste Sanne,\n\nJa. Voor jongeren tot 23 jaar zonder startkwalificatie meldt u langdurig verzuim bij RMC via het verzuimloket. Kies het meldingstype RMC.\n\nMet vriendelijke groet,\nInformatiepunt Onderwijs",
    status: "resolved",
    tags: ["rmc"],
  },
  {
    desk: "vo-mbo",
    hoursAgo: 75,
    input: {
      callerType: "vo-school",
      organisation: "CSG Liudger",
      topic: "verlof",
      question:
        "Ouders vragen vakantieverlof aan voor de week na de zomervakantie vanwege hun werk. Mogen wij dit toestaan?",
      name: "Pieter Mulder",
      email: "p.mulder@liudger.test",
    },
  },
  {
    desk: "po",
    hoursAgo: 1,
    input: {
      callerType: "po-school",
      organisation: "Basisschool De Regenboog",
      schoolCode: "34CD",
      topic: "verzuim-melden",
      question: "Een leerling uit groep 6 komt steeds te laat. Moeten wij dat melden en zo ja, vanaf hoe vaak?",
      name: "Fatima el Amrani",
      email: "f.elamrani@regenboog.test",
    },
  },
  {
    desk: "po",
    hoursAgo: 28,
    input: {
      callerType: "school-board",
      organisation: "Stichting Primair Onderwijs Noord",
      topic: "inschrijving",
      question:
        "Op een van onze basisscholen staat een nieuwe leerling nog niet in het register. Hoe lossen we dat op?",
      name: "Joost van Dam",
      email: "j.vandam@spon.test",
    },
    by: "agent.po@helpdesk.test",
    note: "School gebruikt ParnasSys; controleren of de inschrijving is verstuurd.",
    status: "open",
    tags: ["register"],
  },
  {
    desk: "po",
    hoursAgo: 98,
    input: {
      callerType: "po-school",
      organisation: "OBS Het Kompas",
      topic: "verlof",
      question: "Mag een leerling uit groep 3 twee dagen vrij voor de bruiloft van een tante? Wie beslist daarover?",
      name: "Lotte Jansen",
      email: "l.jansen@kompas.test",
    },
    by: "agent.po@helpdesk.test",
    reply:
      "Beste Lotte,\n\nDit valt onder gewichtige omstandigheden. Voor verlof tot en met 10 schooldagen beslist de directeur van de school. Het is geen vakantieverlof.\n\nMet vriendelijke groet,\nHelpdesk BRON PO",
    status: "closed",
  },
];

const SEARCHES: [string, number, string | null][] = [
  ["verzuim melden", 8, "ongeoorloofd-verzuim-melden"],
  ["16 uur", 6, "uren-tellen-ongeoorloofd-verzuim"],
  ["vakantieverlof", 4, "vakantieverlof-aanvragen"],
  ["spijbelen", 7, null],
  ["thuiszitters", 3, "thuiszitters-wie-helpt"],
  ["huisonderwijs", 0, null],
  ["huisonderwijs", 0, null],
  ["schorsing leerling", 0, null],
  ["schorsing", 0, null],
  ["doublure", 0, null],
  ["te laat komen", 5, "te-laat-komen"],
  ["ziekmelding", 4, null],
];

/** The invented demo organisations in DUO's column layout (see README, "Organisations"). */
export const DEMO_ORGANISATIONS = path.resolve(
  /*turbopackIgnore: true*/ process.cwd(),
  "content",
  "demo",
  "organisaties.csv",
);

/** Links the demo callers to their organisations as the intake would (e-mail domain, school code); the bestuur's
 *  question about one of its basisscholen records that school as the school concerned. */
async function linkDemoOrganisations(db: Db): Promise<void> {
  // Only the hand-written questions: the history (demo-history.ts) is written with its organisations already linked.
  const requesters = await db.requester.findMany({
    where: { email: { in: T.map((d) => d.input.email) } },
    select: { id: true, email: true, schoolCode: true },
  });
  for (const r of requesters) {
    const m = await matchCaller(db, { email: r.email, schoolCode: r.schoolCode });
    if (!m) continue;
    await db.requester.update({
      where: { id: r.id },
      data: { organisationId: m.organisation.id, organisationMatchedBy: m.matchedBy },
    });
    await db.ticket.updateMany({ where: { requesterId: r.id }, data: { organisationId: m.organisation.id } });
  }
  const bestuur = await db.organisation.findFirst({ where: { kind: "bestuur", code: "41001" } });
  const school = await findSchoolByCode(db, "34CD");
  const asked = await db.requester.findFirst({ where: { email: "j.vandam@spon.test" }, select: { id: true } });
  if (bestuur && school && asked) {
    await db.requester.update({
      where: { id: asked.id },
      data: { organisationId: bestuur.id, organisationMatchedBy: "agent" },
    });
    await db.ticket.updateMany({
      where: { requesterId: asked.id },
      data: { organisationId: bestuur.id, schoolId: school.id },
    });
  }
}

/** Seeds demo tickets, macros, searches, feedback and wizard runs once. Returns the number of tickets made.
 *  `sqliteUrl` (the URL of `db` on SQLite) writes the history with prepared statements, much faster. */
export async function seedDemoData(
  db: Db,
  now = new Date(),
  opts: { organisationsCsv?: string; sqliteUrl?: string } = {},
): Promise<number> {
  const organisationsCsv = opts.organisationsCsv ?? DEMO_ORGANISATIONS;
  if ((await db.ticket.count()) > 0) return 0;
  // The invented organisations (DUO layout), so tickets, callers and the organisation pages have something to show.
  if (fs.existsSync(organisationsCsv)) await importOrganisations(db, fs.readFileSync(organisationsCsv, "utf8"));
  const users = await db.user.findMany({
    where: { email: { in: DEMO_USERS.map((u) => u.email) } },
    include: { desks: true },
  });
  const asSession = (email: string): SessionUser => {
    const u = users.find((x) => x.email === email)!;
    return {
      id: u.id,
      email: u.email,
      name: u.name,
      role: u.role as Role,
      desks: u.desks.map((d) => d.deskId as DeskId),
    };
  };
  const admin = asSession("beheer@helpdesk.test");
  await saveMacro(db, {
    user: admin,
    deskId: null,
    title: "Bedankt, wij zoeken het uit",
    body: "Beste {{naam}},\n\nBedankt voor uw vraag ({{referentie}}). Wij zoeken het uit en laten het u zo snel mogelijk weten.\n\nMet vriendelijke groet,\n{{desk}}",
  });
  await saveMacro(db, {
    user: admin,
    deskId: "po",
    title: "Melden via de LAS",
    body: "Beste {{naam}},\n\nBasisscholen melden verzuim vanuit hun leerlingadministratiesysteem (LAS). Lukt dat niet? Neem contact op met uw leverancier.\n\nMet vriendelijke groet,\n{{desk}}",
  });

  // A few months of history first (oldest numbers), then the hand-written questions of the last days on top.
  const history = await seedDemoHistory(db, now, { sqliteUrl: opts.sqliteUrl });
  for (const d of T) {
    const at = new Date(now.getTime() - d.hoursAgo * 3_600_000);
    const c = await createTicket(db, { input: d.input, deskId: d.desk, channel: "web", now: at });
    if (!d.by) continue;
    const user = asSession(d.by);
    const later = new Date(at.getTime() + 40 * 60_000);
    await assignTicket(db, { user, reference: c.reference, assigneeId: user.id, now: later });
    if (d.note) await replyToTicket(db, { user, reference: c.reference, body: d.note, kind: "note", now: later });
    if (d.reply) await replyToTicket(db, { user, reference: c.reference, body: d.reply, kind: "reply", now: later });
    // A reply already opens a new ticket; otherwise the status is set explicitly.
    if (d.status && !(d.status === "open" && d.reply))
      await changeStatus(db, { user, reference: c.reference, status: d.status, now: later });
    if (d.tags?.length) await setTags(db, { user: admin, reference: c.reference, tags: d.tags, now: later });
  }
  await linkDemoOrganisations(db);
  // Mails of the demo are not delivered: they would go to made-up addresses.
  await db.mailOutbox.updateMany({ where: { status: "pending" }, data: { status: "sent", sentAt: now } });

  for (const [i, [query, resultCount, clickedSlug]] of SEARCHES.entries()) {
    await db.searchLog.create({
      data: {
        query,
        normalized: query.toLowerCase(),
        resultCount,
        clickedSlug,
        source: "portal",
        createdAt: new Date(now.getTime() - i * 3_600_000),
      },
    });
  }
  const art = await db.article.findFirst({ where: { slug: "status-verzuimmelding" }, select: { id: true } });
  if (art) {
    await db.articleFeedback.create({
      data: {
        articleId: art.id,
        helpful: false,
        comment: "Ik mis wat de status 'Ter kennisgeving aangenomen' betekent.",
      },
    });
    await db.articleFeedback.create({ data: { articleId: art.id, helpful: true } });
  }
  for (let i = 0; i < 6; i++) {
    await db.deflectionRun.create({
      data: {
        id: `demo-run-${i}`,
        suggestionsShown: 1 + (i % 3),
        articlesOpened: i % 2,
        outcome: i < 3 ? "answered" : i < 5 ? "submitted" : "abandoned",
        createdAt: new Date(now.getTime() - i * 86_400_000),
      },
    });
  }
  return T.length + history.tickets;
}
