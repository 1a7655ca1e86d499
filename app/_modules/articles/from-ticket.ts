// "Maak artikelconcept" (issue #19): an agent turns a resolved ticket into an article draft. The caller's question
// becomes an "Ook gevraagd als" question and the agent's last reply the body, both without personal details
// (from-ticket-text.ts); topic and audience come from the ticket. The draft enters the editors' four-eyes workflow
// like any draft (revision 1, written by the agent, who never approves it: only editors publish). ArticleTicket
// links the ticket(s) to the draft; a second ticket can join an existing draft, and the article keeps its links
// when it is published.
import "server-only";
import type { Db } from "@/app/_core/db";
import { ConflictError, NotFoundError, ValidationError } from "@/app/_core/errors";
import { hasRole, type SessionUser } from "@/app/_core/session";
import { recordAudit } from "@/app/_modules/audit/service";
import { findScoped } from "@/app/_modules/tickets/desk/scoped";
import { snapshotColumn } from "./snapshot";
import {
  bodyFrom,
  questionFrom,
  removePersonalDetails,
  slugFrom,
  stripGreetings,
  summaryFrom,
  titleFrom,
} from "./from-ticket-text";
import { commit, contentColumns, readTaxonomy } from "./workflow-store";
import { validateArticleFields } from "./workflow-validate";
import { toWorkingStatus, type WorkingStatus } from "./workflow-policy";

const DONE_STATUSES = ["resolved", "closed"];
export const NOT_RESOLVED = "Maak een artikelconcept pas als de vraag is opgelost.";
export const NO_TOPIC = "Geef de vraag eerst een onderwerp. Het artikel krijgt hetzelfde onderwerp.";
export const NO_ANSWER = "Deze vraag heeft nog geen antwoord aan de vrager. Daar maakt u het artikel van.";
export const ARTICLE_GONE = "Dit artikelconcept bestaat niet meer. Kies een ander of maak een nieuw concept.";

const CALLER_AUDIENCES: Record<string, string[]> = {
  "po-school": ["school-po"],
  "vo-school": ["school-vo"],
  "mbo-institution": ["mbo-instelling"],
  municipality: ["gemeente-leerplicht", "gemeente-rmc"],
  "software-vendor": ["softwareleverancier"],
};
const SECTOR_AUDIENCES: Record<string, string[]> = { po: ["school-po"], vo: ["school-vo"], mbo: ["mbo-instelling"] };
const CALLER_SECTORS: Record<string, string> = { "po-school": "po", "vo-school": "vo", "mbo-institution": "mbo" };
const DESK_AUDIENCES: Record<string, string[]> = { po: ["school-po"], "vo-mbo": ["school-vo", "mbo-instelling"] };

function requireAgent(user: SessionUser) {
  if (!hasRole(user, ["agent"])) throw new NotFoundError();
}

/** The ticket with what a draft needs: the caller's first message, the replies and everyone's names. */
async function loadTicket(db: Db, user: SessionUser, reference: string) {
  const t = await findScoped(db, user, reference);
  if (t.mergedIntoId) throw new ConflictError("Deze vraag is samengevoegd. Maak het concept bij de andere vraag.");
  const messages = await db.message.findMany({
    where: { ticketId: t.id, kind: { in: ["caller", "reply"] } },
    orderBy: { createdAt: "asc" },
    select: { kind: true, body: true, author: { select: { name: true } } },
  });
  return { ticket: t, messages };
}

export type TicketDraft = { articleId: string; created: boolean };

/**
 * Creates the draft for a resolved ticket, or returns the article it is already linked to. Refused with a Dutch
 * message when the ticket is not resolved, has no topic or no reply; fields that do not pass the editor's checks
 * (validateArticleFields) are refused the same way, and nothing is stored.
 */
