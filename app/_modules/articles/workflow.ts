// The editorial workflow: draft → in review → published → archived, with four eyes, scheduled
// publication, autosave with conflict detection and a revision for every save and status change.
//
// MODEL (no extra tables): the latest ArticleRevision is always the WORKING COPY. The Article row is what
// the public sees: while an article is published, the row keeps the published content, and edits live
// only in revisions until another editor approves them; for any other status the row mirrors the
// working copy. The working status is the latest revision's status:
//   draft | in_review | scheduled | published | archived
// ("scheduled" = approved, waiting for Article.scheduledAt). Article.status stays one of the four
// public states, so a published article with pending changes is status "published" with a working
// status "draft"/"in_review"/"scheduled". Every state change writes revision N+1; the unique
// (articleId, number) index turns two concurrent changes into one success and one ConflictError.
import type { JSONContent } from "@tiptap/core";
import type { Db, Prisma } from "@/app/_core/db";
import {
  ConflictError,
  ExpectedError,
  NotFoundError,
  ValidationError,
  logUnexpected,
  type Issue,
} from "@/app/_core/errors";
import { hasRole, type SessionUser } from "@/app/_core/session";
import { recordAudit } from "@/app/_modules/audit/service";
import type { Taxonomy } from "@/app/_modules/content/taxonomy";
import {
  findProtocol,
  findRule,
  resolveProtocols,
  type ProtocolDefinition,
  type ProtocolSet,
} from "@/app/_modules/protocol/engine/definition";
import { ruleViewByRef } from "@/app/_modules/protocol/engine/rule-view";
import { DEFAULT_PROTOCOL } from "@/app/_lib/tiptap/doc-types";
import { ARTICLE_TYPES, checkAgainstTaxonomy, frontMatterSchema } from "./front-matter";
import { questionIssues, tidyQuestions } from "./questions";
import { articleSnapshot, parseSnapshot, type ArticleSnapshot } from "./snapshot";
import { checkRuleBasis, collectRuleRefs, docStrings, validateDoc } from "./validate";
import { containsPersonalNumber, PERSONAL_NUMBER_MESSAGE } from "@/app/_modules/privacy/personal-number";

/** A rule view, or null when the stored protocol data cannot produce one. */
function safeRuleView<T>(fn: () => T | null): T | null {
  try {
    return fn();
  } catch {
    return null;
  }
}

type Tx = Prisma.TransactionClient;
type DbOrTx = Db | Tx;

export const WORKING_STATUSES = ["draft", "in_review", "scheduled", "published", "archived"] as const;
export type WorkingStatus = (typeof WORKING_STATUSES)[number];

/** Dutch names of the working statuses, for lists and badges. */
export const WORKING_STATUS_LABELS: Record<WorkingStatus, string> = {
  draft: "Concept",
  in_review: "Ter beoordeling",
  scheduled: "Ingepland",
  published: "Gepubliceerd",
  archived: "Gearchiveerd",
};

/** The editable fields as the editor sends them; body is Tiptap JSON (untrusted). */
export type ArticleFieldsInput = {
  slug: string;
  type?: string;
  title: string;
  summary: string;
  body: unknown;
  audiences: string[];
  sectors: string[];
  topic: string;
  /** "Ook gevraagd als" questions; missing = none. */
  questions?: string[];
  /** YYYY-MM-DD or null. */
  reviewDueAt?: string | null;
};

/** Called after the transaction has committed, so the search index never sees uncommitted content. */
export type WorkflowHooks = {
  onPublished?(articleId: string): void | Promise<void>;
  onUnpublished?(articleId: string): void | Promise<void>;
};

export type SavedRevision = { articleId: string; revision: number };

/** Raised when the four-eyes rule forbids an action (403: the user may see the article). */
export class FourEyesError extends ExpectedError {
  constructor(
    message = "U hebt dit artikel zelf ter beoordeling aangeboden. Een andere redacteur of een beheerder moet het goedkeuren.",
  ) {
    super(message, 403);
  }
}

const WROTE_IT =
  "U hebt aan deze versie van het artikel meegeschreven. Een redacteur of beheerder die er niet aan schreef, moet het goedkeuren.";

export const STALE_MESSAGE =
  "Iemand anders heeft dit artikel intussen gewijzigd. Uw wijzigingen zijn niet opgeslagen. Kopieer uw tekst, laad de nieuwste versie en breng uw wijzigingen opnieuw aan.";

// ---------------------------------------------------------------------------------------------
// Policies

/** Editors and admins work on articles; anyone else gets a 404 so the workspace is not confirmed. */
export function requireEditor(user: SessionUser | null | undefined): asserts user is SessionUser {
  if (!hasRole(user, ["editor"])) throw new NotFoundError();
}

