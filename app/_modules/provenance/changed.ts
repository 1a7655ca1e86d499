// "Gewijzigd sinds uw antwoord" (issue #19): tickets whose reply relied on an article revision or a protocol rule
// version that has changed since, with what changed and a diff; open tickets first. Only the user's desks.
import "server-only";
import type { Db, Prisma } from "@/app/_core/db";
import type { SessionUser } from "@/app/_core/session";
import { snapshotDiffText } from "@/app/_modules/changes/diff-text";
import { parseSnapshot } from "@/app/_modules/articles/snapshot";
import { findProtocol, findRule, type ProtocolSet } from "@/app/_modules/protocol/engine/definition";
import { ticketScope } from "@/app/_modules/tickets/access";
import { dayOf, loadProtocolSet } from "./record";
import { ruleVersionAt } from "./rule-version";

/** One changed source of a ticket: an article or a rule, with the rows (over all replies) that relied on it. */
export type ChangedSource = {
  kind: "article" | "rule";
  sourceIds: string[];
  title: string;
  summary: string;
  diff: string;
  /** For an article that is still published: its address. */
  slug: string | null;
  /** When the (first) reply that relied on the old version was saved. */
  repliedAt: Date;
};
export type ChangedTicket = {
  ticketId: string;
  reference: string;
  subject: string;
  status: string;
  deskId: string;
  requesterName: string;
  changes: ChangedSource[];
};

const OPEN = new Set(["new", "open", "waiting"]);
const MAX_ROWS = 5_000;

type SourceRow = Prisma.MessageSourceGetPayload<{
  include: {
    ticket: { select: { id: true; reference: true; subject: true; status: true; deskId: true; requester: true } };
  };
}>;

/**
 * The tickets (in the user's desks) with a reply whose source changed and no correction yet; open ones first, then
 * the most recent reply first. `ticketId` narrows to one ticket.
 */
export async function listChangedSinceReply(
  db: Db,
  user: SessionUser,
  opts: { ticketId?: string; now?: Date } = {},
): Promise<ChangedTicket[]> {
  const open: Prisma.MessageSourceWhereInput = {
    handledAt: null,
    ticket: { AND: [ticketScope(user), opts.ticketId ? { id: opts.ticketId } : {}] },
  };
  const now = opts.now ?? new Date();
  const protocols = lazyProtocols(db);
  const later = lazyLater(db, protocols);
  const stale = await staleVersions(db, open, now, protocols, later);
  if (stale.length === 0) return [];
  const rows: SourceRow[] = await db.messageSource.findMany({
    where: { AND: [open, { OR: stale }] },
    include: {
      ticket: {
        select: { id: true, reference: true, subject: true, status: true, deskId: true, requester: true },
      },
    },
    orderBy: { createdAt: "asc" },
    take: MAX_ROWS,
  });
  if (rows.length === 0) return [];
  const changes = [
    ...(await changedArticles(
      db,
      rows.filter((r) => r.kind === "article"),
    )),
    ...(await changedRules(
      db,
      rows.filter((r) => r.kind === "rule"),
      now,
      protocols,
      later,
    )),
  ];
  const byTicket = new Map<string, ChangedTicket>();
  for (const { ticket: t, change } of changes) {
    const entry = byTicket.get(t.id) ?? {
      ticketId: t.id,
      reference: t.reference,
      subject: t.subject,
      status: t.status,
      deskId: t.deskId,
      requesterName: t.requester.name,
      changes: [],
    };
    entry.changes.push(change);
    byTicket.set(t.id, entry);
  }
  const latest = (t: ChangedTicket) => Math.max(...t.changes.map((c) => c.repliedAt.getTime()));
  return [...byTicket.values()].sort(
    (a, b) => Number(OPEN.has(b.status)) - Number(OPEN.has(a.status)) || latest(b) - latest(a),
  );
}

/**
 * How many tickets in the user's desks are listed under "Gewijzigd sinds uw antwoord" (shown on every desk page):
 * the same stale versions as the list, counted as distinct tickets in the database, without reading snapshots or
 * building diffs.
 */
export async function countChangedSinceReply(db: Db, user: SessionUser, now?: Date): Promise<number> {
  const open: Prisma.MessageSourceWhereInput = { handledAt: null, ticket: ticketScope(user) };
  const protocols = lazyProtocols(db);
  const stale = await staleVersions(db, open, now ?? new Date(), protocols, lazyLater(db, protocols));
  if (stale.length === 0) return 0;
  const tickets = await db.messageSource.findMany({
    where: { AND: [open, { OR: stale }] },
    distinct: ["ticketId"],
    select: { ticketId: true },
  });
  return tickets.length;
}