export async function createDraftFromTicket(
  db: Db,
  opts: { user: SessionUser; reference: string },
): Promise<TicketDraft> {
  requireAgent(opts.user);
  const { ticket: t, messages } = await loadTicket(db, opts.user, opts.reference);
  const existing = await db.articleTicket.findFirst({ where: { ticketId: t.id }, select: { articleId: true } });
  if (existing) return { articleId: existing.articleId, created: false };
  if (!DONE_STATUSES.includes(t.status)) throw new ConflictError(NOT_RESOLVED);
  if (!t.topic) throw new ValidationError(NO_TOPIC, [{ path: "topic", message: NO_TOPIC }]);
  const question = messages.find((m) => m.kind === "caller");
  const answer = messages.filter((m) => m.kind === "reply").at(-1);
  if (!answer) throw new ConflictError(NO_ANSWER);

  const names = [t.requester.name, ...messages.map((m) => m.author?.name ?? "")].filter(Boolean);
  const clean = (s: string) => removePersonalDetails(s, names);
  const answerText = clean(stripGreetings(answer.body));
  const questionText = question ? questionFrom(clean(stripGreetings(question.body))) : null;
  const title = titleFrom(clean(t.subject));
  const taxonomy = await readTaxonomy(db);
  const sectorIds = new Set(taxonomy.sectors.map((s) => s.id));
  const audienceIds = new Set(taxonomy.audiences.map((a) => a.id));
  const audiences = (
    CALLER_AUDIENCES[t.callerType] ??
    (t.sector ? SECTOR_AUDIENCES[t.sector] : undefined) ??
    DESK_AUDIENCES[t.deskId] ??
    []
  ).filter((a) => audienceIds.has(a));
  const sector = t.sector ?? CALLER_SECTORS[t.callerType] ?? (t.deskId === "po" ? "po" : null);
  const sectors = [sector && sectorIds.has(sector) ? sector : "sectoroverstijgend"];

  const snapshot = await validateArticleFields(db, {
    articleId: null,
    fields: {
      slug: slugFrom(title, t.reference),
      type: "faq",
      title,
      summary: summaryFrom(answerText, title),
      body: bodyFrom(answerText),
      audiences,
      sectors,
      topic: t.topic,
      questions: questionText ? [questionText] : [],
      reviewDueAt: null,
    },
  });
  return commit(db, async (tx) => {
    const a = await tx.article.create({ data: { ...contentColumns(snapshot), status: "draft" } });
    await tx.articleRevision.create({
      data: {
        articleId: a.id,
        number: 1,
        status: "draft",
        note: `Concept uit vraag ${t.reference}`,
        snapshot: snapshotColumn.encode(snapshot),
        authorId: opts.user.id,
      },
    });
    await tx.articleTicket.create({ data: { articleId: a.id, ticketId: t.id, createdById: opts.user.id } });
    await recordAudit(tx, {
      actorId: opts.user.id,
      action: "article.created_from_ticket",
      entityType: "article",
      entityId: a.id,
      after: { status: "draft", slug: snapshot.slug, ticket: t.reference },
    });
    return { articleId: a.id, created: true };
  });
}

/** Links one more ticket (resolved, in the agent's desks) to an existing draft or article. */
export async function linkTicketToArticle(
  db: Db,
  opts: { user: SessionUser; reference: string; articleId: string },
): Promise<void> {
  requireAgent(opts.user);
  const { ticket: t } = await loadTicket(db, opts.user, opts.reference);
  if (!DONE_STATUSES.includes(t.status)) throw new ConflictError(NOT_RESOLVED);
  const article = await db.article.findUnique({ where: { id: opts.articleId }, select: { id: true, status: true } });
  if (!article || article.status === "archived") throw new NotFoundError(ARTICLE_GONE);
  await db.$transaction(async (tx) => {
    const has = await tx.articleTicket.findUnique({
      where: { articleId_ticketId: { articleId: article.id, ticketId: t.id } },
    });
    if (has) return;
    await tx.articleTicket.create({ data: { articleId: article.id, ticketId: t.id, createdById: opts.user.id } });
    await recordAudit(tx, {
      actorId: opts.user.id,
      action: "article.ticket_linked",
      entityType: "article",
      entityId: article.id,
      after: { ticket: t.reference },
    });
  });
}

export type LinkedArticle = { id: string; title: string; slug: string; status: string; workingStatus: WorkingStatus };

async function withWorkingStatus(
  db: Db,
  rows: { id: string; title: string; slug: string; status: string }[],
): Promise<LinkedArticle[]> {
  const latest = await db.articleRevision.findMany({
    where: { articleId: { in: rows.map((r) => r.id) } },
    orderBy: { number: "desc" },
    select: { articleId: true, status: true },
  });
  return rows.map((r) => ({
    ...r,
    workingStatus: toWorkingStatus(latest.find((l) => l.articleId === r.id)?.status ?? r.status),
  }));
}

/** For the ticket page: the article(s) made from this ticket, and other open drafts on its topic to join. */
export async function ticketArticles(
  db: Db,
  opts: { user: SessionUser; ticketId: string; topic: string | null },
): Promise<{ linked: LinkedArticle[]; joinable: LinkedArticle[] }> {
  requireAgent(opts.user);
  const links = await db.articleTicket.findMany({
    where: { ticketId: opts.ticketId },
    select: { article: { select: { id: true, title: true, slug: true, status: true } } },
  });
  const linked = await withWorkingStatus(
    db,
    links.map((l) => l.article),
  );
  const joinable = opts.topic
    ? await db.article.findMany({
        where: { topic: opts.topic, status: { in: ["draft", "in_review"] }, tickets: { some: {} } },
        orderBy: { createdAt: "desc" },
        take: 10,
        select: { id: true, title: true, slug: true, status: true },
      })
    : [];
  return { linked, joinable: await withWorkingStatus(db, joinable) };
}

/** For the editor screen: the tickets an article was made from (reference, subject, desk), oldest first. */
export async function articleTickets(db: Db, articleId: string) {
  const rows = await db.articleTicket.findMany({
    where: { articleId },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true, ticket: { select: { reference: true, subject: true, deskId: true, status: true } } },
  });
  return rows.map((r) => ({ ...r.ticket, linkedAt: r.createdAt }));
}