/**
 * Whether a user may approve an article in review: an editor or admin who neither submitted it nor wrote any of the
 * revisions under review (see reviewWriters). Pressing "submit" on a colleague's text does not make its writer a
 * second pair of eyes.
 */
export function canApproveArticle(
  user: SessionUser | null | undefined,
  article: { submittedById: string | null; workingStatus: WorkingStatus; writerIds: readonly string[] },
): boolean {
  return (
    hasRole(user, ["editor"]) &&
    article.workingStatus === "in_review" &&
    article.submittedById !== user.id &&
    !article.writerIds.includes(user.id)
  );
}

/**
 * Who wrote the content under review: the authors of every revision after the last published one (all revisions of
 * a never-published article) that changed the content. Status-only revisions (submit, reject, archive) have the same
 * snapshot as the one before and make nobody a writer.
 */
export async function reviewWriters(db: DbOrTx, articleId: string): Promise<string[]> {
  const lastPublished = await db.articleRevision.findFirst({
    where: { articleId, status: "published" },
    orderBy: { number: "desc" },
    select: { number: true, snapshot: true },
  });
  const revs = await db.articleRevision.findMany({
    where: { articleId, number: { gt: lastPublished?.number ?? 0 } },
    orderBy: { number: "asc" },
    select: { snapshot: true, authorId: true },
  });
  const writers = new Set<string>();
  let previous = lastPublished?.snapshot ?? null;
  for (const r of revs) {
    if (r.snapshot !== previous && r.authorId) writers.add(r.authorId);
    previous = r.snapshot;
  }
  return [...writers];
}

// ---------------------------------------------------------------------------------------------
// Shared helpers (also used by revisions.ts, links.ts and gaps.ts)

/** The taxonomy as imported by the seed (Setting "taxonomy"). */
export async function readTaxonomy(db: DbOrTx): Promise<Taxonomy> {
  const row = await db.setting.findUnique({ where: { key: "taxonomy" } });
  if (!row) throw new Error("taxonomy not seeded: run `npm run db:seed`");
  return (JSON.parse(row.value) as { taxonomy: Taxonomy }).taxonomy;
}

async function readProtocols(db: DbOrTx): Promise<ProtocolSet> {
  const rows = await db.protocol.findMany({ orderBy: { id: "asc" } });
  return resolveProtocols(rows.map((r) => JSON.parse(r.definition) as ProtocolDefinition));
}

type RevisionRow = { number: number; status: string; snapshot: string; authorId: string | null };

/** The working copy: the latest revision, or one made from the row for an article without history. */
export async function latestRevision(
  db: DbOrTx,
  article: Parameters<typeof articleSnapshot>[0] & { id: string; status: string },
): Promise<RevisionRow & { parsed: ArticleSnapshot }> {
  const rev = await db.articleRevision.findFirst({
    where: { articleId: article.id },
    orderBy: { number: "desc" },
    select: { number: true, status: true, snapshot: true, authorId: true },
  });
  if (rev) return { ...rev, parsed: parseSnapshot(rev.snapshot) };
  const parsed = articleSnapshot(article);
  return { number: 0, status: article.status, snapshot: JSON.stringify(parsed), authorId: null, parsed };
}

/** Narrows a stored revision status to a working status (unknown values read as draft). */
export function toWorkingStatus(status: string): WorkingStatus {
  return (WORKING_STATUSES as readonly string[]).includes(status) ? (status as WorkingStatus) : "draft";
}

function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "P2002";
}

const SLUG_TAKEN = "Er is al een artikel met dit webadres. Kies een ander webadres.";

// The only unique column of Article besides its id is the slug; on ArticleRevision it is (articleId, number),
// which two concurrent changes of one article both claim.
async function commit<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await db.$transaction(fn);
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    if ((e as { meta?: { modelName?: string } }).meta?.modelName === "Article") {
      throw new ValidationError("Het webadres is al in gebruik.", [{ path: "slug", message: SLUG_TAKEN }]);
    }
    throw new ConflictError(STALE_MESSAGE);
  }
}

async function runHook(name: keyof WorkflowHooks, hooks: WorkflowHooks | undefined, articleId: string): Promise<void> {
  const fn = hooks?.[name];
  if (!fn) return;
  // The change is committed; a failing index update must not report the publication as failed.
  try {
    await fn(articleId);
  } catch (e) {
    logUnexpected(`articles.${name}`, e);
  }
}

async function loadArticle(db: DbOrTx, articleId: string) {
  const a = await db.article.findUnique({ where: { id: articleId } });
  if (!a) throw new NotFoundError("Dit artikel bestaat niet (meer).");
  return a;
}

/** Rule ids as stored in Article.protocolRuleIds (same form as the seed: unique, sorted, without protocol). */
export function ruleIdsOf(doc: JSONContent): string[] {
  return [...new Set(collectRuleRefs(doc).map((r) => r.ruleId))].sort();
}