/**
 * The source versions (article + revision, protocol + rule + fingerprint) relied on by unhandled sources that are no
 * longer current, as conditions: read grouped, so the check costs one row per version, not one per reply.
 */
async function staleVersions(
  db: Db,
  open: Prisma.MessageSourceWhereInput,
  now: Date,
  protocols: () => Promise<ProtocolSet>,
  later: () => Promise<LaterVersion[]>,
): Promise<Prisma.MessageSourceWhereInput[]> {
  const [articlePairs, ruleVersions] = await Promise.all([
    db.messageSource.groupBy({ by: ["articleId", "articleRevision"], where: { AND: [open, { kind: "article" }] } }),
    db.messageSource.groupBy({
      by: ["protocolId", "ruleId", "ruleFingerprint"],
      where: { AND: [open, { kind: "rule" }] },
    }),
  ]);
  const out: Prisma.MessageSourceWhereInput[] = [];
  const ids = [...new Set(articlePairs.flatMap((p) => (p.articleId ? [p.articleId] : [])))];
  if (ids.length) {
    const [articles, current] = await Promise.all([
      db.article.findMany({ where: { id: { in: ids }, status: "published" }, select: { id: true } }),
      db.articleRevision.groupBy({
        by: ["articleId"],
        where: { articleId: { in: ids }, status: "published" },
        _max: { number: true },
      }),
    ]);
    const live = new Set(articles.map((a) => a.id));
    const latest = new Map(current.map((c) => [c.articleId, c._max.number ?? 0]));
    for (const p of articlePairs) {
      if (!p.articleId) continue;
      if (!live.has(p.articleId) || (latest.get(p.articleId) ?? 0) > (p.articleRevision ?? 0))
        out.push({ kind: "article", articleId: p.articleId, articleRevision: p.articleRevision });
    }
  }
  if (ruleVersions.length) {
    const set = await protocols();
    const day = dayOf(now);
    for (const v of ruleVersions) {
      if (!v.protocolId || !v.ruleId) continue;
      if (ruleVersionAt(set, v.protocolId, v.ruleId, day)?.fingerprint !== v.ruleFingerprint)
        out.push({ kind: "rule", protocolId: v.protocolId, ruleId: v.ruleId, ruleFingerprint: v.ruleFingerprint });
    }
    // A new version added after the reply (also one that starts later: the answer is outdated on that day).
    for (const v of await later())
      out.push({ kind: "rule", protocolId: v.protocolId, ruleId: v.ruleId, createdAt: { lt: v.createdAt } });
  }
  return out;
}

type LaterVersion = { protocolId: string; ruleId: string; createdAt: Date };

/**
 * The editors' rule versions (ProtocolRuleVersion), per protocol that applies them (its own and those that extend
 * it without overriding the rule): a reply saved before one relied on a version that is or will be replaced.
 */
async function laterVersions(db: Db, set: ProtocolSet): Promise<LaterVersion[]> {
  const rows = await db.protocolRuleVersion.findMany({
    select: { protocolId: true, ruleId: true, validFrom: true, createdAt: true },
  });
  const out: LaterVersion[] = [];
  for (const r of rows)
    for (const p of Object.values(set))
      if (p.chain.includes(r.protocolId) && ruleVersionAt(set, p.id, r.ruleId, r.validFrom)?.validFrom === r.validFrom)
        out.push({ protocolId: p.id, ruleId: r.ruleId, createdAt: r.createdAt });
  return out;
}

/** The editors' later rule versions, read at most once per listing. */
function lazyLater(db: Db, protocols: () => Promise<ProtocolSet>): () => Promise<LaterVersion[]> {
  let p: Promise<LaterVersion[]> | null = null;
  return () => (p ??= protocols().then((set) => laterVersions(db, set)));
}

/** The protocols, read and resolved at most once per listing. */
function lazyProtocols(db: Db): () => Promise<ProtocolSet> {
  let p: Promise<ProtocolSet> | null = null;
  return () => (p ??= loadProtocolSet(db));
}

type Found = { ticket: SourceRow["ticket"]; change: ChangedSource };

/** Rows grouped by ticket and source key, oldest first inside a group. */
function groups(rows: SourceRow[], key: (r: SourceRow) => string): SourceRow[][] {
  const m = new Map<string, SourceRow[]>();
  for (const r of rows) {
    const k = `${r.ticketId}\u0000${key(r)}`;
    m.set(k, [...(m.get(k) ?? []), r]);
  }
  return [...m.values()];
}

