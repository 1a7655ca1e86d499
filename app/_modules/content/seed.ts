// Imports content/ into the database. Every file is read and validated before anything is written, so a
// bad file stops the seed with its name and field and changes nothing. Idempotent: an unchanged file is
// skipped by its hash; a changed file updates its record and adds a revision (history is kept).
import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Db } from "@/app/_core/db";
import { hashPassword } from "@/app/_core/password";
import { checkAgainstTaxonomy, frontMatterSchema, type FrontMatter } from "@/app/_modules/articles/front-matter";
import { parseArticleFile } from "@/app/_modules/articles/markdown";
import { checkRuleBasis, collectArticleLinks, collectRuleRefs, validateDoc } from "@/app/_modules/articles/validate";
import { articleColumns, dayToDate } from "@/app/_modules/articles/fields";
import { articleSnapshot, snapshotColumn } from "@/app/_modules/articles/snapshot";
import { protocolDefinitionColumn } from "@/app/_modules/protocol/columns";
import { taxonomySettingColumn } from "./columns";
import {
  parseProtocolFile,
  resolveProtocols,
  type ProtocolDefinition,
} from "@/app/_modules/protocol/engine/definition";
import { ruleViewByRef } from "@/app/_modules/protocol/engine/rule-view";
import { DEMO_PASSWORD, DEMO_USERS } from "./demo-users";
import { parseDesksFile, type DeskConfig } from "./desks";
import { ContentError, contentErrorFromIssues } from "./errors";
import { clearTaxonomyCache } from "./store";
import { recordProtocolChanges } from "@/app/_modules/changes/protocol-change";
import { recordDeskChange } from "@/app/_modules/desks/settings";
import { parseTaxonomyFile, type Taxonomy } from "./taxonomy";

export type Counts = { created: number; updated: number; unchanged: number };
export type SeedReport = Record<"desks" | "taxonomy" | "protocols" | "articles" | "users", Counts>;

const DEFAULT_PROTOCOL = "stellingwerf-college";
const sha = (s: string) => createHash("sha256").update(s).digest("hex");
const zero = (): Counts => ({ created: 0, updated: 0, unchanged: 0 });

type LoadedArticle = { file: string; hash: string; fm: FrontMatter; body: string; ruleIds: string[] };
type LoadedProtocol = {
  file: string;
  hash: string;
  id: string;
  name: string;
  extends: string | null;
  definition: ProtocolDefinition;
};

export type LoadedContent = {
  desks: DeskConfig[];
  taxonomy: Taxonomy;
  taxonomyHash: string;
  protocols: LoadedProtocol[];
  articles: LoadedArticle[];
};

/** The most common topic of the articles that embed a rule (by rule id), or null. */
function topicOfRule(articles: readonly LoadedArticle[], ruleId: string): string | null {
  const counts = new Map<string, number>();
  for (const a of articles) if (a.ruleIds.includes(ruleId)) counts.set(a.fm.topic, (counts.get(a.fm.topic) ?? 0) + 1);
  return [...counts].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0]?.[0] ?? null;
}

/** Reads and validates everything under contentDir; throws ContentError on the first bad file. */
export function loadContent(contentDir: string): LoadedContent {
  const rel = (p: string) => path.join("content", path.relative(contentDir, p));
  const read = (p: string) => fs.readFileSync(p, "utf8");

  const desksFile = path.join(contentDir, "desks.yaml");
  const desks = parseDesksFile(read(desksFile), rel(desksFile));
  const taxFile = path.join(contentDir, "taxonomy.yaml");
  const taxText = read(taxFile);
  const taxonomy = parseTaxonomyFile(taxText, rel(taxFile));

  const protoDir = path.join(contentDir, "protocols");
  const protoFiles = fs
    .readdirSync(protoDir)
    .filter((f) => f.endsWith(".yaml") || f.endsWith(".yml"))
    .sort();
  const parsed = protoFiles.map((f) => {
    const full = path.join(protoDir, f);
    const text = read(full);
    return { file: rel(full), hash: sha(text), def: parseProtocolFile(text, rel(full)) };
  });
  const resolved = resolveProtocols(parsed.map((p) => p.def));
  const protocols: LoadedProtocol[] = parsed.map((p) => ({
    file: p.file,
    hash: p.hash,
    id: p.def.id,
    name: p.def.name,
    extends: p.def.extends ?? null,
    definition: p.def,
  }));
  if (!resolved[DEFAULT_PROTOCOL])
    throw new ContentError("content/protocols", "", `the default protocol "${DEFAULT_PROTOCOL}" is missing`);
  const ruleExists = (protocol: string | undefined, id: string) => {
    const p = resolved[protocol ?? DEFAULT_PROTOCOL];
    return !!p && p.rules.some((r: { id: string }) => r.id === id);
  };

  const artDir = path.join(contentDir, "articles");
  const artFiles = fs
    .readdirSync(artDir)
    .filter((f) => f.endsWith(".md"))
    .sort();
  const articles: LoadedArticle[] = [];
  const slugs = new Set<string>();
  for (const f of artFiles) {
    const full = path.join(artDir, f);
    const file = rel(full);
    const text = read(full);
    let fmRaw: unknown;
    let doc: unknown;
    try {
      ({ frontMatter: fmRaw, body: doc } = parseArticleFile(text, file));
    } catch (e) {
      throw e instanceof ContentError ? e : new ContentError(file, "", (e as Error).message);
    }
    const fm = frontMatterSchema.safeParse(fmRaw);
    if (!fm.success) throw contentErrorFromIssues(file, fm.error.issues);
    if (`${fm.data.slug}.md` !== f)
      throw new ContentError(file, "slug", `must equal the file name ("${f.replace(/\.md$/, "")}")`);
    const tax = checkAgainstTaxonomy(fm.data, taxonomy);
    if (tax) throw new ContentError(file, tax.field, tax.message);
    const valid = validateDoc(doc);
    if (!valid.ok) throw new ContentError(file, "body", valid.message);
    const refs = collectRuleRefs(valid.doc);
    for (const r of refs) {
      if (!ruleExists(r.protocol, r.ruleId))
        throw new ContentError(
          file,
          "body",
          `unknown protocol rule "${r.protocol ? `${r.protocol}/` : ""}${r.ruleId}"`,
        );
    }
    const basisProblem = checkRuleBasis(valid.doc, (r) =>
      ruleViewByRef(resolved, r.protocol ? `${r.protocol}/${r.ruleId}` : r.ruleId),
    );
    if (basisProblem) throw new ContentError(file, "body", basisProblem);
    slugs.add(fm.data.slug);
    articles.push({
      file,
      hash: sha(text),
      fm: fm.data,
      body: articleColumns.body.encode(valid.doc),
      ruleIds: [...new Set(refs.map((r) => r.ruleId))].sort(),
    });
  }
  for (const a of articles) {
    for (const link of collectArticleLinks(articleColumns.body.decode(a.body))) {
      if (!slugs.has(link)) throw new ContentError(a.file, "body", `link to unknown article "[[${link}]]"`);
    }
  }
  return { desks, taxonomy, taxonomyHash: sha(taxText), protocols, articles };
}