/** The row columns that hold an article's content, from a snapshot. */
function contentColumns(s: ArticleSnapshot) {
  const doc = JSON.parse(s.body) as JSONContent;
  return {
    slug: s.slug,
    type: s.type,
    title: s.title,
    summary: s.summary,
    body: s.body,
    audiences: JSON.stringify(s.audiences),
    sectors: JSON.stringify(s.sectors),
    topic: s.topic,
    questions: JSON.stringify(s.questions),
    reviewDueAt: s.reviewDueAt ? new Date(`${s.reviewDueAt}T00:00:00.000Z`) : null,
    protocolRuleIds: JSON.stringify(ruleIdsOf(doc)),
  };
}

const utcDay = (d: Date) => new Date(`${d.toISOString().slice(0, 10)}T00:00:00.000Z`);

// ---------------------------------------------------------------------------------------------
// Validation

const FIELD_MESSAGES: Record<string, string> = {
  slug: "Gebruik alleen kleine letters, cijfers en streepjes, zoals verzuim-melden (hoogstens 120 tekens).",
  title: "Geef een titel van 5 tot 160 tekens.",
  summary: "Geef een samenvatting van 10 tot 400 tekens.",
  type: "Kies veelgestelde vraag of nieuws.",
  audiences: "Kies minstens één doelgroep.",
  sectors: "Kies minstens één sector.",
  topic: "Kies een onderwerp.",
  reviewDue: "Vul een geldige datum in (JJJJ-MM-DD).",
};

const TAXONOMY_MESSAGES: Record<string, string> = {
  audiences: "Deze doelgroep bestaat niet. Kies een doelgroep uit de lijst.",
  sectors: "Deze sector bestaat niet. Kies een sector uit de lijst.",
  topic: "Dit onderwerp bestaat niet. Kies een onderwerp uit de lijst.",
};

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);
const trimmed = (v: unknown) => (typeof v === "string" ? v.trim() : v);

/**
 * Validates the fields of a save: front-matter rules, taxonomy ids, a free slug, the body against the
 * article schema and every protocol rule it embeds. Throws one ValidationError with all field issues.
 */
export async function validateArticleFields(
  db: DbOrTx,
  opts: { fields: ArticleFieldsInput; articleId: string | null },
): Promise<ArticleSnapshot> {
  const f: Record<string, unknown> = isRecord(opts.fields) ? opts.fields : {};
  const issues: Issue[] = [];
  const reviewDue =
    f.reviewDueAt === null || f.reviewDueAt === undefined || f.reviewDueAt === "" ? undefined : trimmed(f.reviewDueAt);
  const parsed = frontMatterSchema.safeParse({
    slug: trimmed(f.slug),
    title: trimmed(f.title),
    summary: trimmed(f.summary),
    type: f.type ?? ARTICLE_TYPES[0],
    audiences: f.audiences,
    sectors: f.sectors,
    topic: f.topic,
    status: "draft",
    reviewDue,
  });
  if (!parsed.success) {
    const seen = new Set<string>();
    for (const i of parsed.error.issues) {
      const key = String(i.path[0] ?? "");
      if (seen.has(key)) continue;
      seen.add(key);
      issues.push({
        path: key === "reviewDue" ? "reviewDueAt" : key,
        message: FIELD_MESSAGES[key] ?? "Dit veld klopt niet.",
      });
    }
  }
  if (typeof reviewDue === "string" && !issues.some((i) => i.path === "reviewDueAt")) {
    const d = new Date(`${reviewDue}T00:00:00.000Z`);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== reviewDue) {
      issues.push({ path: "reviewDueAt", message: FIELD_MESSAGES.reviewDue });
    }
  }
  if (parsed.success) {
    // checkAgainstTaxonomy stops at the first wrong id; ask per list so every wrong field is named.
    const taxonomy = await readTaxonomy(db);
    for (const list of ["audiences", "sectors", "topic"] as const) {
      const probe = {
        ...parsed.data,
        audiences: [],
        sectors: [],
        topic: taxonomy.topics[0]?.id ?? "",
        [list]: parsed.data[list],
      };
      const wrong = checkAgainstTaxonomy(probe, taxonomy);
      if (wrong) issues.push({ path: wrong.field, message: TAXONOMY_MESSAGES[list] });
    }
    const taken = await db.article.findFirst({
      where: { slug: parsed.data.slug, ...(opts.articleId ? { NOT: { id: opts.articleId } } : {}) },
      select: { id: true },
    });
    if (taken) issues.push({ path: "slug", message: SLUG_TAKEN });
  }
  const questionList = f.questions === undefined || f.questions === null ? [] : f.questions;
  const badQuestions = questionIssues(questionList);
  for (const i of badQuestions)
    issues.push({ path: i.index === null ? "questions" : `questions.${i.index}`, message: i.message });
  // The BSN rule holds for articles too: no personal number in the title, the summary or anywhere in the body.
  for (const key of ["title", "summary"] as const) {
    const v = f[key];
    if (typeof v === "string" && containsPersonalNumber(v) && !issues.some((i) => i.path === key))
      issues.push({ path: key, message: PERSONAL_NUMBER_MESSAGE });
  }
  const body = validateDoc(f.body);
  if (!body.ok) issues.push({ path: "body", message: body.message });
  else if (containsPersonalNumber(docStrings(body.doc)))
    issues.push({ path: "body", message: PERSONAL_NUMBER_MESSAGE });
  else {
    const refs = collectRuleRefs(body.doc);
    if (refs.length > 0) {
      const protocols = await readProtocols(db);
      for (const r of refs) {
        const p = findProtocol(protocols, r.protocol ?? DEFAULT_PROTOCOL);
        if (!p || !findRule(p, r.ruleId)) {
          issues.push({
            path: "body",
            message: `De protocolregel "${r.protocol ? `${r.protocol}/` : ""}${r.ruleId}" bestaat niet. Kies een regel uit de lijst.`,
          });
        }
      }
      const basisProblem = checkRuleBasis(body.doc, (r) =>
        safeRuleView(() => ruleViewByRef(protocols, r.protocol ? `${r.protocol}/${r.ruleId}` : r.ruleId)),
      );
      if (basisProblem) issues.push({ path: "body", message: basisProblem });
    }
  }
  if (issues.length > 0 || !parsed.success || !body.ok || badQuestions.length > 0) {
    throw new ValidationError("Het artikel is niet opgeslagen. Verbeter de velden met een melding.", issues);
  }
  const fm = parsed.data;
  return {
    slug: fm.slug,
    type: fm.type,
    title: fm.title,
    summary: fm.summary,
    body: JSON.stringify(body.doc),
    audiences: fm.audiences,
    sectors: fm.sectors,
    topic: fm.topic,
    questions: tidyQuestions(questionList as string[]),
    reviewDueAt: fm.reviewDue ?? null,
  };
}

