// Imports content/ into the database. Every file is read and validated before anything is written, so a
// bad file stops the seed with its name and field and changes nothing. Idempotent: an unchanged file is
// skipped by its hash; a changed file updates its record and adds a revision (history is kept). When no
// content file changed since the last seed (one hash over all of them, Setting "content-seed"), the files are
// not even parsed: a restart with the same content reads two rows and writes nothing.
import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Db } from "@/app/_core/db";
import { hashPassword } from "@/app/_core/password";
import { articleColumns, dayToDate } from "@/app/_modules/articles/fields";
import { articleSnapshot, snapshotColumn } from "@/app/_modules/articles/snapshot";
import { protocolDefinitionColumn } from "@/app/_modules/protocol/columns";
import { contentSeedSettingColumn, taxonomySettingColumn } from "./columns";
import { DEMO_PASSWORD, DEMO_USERS } from "./demo-users";
import type { LoadedArticle, LoadedContent } from "./load";
import { clearTaxonomyCache } from "./store";
import { recordProtocolChanges } from "@/app/_modules/changes/protocol-change";
import { recordDeskChange } from "@/app/_modules/desks/settings";

export type Counts = { created: number; updated: number; unchanged: number };
export type SeedReport = Record<"desks" | "taxonomy" | "protocols" | "articles" | "users", Counts>;

const zero = (): Counts => ({ created: 0, updated: 0, unchanged: 0 });
const SEED_KEY = "content-seed";
/** Part of the content hash: raise it when the seed writes the same files differently, so the next start re-seeds. */
const SEED_FORMAT = 1;

/** The files loadContent reads, relative to contentDir, in a fixed order. */
function contentFiles(contentDir: string): string[] {
  const list = (dir: string, re: RegExp) =>
    fs
      .readdirSync(path.join(contentDir, dir))
      .filter((f) => re.test(f))
      .sort()
      .map((f) => path.join(dir, f));
  return ["desks.yaml", "taxonomy.yaml", ...list("protocols", /\.ya?ml$/), ...list("articles", /\.md$/)];
}

/** One hash over the names and texts of every content file the seed reads (and the seed's format). */
export function contentHash(contentDir: string): string {
  const h = createHash("sha256").update(`seed-format ${SEED_FORMAT}\n`);
  for (const f of contentFiles(contentDir)) {
    const text = fs.readFileSync(path.join(contentDir, f));
    h.update(`${f}\0${text.length}\0`).update(text);
  }
  return h.digest("hex");
}

/** Writes the content in contentDir to the database (skipped when unchanged since the last seed). Returns what changed. */
export async function seedContent(db: Db, opts: { contentDir: string; demoUsers: boolean }): Promise<SeedReport> {
  const report: SeedReport = { desks: zero(), taxonomy: zero(), protocols: zero(), articles: zero(), users: zero() };
  const hash = contentHash(opts.contentDir);
  const stored = await db.setting.findUnique({ where: { key: SEED_KEY } });
  const last = stored ? contentSeedSettingColumn.decode(stored.value) : null;
  if (last?.hash === hash) {
    report.desks.unchanged = last.counts.desks;
    report.taxonomy.unchanged = 1;
    report.protocols.unchanged = last.counts.protocols;
    report.articles.unchanged = last.counts.articles;
  } else {
    // Parsers and validators are loaded only now: a start with unchanged content does without them.
    const { loadContent } = await import("./load");
    const content = loadContent(opts.contentDir);
    await seedDesks(db, content, report);
    await seedTaxonomy(db, content, report);
    await seedProtocols(db, content, report);
    await seedArticles(db, content, report);
    const value = contentSeedSettingColumn.encode({
      hash,
      counts: { desks: content.desks.length, protocols: content.protocols.length, articles: content.articles.length },
    });
    await db.setting.upsert({ where: { key: SEED_KEY }, create: { key: SEED_KEY, value }, update: { value } });
  }
  if (opts.demoUsers) await seedDemoUsers(db, report);
  return report;
}