/** Writes loaded content to the database. Returns what changed. */
export async function seedContent(db: Db, opts: { contentDir: string; demoUsers: boolean }): Promise<SeedReport> {
  const content = loadContent(opts.contentDir);
  const report: SeedReport = { desks: zero(), taxonomy: zero(), protocols: zero(), articles: zero(), users: zero() };

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
    const existing = await db.desk.findUnique({ where: { id: d.id } });
    if (!existing) {
      await db.desk.create({ data: { id: d.id, ...data } });
      report.desks.created++;
    } else if (Object.entries(data).some(([k, v]) => (existing as Record<string, unknown>)[k] !== v)) {
      await db.$transaction(async (tx) => {
        await tx.desk.update({ where: { id: d.id }, data });
        await recordDeskChange(tx, { id: d.id, shortName: d.shortName }, existing, data, null);
      });
      report.desks.updated++;
    } else report.desks.unchanged++;
  }

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

  let resolved: ReturnType<typeof resolveProtocols> | null = null;
  const resolvedSet = () => (resolved ??= resolveProtocols(content.protocols.map((x) => x.definition)));
  for (const p of content.protocols) {
    const existing = await db.protocol.findUnique({ where: { id: p.id } });
    const data = {
      name: p.name,
      extends: p.extends,
      definition: protocolDefinitionColumn.encode(p.definition),
      sourceHash: p.hash,
      isDefault: p.id === DEFAULT_PROTOCOL,
    };
    if (!existing) {
      await db.protocol.create({ data: { id: p.id, ...data } });
      report.protocols.created++;
    } else if (existing.sourceHash !== p.hash) {
      await db.$transaction(async (tx) => {
        await tx.protocol.update({ where: { id: p.id }, data });
        // What changed for /desk/wijzigingen and the public feed: one record per changed rule.
        await recordProtocolChanges(tx, {
          // As stored (not re-validated: an older definition may predate today's schema).
          before: JSON.parse(existing.definition) as typeof p.definition,
          after: p.definition,
          titleOf: (ruleId) => ruleViewByRef(resolvedSet(), `${p.id}/${ruleId}`)?.title ?? null,
          topicOf: (ruleId) => topicOfRule(content.articles, ruleId),
        });
      });
      report.protocols.updated++;
    } else report.protocols.unchanged++;
  }

  for (const a of content.articles) {
    const existing = await db.article.findUnique({
      where: { slug: a.fm.slug },
      select: { id: true, sourceHash: true, publishedAt: true },
    });
    if (existing?.sourceHash === a.hash) {
      report.articles.unchanged++;
      continue;
    }
    const published = a.fm.status === "published";
    const data = {
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
    await db.$transaction(async (tx) => {
      const article = existing
        ? await tx.article.update({
            where: { id: existing.id },
            data: { ...data, publishedAt: published ? (existing.publishedAt ?? new Date()) : existing.publishedAt },
          })
        : await tx.article.create({
            data: {
              slug: a.fm.slug,
              ...data,
              publishedAt: published ? (dayToDate(a.fm.lastChecked) ?? new Date()) : null,
            },
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
          note: existing ? `Bijgewerkt uit ${a.file}` : `Geïmporteerd uit ${a.file}`,
          snapshot: snapshotColumn.encode(articleSnapshot(article)),
        },
      });
    });
    report.articles[existing ? "updated" : "created"]++;
  }

  if (opts.demoUsers) {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const u of DEMO_USERS) {
      const existing = await db.user.findUnique({ where: { email: u.email } });
      if (existing) {
        report.users.unchanged++;
        continue;
      }
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
  return report;
}

/** Demo accounts are seeded everywhere except production on PostgreSQL, unless SEED_DEMO says otherwise. */
export function shouldSeedDemoUsers(env: { NODE_ENV: string; DATABASE_URL: string; SEED_DEMO?: boolean }): boolean {
  if (env.SEED_DEMO !== undefined) return env.SEED_DEMO;
  return !(env.NODE_ENV === "production" && /^postgres/.test(env.DATABASE_URL));
}