// ---------------------------------------------------------------------------------------------
// Services

/** Creates a draft article (revision 1). */
export async function createArticle(
  db: Db,
  opts: { user: SessionUser; fields: ArticleFieldsInput; note?: string },
): Promise<SavedRevision> {
  requireEditor(opts.user);
  const snapshot = await validateArticleFields(db, { fields: opts.fields, articleId: null });
  return commit(db, async (tx) => {
    const a = await tx.article.create({ data: { ...contentColumns(snapshot), status: "draft" } });
    await tx.articleRevision.create({
      data: {
        articleId: a.id,
        number: 1,
        status: "draft",
        note: opts.note?.trim() || "Nieuw artikel",
        snapshot: JSON.stringify(snapshot),
        authorId: opts.user.id,
      },
    });
    await recordAudit(tx, {
      actorId: opts.user.id,
      action: "article.created",
      entityType: "article",
      entityId: a.id,
      after: { status: "draft", slug: snapshot.slug },
    });
    return { articleId: a.id, revision: 1 };
  });
}

/** Writes a new working copy; shared by saveDraft and restoreRevision. */
export async function writeDraft(
  db: Db,
  opts: {
    user: SessionUser;
    articleId: string;
    snapshot: ArticleSnapshot;
    baseRevision?: number | null;
    note?: string | null;
    action: "saved" | "restored";
    restoredFrom?: number;
  },
): Promise<SavedRevision> {
  return commit(db, async (tx) => {
    const article = await loadArticle(tx, opts.articleId);
    const latest = await latestRevision(tx, article);
    if (opts.baseRevision != null && opts.baseRevision !== latest.number) throw new ConflictError(STALE_MESSAGE);
    const before = toWorkingStatus(latest.status);
    const snapshotText = JSON.stringify(opts.snapshot);
    // Autosave sends the same content again and again; only a real change makes a revision.
    if (opts.action === "saved" && before === "draft" && latest.number > 0 && latest.snapshot === snapshotText) {
      return { articleId: article.id, revision: latest.number };
    }
    const live = article.status === "published";
    await tx.article.update({
      where: { id: article.id },
      // A published article stays live with its approved content; the edit waits in the revision.
      data: live
        ? { submittedById: null, scheduledAt: null }
        : { ...contentColumns(opts.snapshot), status: "draft", submittedById: null, scheduledAt: null },
    });
    const number = latest.number + 1;
    await tx.articleRevision.create({
      data: {
        articleId: article.id,
        number,
        status: "draft",
        snapshot: snapshotText,
        authorId: opts.user.id,
        note: opts.note?.trim() || (opts.action === "restored" ? `Versie ${opts.restoredFrom} teruggezet` : null),
      },
    });
    if (opts.action === "restored" || before !== "draft") {
      await recordAudit(tx, {
        actorId: opts.user.id,
        action: opts.action === "restored" ? "article.restored" : "article.returned_to_draft",
        entityType: "article",
        entityId: article.id,
        before: { status: before, revision: latest.number },
        after: { status: "draft", revision: number, ...(opts.restoredFrom ? { restoredFrom: opts.restoredFrom } : {}) },
      });
    }
    return { articleId: article.id, revision: number };
  });
}