async function changedArticles(db: Db, rows: SourceRow[]): Promise<Found[]> {
  if (rows.length === 0) return [];
  const ids = [...new Set(rows.map((r) => r.articleId!))];
  const [articles, current] = await Promise.all([
    db.article.findMany({ where: { id: { in: ids } }, select: { id: true, slug: true, title: true, status: true } }),
    db.articleRevision.groupBy({
      by: ["articleId"],
      where: { articleId: { in: ids }, status: "published" },
      _max: { number: true },
    }),
  ]);
  const article = new Map(articles.map((a) => [a.id, a]));
  const now = new Map(current.map((c) => [c.articleId, c._max.number ?? 0]));
  const candidates = groups(rows, (r) => r.articleId!).filter((g) => {
    const a = article.get(g[0]!.articleId!);
    return !a || a.status !== "published" || (now.get(a.id) ?? 0) > (g[0]!.articleRevision ?? 0);
  });
  if (candidates.length === 0) return [];
  // The snapshots of the revisions relied on and of the current ones, for the diff.
  const wanted = candidates.flatMap((g) => {
    const id = g[0]!.articleId!;
    return [
      { articleId: id, number: g[0]!.articleRevision ?? 0 },
      { articleId: id, number: now.get(id) ?? 0 },
    ];
  });
  const revs = await db.articleRevision.findMany({
    where: { OR: wanted },
    select: { articleId: true, number: true, snapshot: true },
  });
  const snap = new Map(revs.map((r) => [`${r.articleId}#${r.number}`, r.snapshot]));
  const out: Found[] = [];
  for (const g of candidates) {
    const first = g[0]!;
    const a = article.get(first.articleId!);
    const base = { kind: "article" as const, sourceIds: g.map((r) => r.id), repliedAt: first.createdAt };
    if (!a || a.status !== "published") {
      out.push({
        ticket: first.ticket,
        change: {
          ...base,
          title: a?.title ?? "Een verwijderd artikel",
          summary: "Dit artikel staat niet meer op de website.",
          diff: "",
          slug: null,
        },
      });
      continue;
    }
    const older = snap.get(`${a.id}#${first.articleRevision ?? 0}`);
    const newer = snap.get(`${a.id}#${now.get(a.id)}`);
    if (older !== undefined && older === newer) continue;
    const diff = newer ? snapshotDiffText(older ? parseSnapshot(older) : null, parseSnapshot(newer)) : "";
    if (older && newer && diff === "") continue; // published again without a change
    out.push({
      ticket: first.ticket,
      change: { ...base, title: a.title, summary: "Het artikel is aangepast.", diff, slug: a.slug },
    });
  }
  return out;
}

async function changedRules(
  db: Db,
  rows: SourceRow[],
  now: Date,
  protocols: () => Promise<ProtocolSet>,
  later: () => Promise<LaterVersion[]>,
): Promise<Found[]> {
  if (rows.length === 0) return [];
  const set = await protocols();
  const newer = await later();
  const day = dayOf(now);
  const changed = groups(rows, (r) => `${r.protocolId}/${r.ruleId}`).filter((g) => {
    const f = g[0]!;
    return (
      ruleVersionAt(set, f.protocolId!, f.ruleId!, day)?.fingerprint !== f.ruleFingerprint ||
      newer.some((v) => v.protocolId === f.protocolId && v.ruleId === f.ruleId && v.createdAt > f.createdAt)
    );
  });
  if (changed.length === 0) return [];
  // What the change records say about the rule since the reply (the newest one).
  // A rule inherited from another protocol (a school's protocol extends the law) is recorded under the protocol
  // whose file defines it.
  const refIds = (g: SourceRow[]) => {
    const p = findProtocol(set, g[0]!.protocolId!);
    const r = p && findRule(p, g[0]!.ruleId!);
    return [`${g[0]!.protocolId}/${g[0]!.ruleId}`, ...(r ? [`${r.definedIn}/${r.id}`] : [])];
  };
  const events = await db.changeEvent.findMany({
    where: { kind: "protocol", refId: { in: changed.flatMap(refIds) } },
    orderBy: { createdAt: "desc" },
    select: { refId: true, title: true, summary: true, diff: true, createdAt: true },
  });
  return changed.map((g) => {
    const first = g[0]!;
    const ids = refIds(g);
    const event = events.find((e) => ids.includes(e.refId) && e.createdAt >= first.createdAt);
    const protocol = findProtocol(set, first.protocolId!);
    const rule = protocol && findRule(protocol, first.ruleId!);
    const title = event?.title ?? `${protocol?.name ?? first.protocolId}: ${rule?.title ?? first.ruleId}`;
    return {
      ticket: first.ticket,
      change: {
        kind: "rule" as const,
        sourceIds: g.map((r) => r.id),
        repliedAt: first.createdAt,
        title,
        summary: rule ? (event?.summary ?? "De regel is aangepast.") : "Deze regel geldt niet meer.",
        diff: event?.diff ?? "",
        slug: null,
      },
    };
  });
}