async function seedDesks(db: Db, content: LoadedContent, report: SeedReport): Promise<void> {
  const existing = new Map((await db.desk.findMany()).map((d) => [d.id, d]));
  for (const d of content.desks) {
    const data = {
      name: d.name,
      article: d.article,
      shortName: d.shortName,
      referencePrefix: d.referencePrefix,
      serves: d.serves,
      phone: d.phone,
      phoneHref: d.phoneHref,
      hours: JSON.stringify(d.hours),
      firstResponseBusinessDays: d.sla.firstResponseBusinessDays,
      resolutionBusinessDays: d.sla.resolutionBusinessDays,
    };
    const row = existing.get(d.id);
    if (!row) {
      await db.desk.create({ data: { id: d.id, ...data } });
      report.desks.created++;
    } else if (Object.entries(data).some(([k, v]) => (row as Record<string, unknown>)[k] !== v)) {
      await db.$transaction(async (tx) => {
        await tx.desk.update({ where: { id: d.id }, data });
        await recordDeskChange(tx, { id: d.id, shortName: d.shortName }, row, data, null);
      });
      report.desks.updated++;
    } else report.desks.unchanged++;
  }
}

async function seedTaxonomy(db: Db, content: LoadedContent, report: SeedReport): Promise<void> {
  const tax = await db.setting.findUnique({ where: { key: "taxonomy" } });
  const taxValue = taxonomySettingColumn.encode({ hash: content.taxonomyHash, taxonomy: content.taxonomy });
  if (!tax) {
    await db.setting.create({ data: { key: "taxonomy", value: taxValue } });
    report.taxonomy.created++;
  } else if (taxonomySettingColumn.decode(tax.value).hash !== content.taxonomyHash) {
    await db.setting.update({ where: { key: "taxonomy" }, data: { value: taxValue } });
    report.taxonomy.updated++;
  } else report.taxonomy.unchanged++;
  // This process reads the new taxonomy at once (other processes within the store's few seconds).
  if (report.taxonomy.unchanged === 0) clearTaxonomyCache();
}

async function seedProtocols(db: Db, content: LoadedContent, report: SeedReport): Promise<void> {
  const { DEFAULT_PROTOCOL, resolveProtocols, ruleViewByRef } = await import("./load");
  const existing = new Map(
    (await db.protocol.findMany({ select: { id: true, sourceHash: true, definition: true } })).map((p) => [p.id, p]),
  );
  let resolved: ReturnType<typeof resolveProtocols> | null = null;
  const resolvedSet = () => (resolved ??= resolveProtocols(content.protocols.map((x) => x.definition)));
  for (const p of content.protocols) {
    const row = existing.get(p.id);
    const data = {
      name: p.name,
      extends: p.extends,
      definition: protocolDefinitionColumn.encode(p.definition),
      sourceHash: p.hash,
      isDefault: p.id === DEFAULT_PROTOCOL,
    };
    if (!row) {
      await db.protocol.create({ data: { id: p.id, ...data } });
      report.protocols.created++;
    } else if (row.sourceHash !== p.hash) {
      await db.$transaction(async (tx) => {
        await tx.protocol.update({ where: { id: p.id }, data });
        // What changed for /desk/wijzigingen and the public feed: one record per changed rule.
        await recordProtocolChanges(tx, {
          // As stored (not re-validated: an older definition may predate today's schema).
          before: JSON.parse(row.definition) as typeof p.definition,
          after: p.definition,
          titleOf: (ruleId) => ruleViewByRef(resolvedSet(), `${p.id}/${ruleId}`)?.title ?? null,
          topicOf: (ruleId) => topicOfRule(content.articles, ruleId),
        });
      });
      report.protocols.updated++;
    } else report.protocols.unchanged++;
  }
}

/** The most common topic of the articles that embed a rule (by rule id), or null. */
function topicOfRule(articles: readonly LoadedArticle[], ruleId: string): string | null {
  const counts = new Map<string, number>();
  for (const a of articles) if (a.ruleIds.includes(ruleId)) counts.set(a.fm.topic, (counts.get(a.fm.topic) ?? 0) + 1);
  return [...counts].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0]?.[0] ?? null;
}