/**
 * Saves the editor's fields as a new revision (creates the article when articleId is null) and returns
 * the new revision number. A stale baseRevision is a ConflictError: nothing is overwritten silently.
 * Saving an article that is in review or scheduled takes it back to draft (it needs a new review).
 */
export async function saveDraft(
  db: Db,
  opts: {
    user: SessionUser;
    articleId: string | null;
    fields: ArticleFieldsInput;
    baseRevision: number | null;
    note?: string;
  },
): Promise<SavedRevision> {
  requireEditor(opts.user);
  if (opts.articleId === null) return createArticle(db, { user: opts.user, fields: opts.fields, note: opts.note });
  await loadArticle(db, opts.articleId);
  // Without the revision the editor started from, a save could silently overwrite someone else's work.
  if (!Number.isInteger(opts.baseRevision)) {
    throw new ValidationError("Het artikel is niet opgeslagen.", [
      { path: "baseRevision", message: "De versie waarop u verder werkt ontbreekt. Laad het artikel opnieuw." },
    ]);
  }
  const snapshot = await validateArticleFields(db, { fields: opts.fields, articleId: opts.articleId });
  return writeDraft(db, {
    user: opts.user,
    articleId: opts.articleId,
    snapshot,
    baseRevision: opts.baseRevision,
    note: opts.note,
    action: "saved",
  });
}

/** Offers the working copy for review; the submitter is remembered for the four-eyes rule. */
export async function submitForReview(
  db: Db,
  opts: { user: SessionUser; articleId: string; baseRevision?: number | null; note?: string },
): Promise<SavedRevision> {
  requireEditor(opts.user);
  return commit(db, async (tx) => {
    const article = await loadArticle(tx, opts.articleId);
    const latest = await latestRevision(tx, article);
    if (opts.baseRevision != null && opts.baseRevision !== latest.number) throw new ConflictError(STALE_MESSAGE);
    const before = toWorkingStatus(latest.status);
    if (before !== "draft") {
      throw new ConflictError(
        before === "published"
          ? "Er zijn geen wijzigingen om te laten beoordelen. Bewerk het artikel eerst."
          : before === "archived"
            ? "Een gearchiveerd artikel kunt u niet aanbieden. Bewerk het eerst of zet een oude versie terug."
            : "Dit artikel is al aangeboden ter beoordeling.",
      );
    }
    const live = article.status === "published";
    await tx.article.update({
      where: { id: article.id },
      data: { submittedById: opts.user.id, ...(live ? {} : { status: "in_review" }) },
    });
    const number = latest.number + 1;
    await tx.articleRevision.create({
      data: {
        articleId: article.id,
        number,
        status: "in_review",
        snapshot: latest.snapshot,
        authorId: opts.user.id,
        note: opts.note?.trim() || "Aangeboden ter beoordeling",
      },
    });
    await recordAudit(tx, {
      actorId: opts.user.id,
      action: "article.submitted",
      entityType: "article",
      entityId: article.id,
      before: { status: before, revision: latest.number },
      after: { status: "in_review", revision: number },
    });
    return { articleId: article.id, revision: number };
  });
}

/** Copies a working copy into the row and makes it public. */
async function publishWorkingCopy(
  tx: Tx,
  article: { id: string; publishedAt: Date | null },
  snapshot: ArticleSnapshot,
  now: Date,
) {
  await tx.article.update({
    where: { id: article.id },
    data: {
      ...contentColumns(snapshot),
      status: "published",
      publishedAt: article.publishedAt ?? now,
      // Approval is a content check by a second person.
      lastCheckedAt: utcDay(now),
      scheduledAt: null,
      submittedById: null,
    },
  });
}

/**
 * Approves an article in review (another editor or an admin than the submitter): publishes it now, or
 * schedules it when publishAt lies in the future. Calls hooks.onPublished after commit.
 */
export async function approveArticle(
  db: Db,
  opts: {
    user: SessionUser;
    articleId: string;
    publishAt?: Date | null;
    baseRevision?: number | null;
    note?: string;
    now?: Date;
    hooks?: WorkflowHooks;
  },
): Promise<SavedRevision & { status: "published" | "scheduled"; scheduledAt: Date | null }> {
  requireEditor(opts.user);
  const now = opts.now ?? new Date();
  if (opts.publishAt && Number.isNaN(opts.publishAt.getTime())) {
    throw new ValidationError("De datum klopt niet.", [
      { path: "publishAt", message: "Vul een geldige datum en tijd in." },
    ]);
  }
  const schedule = !!opts.publishAt && opts.publishAt.getTime() > now.getTime();
  const result = await commit(db, async (tx) => {
    const article = await loadArticle(tx, opts.articleId);
    const latest = await latestRevision(tx, article);
    if (opts.baseRevision != null && opts.baseRevision !== latest.number) throw new ConflictError(STALE_MESSAGE);
    const before = toWorkingStatus(latest.status);
    if (before !== "in_review") {
      throw new ConflictError(
        before === "scheduled"
          ? "Dit artikel is al goedgekeurd en ingepland."
          : "Dit artikel staat niet ter beoordeling.",
      );
    }
    const writerIds = await reviewWriters(tx, article.id);
    if (!canApproveArticle(opts.user, { submittedById: article.submittedById, workingStatus: before, writerIds })) {
      throw new FourEyesError(
        article.submittedById !== opts.user.id && writerIds.includes(opts.user.id) ? WROTE_IT : undefined,
      );
    }
    const number = latest.number + 1;
    if (schedule) {
      await tx.article.update({ where: { id: article.id }, data: { scheduledAt: opts.publishAt! } });
    } else {
      await publishWorkingCopy(tx, article, latest.parsed, now);
    }
    const status = schedule ? "scheduled" : "published";
    await tx.articleRevision.create({
      data: {
        articleId: article.id,
        number,
        status,
        snapshot: latest.snapshot,
        authorId: opts.user.id,
        note: opts.note?.trim() || (schedule ? "Goedgekeurd en ingepland" : "Goedgekeurd en gepubliceerd"),
      },
    });
    await recordAudit(tx, {
      actorId: opts.user.id,
      action: schedule ? "article.scheduled" : "article.published",
      entityType: "article",
      entityId: article.id,
      before: { status: before, revision: latest.number, submittedById: article.submittedById },
      after: { status, revision: number, ...(schedule ? { scheduledAt: opts.publishAt!.toISOString() } : {}) },
    });
    return { articleId: article.id, revision: number, status, scheduledAt: schedule ? opts.publishAt! : null } as const;
  });
  if (result.status === "published") await runHook("onPublished", opts.hooks, result.articleId);
  return result;
}

/** Sends an article in review (or scheduled) back to draft with a note for the writer. */
export async function rejectReview(
  db: Db,
  opts: { user: SessionUser; articleId: string; note: string; baseRevision?: number | null },
): Promise<SavedRevision> {
  requireEditor(opts.user);
  const note = (opts.note ?? "").trim();
  if (!note)
    throw new ValidationError("Geef een toelichting.", [{ path: "note", message: "Schrijf kort wat er beter moet." }]);
  if (note.length > 2000)
    throw new ValidationError("De toelichting is te lang.", [
      { path: "note", message: "Gebruik hoogstens 2000 tekens." },
    ]);
  return commit(db, async (tx) => {
    const article = await loadArticle(tx, opts.articleId);
    const latest = await latestRevision(tx, article);
    if (opts.baseRevision != null && opts.baseRevision !== latest.number) throw new ConflictError(STALE_MESSAGE);
    const before = toWorkingStatus(latest.status);
    if (before !== "in_review" && before !== "scheduled")
      throw new ConflictError("Dit artikel staat niet ter beoordeling.");
    const live = article.status === "published";
    await tx.article.update({
      where: { id: article.id },
      data: { submittedById: null, scheduledAt: null, ...(live ? {} : { status: "draft" }) },
    });
    const number = latest.number + 1;
    await tx.articleRevision.create({
      data: { articleId: article.id, number, status: "draft", snapshot: latest.snapshot, authorId: opts.user.id, note },
    });
    await recordAudit(tx, {
      actorId: opts.user.id,
      action: "article.rejected",
      entityType: "article",
      entityId: article.id,
      before: { status: before, revision: latest.number, submittedById: article.submittedById },
      after: { status: "draft", revision: number, note },
    });
    return { articleId: article.id, revision: number };
  });
}