/** The article columns a content file sets. */
function articleData(a: LoadedArticle) {
  return {
    type: a.fm.type,
    title: a.fm.title,
    summary: a.fm.summary,
    body: a.body,
    audiences: articleColumns.audiences.encode(a.fm.audiences),
    sectors: articleColumns.sectors.encode(a.fm.sectors),
    topic: a.fm.topic,
    questions: articleColumns.questions.encode(a.fm.questions ?? []),
    protocolRuleIds: articleColumns.protocolRuleIds.encode(a.ruleIds),
    status: a.fm.status,
    lastCheckedAt: dayToDate(a.fm.reviewedAt ?? a.fm.lastChecked),
    reviewDueAt: dayToDate(a.fm.reviewDue),
    sources: articleColumns.sources.encode(a.fm.sources ?? []),
    sourcePath: a.file,
    sourceHash: a.hash,
  };
}

/**
 * New articles are written together (one createManyAndReturn and one createMany for their first revisions, in one
 * transaction: an empty database is seeded in a few statements); a changed article is updated with a new revision.
 */
async function seedArticles(db: Db, content: LoadedContent, report: SeedReport): Promise<void> {
  const existing = new Map(
    (
      await db.article.findMany({
        where: { slug: { in: content.articles.map((a) => a.fm.slug) } },
        select: { id: true, slug: true, sourceHash: true, publishedAt: true },
      })
    ).map((a) => [a.slug, a]),
  );
  const fresh: LoadedArticle[] = [];
  for (const a of content.articles) {
    const row = existing.get(a.fm.slug);
    if (!row) fresh.push(a);
    else if (row.sourceHash === a.hash) report.articles.unchanged++;
    else {
      await db.$transaction(async (tx) => {
        const published = a.fm.status === "published";
        const article = await tx.article.update({
          where: { id: row.id },
          data: { ...articleData(a), publishedAt: published ? (row.publishedAt ?? new Date()) : row.publishedAt },
        });
        const last = await tx.articleRevision.findFirst({
          where: { articleId: article.id },
          orderBy: { number: "desc" },
          select: { number: true },
        });
        await tx.articleRevision.create({
          data: {
            articleId: article.id,
            number: (last?.number ?? 0) + 1,
            status: article.status,
            note: `Bijgewerkt uit ${a.file}`,
            snapshot: snapshotColumn.encode(articleSnapshot(article)),
          },
        });
      });
      report.articles.updated++;
    }
  }
  if (!fresh.length) return;
  const files = new Map(fresh.map((a) => [a.fm.slug, a.file]));
  await db.$transaction(
    async (tx) => {
      const created = await tx.article.createManyAndReturn({
        data: fresh.map((a) => ({
          slug: a.fm.slug,
          ...articleData(a),
          publishedAt: a.fm.status === "published" ? (dayToDate(a.fm.lastChecked) ?? new Date()) : null,
        })),
      });
      await tx.articleRevision.createMany({
        data: created.map((article) => ({
          articleId: article.id,
          number: 1,
          status: article.status,
          note: `Geïmporteerd uit ${files.get(article.slug)}`,
          snapshot: snapshotColumn.encode(articleSnapshot(article)),
        })),
      });
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
  report.articles.created += fresh.length;
}

/** The demo accounts that do not exist yet (the password is hashed only when one is missing). */
async function seedDemoUsers(db: Db, report: SeedReport): Promise<void> {
  const have = new Set(
    (await db.user.findMany({ where: { email: { in: DEMO_USERS.map((u) => u.email) } }, select: { email: true } })).map(
      (u) => u.email,
    ),
  );
  const missing = DEMO_USERS.filter((u) => !have.has(u.email));
  report.users.unchanged += DEMO_USERS.length - missing.length;
  if (!missing.length) return;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const u of missing) {
    await db.user.create({
      data: {
        email: u.email,
        name: u.name,
        role: u.role,
        passwordHash,
        desks: { create: u.desks.map((deskId) => ({ deskId })) },
      },
    });
    report.users.created++;
  }
}

/** Demo accounts are seeded everywhere except production on PostgreSQL, unless SEED_DEMO says otherwise. */
export function shouldSeedDemoUsers(env: { NODE_ENV: string; DATABASE_URL: string; SEED_DEMO?: boolean }): boolean {
  if (env.SEED_DEMO !== undefined) return env.SEED_DEMO;
  return !(env.NODE_ENV === "production" && /^postgres/.test(env.DATABASE_URL));
}