/** Archives an article: it leaves the portal (hooks.onUnpublished after commit when it was public). */
export async function archiveArticle(
  db: Db,
  opts: { user: SessionUser; articleId: string; note?: string; baseRevision?: number | null; hooks?: WorkflowHooks },
): Promise<SavedRevision> {
  requireEditor(opts.user);
  const result = await commit(db, async (tx) => {
    const article = await loadArticle(tx, opts.articleId);
    const latest = await latestRevision(tx, article);
    if (opts.baseRevision != null && opts.baseRevision !== latest.number) throw new ConflictError(STALE_MESSAGE);
    const before = toWorkingStatus(latest.status);
    if (before === "archived" && article.status === "archived")
      throw new ConflictError("Dit artikel is al gearchiveerd.");
    const wasLive = article.status === "published";
    // Off the portal the row mirrors the working copy again, so a later restore or edit starts from it.
    await tx.article.update({
      where: { id: article.id },
      data: { ...contentColumns(latest.parsed), status: "archived", scheduledAt: null, submittedById: null },
    });
    const number = latest.number + 1;
    await tx.articleRevision.create({
      data: {
        articleId: article.id,
        number,
        status: "archived",
        snapshot: latest.snapshot,
        authorId: opts.user.id,
        note: opts.note?.trim() || "Gearchiveerd",
      },
    });
    await recordAudit(tx, {
      actorId: opts.user.id,
      action: "article.archived",
      entityType: "article",
      entityId: article.id,
      before: { status: before, public: wasLive, revision: latest.number },
      after: { status: "archived", revision: number },
    });
    return { articleId: article.id, revision: number, wasLive };
  });
  if (result.wasLive) await runHook("onUnpublished", opts.hooks, result.articleId);
  return { articleId: result.articleId, revision: result.revision };
}

/** Publishes every approved article whose scheduledAt has passed; the app calls this periodically. */
export async function publishDueArticles(
  db: Db,
  opts: { now?: Date; hooks?: WorkflowHooks } = {},
): Promise<{ published: string[] }> {
  const now = opts.now ?? new Date();
  const due = await db.article.findMany({
    where: { scheduledAt: { lte: now } },
    select: { id: true },
    orderBy: { scheduledAt: "asc" },
  });
  const published: string[] = [];
  for (const { id } of due) {
    try {
      const done = await db.$transaction(async (tx) => {
        const article = await tx.article.findUnique({ where: { id } });
        if (!article?.scheduledAt || article.scheduledAt > now) return false;
        const latest = await latestRevision(tx, article);
        if (toWorkingStatus(latest.status) !== "scheduled") {
          // A later change made the schedule void; drop it rather than publish unreviewed content.
          await tx.article.update({ where: { id }, data: { scheduledAt: null } });
          return false;
        }
        // Claim by the exact scheduledAt: another instance running the same job gets count 0.
        const claimed = await tx.article.updateMany({
          where: { id, scheduledAt: article.scheduledAt },
          data: { scheduledAt: null },
        });
        if (claimed.count !== 1) return false;
        await publishWorkingCopy(tx, article, latest.parsed, now);
        const number = latest.number + 1;
        await tx.articleRevision.create({
          data: {
            articleId: id,
            number,
            status: "published",
            snapshot: latest.snapshot,
            authorId: null,
            note: "Gepubliceerd volgens planning",
          },
        });
        await recordAudit(tx, {
          actorId: null,
          action: "article.published",
          entityType: "article",
          entityId: id,
          before: { status: "scheduled", revision: latest.number, scheduledAt: article.scheduledAt.toISOString() },
          after: { status: "published", revision: number },
        });
        return true;
      });
      if (done) published.push(id);
    } catch (e) {
      // One article that cannot be published (e.g. its new slug was taken meanwhile) must not block the rest.
      if (!isUniqueViolation(e)) logUnexpected("articles.publishDueArticles", e);
      else
        logUnexpected(
          "articles.publishDueArticles",
          new Error(`article ${id}: unique constraint (slug taken or concurrent change)`),
        );
    }
  }
  for (const id of published) await runHook("onPublished", opts.hooks, id);
  return { published };
}

// ---------------------------------------------------------------------------------------------
// Reading

export type EditorArticleRow = {
  id: string;
  slug: string;
  title: string;
  type: string;
  topic: string;
  audiences: string[];
  sectors: string[];
  /** Public state of the row. */
  status: string;
  /** State of the working copy (latest revision). */
  workingStatus: WorkingStatus;
  statusLabel: string;
  /** Published, with edits that are not live yet. */
  hasPendingChanges: boolean;
  revision: number;
  submittedById: string | null;
  scheduledAt: Date | null;
  publishedAt: Date | null;
  reviewDueAt: Date | null;
  pastReview: boolean;
  updatedAt: Date;
  href: string;
};

export type EditorStatusFilter = WorkingStatus | "past-review" | "pending-changes" | "all";

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/**
 * Articles for the editor's list. status filters on the working status ("in_review" includes published
 * articles with changes in review), "past-review" on published articles past their review date.
 * Titles and slugs show the working copy.
 */
export async function listArticlesForEditor(
  db: Db,
  opts: {
    user: SessionUser;
    status?: EditorStatusFilter;
    q?: string;
    audience?: string;
    sector?: string;
    topic?: string;
    now?: Date;
    limit?: number;
  },
): Promise<EditorArticleRow[]> {
  requireEditor(opts.user);
  const now = opts.now ?? new Date();
  const where: Prisma.ArticleWhereInput = {};
  if (opts.topic) where.topic = opts.topic;
  // JSON arrays of ids are stored as text; an id in quotes matches exactly one element.
  const and: Prisma.ArticleWhereInput[] = [];
  if (opts.audience) and.push({ audiences: { contains: JSON.stringify(opts.audience) } });
  if (opts.sector) and.push({ sectors: { contains: JSON.stringify(opts.sector) } });
  if (and.length) where.AND = and;
  if (opts.status === "past-review") Object.assign(where, { status: "published", reviewDueAt: { lt: now } });
  const articles = await db.article.findMany({
    where,
    orderBy: { updatedAt: "desc" },
    select: {
      id: true,
      slug: true,
      title: true,
      type: true,
      topic: true,
      audiences: true,
      sectors: true,
      status: true,
      submittedById: true,
      scheduledAt: true,
      publishedAt: true,
      reviewDueAt: true,
      updatedAt: true,
      summary: true,
      revisions: { orderBy: { number: "desc" }, take: 1, select: { number: true, status: true, snapshot: true } },
    },
  });
  const q = opts.q ? fold(opts.q.trim()) : "";
  const rows: EditorArticleRow[] = [];
  for (const a of articles) {
    const rev = a.revisions[0];
    const working = rev ? toWorkingStatus(rev.status) : toWorkingStatus(a.status);
    const snap = rev ? parseSnapshot(rev.snapshot) : null;
    const title = snap?.title ?? a.title;
    const slug = snap?.slug ?? a.slug;
    const hasPendingChanges = a.status === "published" && working !== "published";
    const pastReview = a.status === "published" && !!a.reviewDueAt && a.reviewDueAt < now;
    const s = opts.status ?? "all";
    if (s === "pending-changes" && !hasPendingChanges) continue;
    if ((WORKING_STATUSES as readonly string[]).includes(s) && working !== s) continue;
    if (q && ![title, slug, a.title, a.summary].some((t) => fold(t).includes(q))) continue;
    rows.push({
      id: a.id,
      slug,
      title,
      type: a.type,
      topic: a.topic,
      audiences: JSON.parse(a.audiences) as string[],
      sectors: JSON.parse(a.sectors) as string[],
      status: a.status,
      workingStatus: working,
      statusLabel: hasPendingChanges
        ? `Gepubliceerd, wijziging: ${WORKING_STATUS_LABELS[working].toLowerCase()}`
        : WORKING_STATUS_LABELS[working],
      hasPendingChanges,
      revision: rev?.number ?? 0,
      submittedById: a.submittedById,
      scheduledAt: a.scheduledAt,
      publishedAt: a.publishedAt,
      reviewDueAt: a.reviewDueAt,
      pastReview,
      updatedAt: a.updatedAt,
      href: `/redactie/artikelen/${a.id}`,
    });
    if (opts.limit && rows.length >= opts.limit) break;
  }
  return rows;
}

export type EditorArticle = {
  id: string;
  status: string;
  workingStatus: WorkingStatus;
  hasPendingChanges: boolean;
  /** The revision the editor's next save must name as baseRevision. */
  revision: number;
  /** The working copy; body as Tiptap JSON. */
  fields: Omit<ArticleSnapshot, "body"> & { body: JSONContent };
  /** The public slug while published (the working copy may rename it). */
  liveSlug: string | null;
  submittedBy: { id: string; name: string } | null;
  canApprove: boolean;
  /** The user wrote part of the revisions under review (so cannot approve them). */
  wroteIt: boolean;
  scheduledAt: Date | null;
  publishedAt: Date | null;
  lastCheckedAt: Date | null;
  updatedAt: Date;
};

/** An article as the editor opens it: the working copy and what the user may do with it. */
export async function getArticleForEditor(
  db: Db,
  opts: { user: SessionUser; articleId: string },
): Promise<EditorArticle> {
  requireEditor(opts.user);
  const article = await loadArticle(db, opts.articleId);
  const latest = await latestRevision(db, article);
  const working = toWorkingStatus(latest.status);
  const submitter = article.submittedById
    ? await db.user.findUnique({ where: { id: article.submittedById }, select: { id: true, name: true } })
    : null;
  const writerIds = working === "in_review" ? await reviewWriters(db, article.id) : [];
  return {
    id: article.id,
    status: article.status,
    workingStatus: working,
    hasPendingChanges: article.status === "published" && working !== "published",
    revision: latest.number,
    fields: { ...latest.parsed, body: JSON.parse(latest.parsed.body) as JSONContent },
    liveSlug: article.status === "published" ? article.slug : null,
    submittedBy: submitter,
    canApprove: canApproveArticle(opts.user, {
      submittedById: article.submittedById,
      workingStatus: working,
      writerIds,
    }),
    wroteIt: writerIds.includes(opts.user.id),
    scheduledAt: article.scheduledAt,
    publishedAt: article.publishedAt,
    lastCheckedAt: article.lastCheckedAt,
    updatedAt: article.updatedAt,
  };
}
