// npm run export-content [-- --out DIR] [-- --all] — writes the database's published articles back to
// content/articles/<slug>.md in canonical form, so editorial work can be committed as seed data.
// Files are only rewritten when their text changes; files of other articles are left alone.
import fs from "node:fs";
import path from "node:path";
import type { JSONContent } from "@tiptap/core";
import type { Db } from "@/app/_core/db";
import { serializeArticleFile } from "@/app/_modules/articles/markdown";

export type ExportReport = { written: string[]; unchanged: string[] };

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : undefined);

/** The article file text of an article row (the public version of a published article). */
export function articleFileText(a: {
  slug: string;
  title: string;
  summary: string;
  type: string;
  audiences: string;
  sectors: string;
  topic: string;
  questions: string;
  status: string;
  lastCheckedAt: Date | null;
  reviewDueAt: Date | null;
  body: string;
  sources?: string;
}): string {
  const sources = a.sources ? (JSON.parse(a.sources) as { title: string; url: string }[]) : [];
  return serializeArticleFile(
    {
      slug: a.slug,
      title: a.title,
      summary: a.summary,
      type: a.type,
      audiences: JSON.parse(a.audiences) as string[],
      sectors: JSON.parse(a.sectors) as string[],
      topic: a.topic,
      questions: (JSON.parse(a.questions) as string[]).length ? (JSON.parse(a.questions) as string[]) : undefined,
      status: a.status,
      // An article with sources was reviewed against them: its check date is written as reviewedAt.
      ...(sources.length ? { reviewedAt: day(a.lastCheckedAt) } : { lastChecked: day(a.lastCheckedAt) }),
      reviewDue: day(a.reviewDueAt),
      sources: sources.length ? sources : undefined,
    },
    JSON.parse(a.body) as JSONContent,
  );
}

/** Writes articles (published ones unless `statuses` says otherwise) to outDir as <slug>.md. */
export async function exportContent(
  db: Db,
  opts: { outDir: string; statuses?: readonly string[] },
): Promise<ExportReport> {
  const statuses = opts.statuses ?? ["published"];
  const articles = await db.article.findMany({ where: { status: { in: [...statuses] } }, orderBy: { slug: "asc" } });
  fs.mkdirSync(opts.outDir, { recursive: true });
  const report: ExportReport = { written: [], unchanged: [] };
  for (const a of articles) {
    const file = path.join(opts.outDir, `${a.slug}.md`);
    const text = articleFileText(a);
    const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null;
    if (current === text) {
      report.unchanged.push(file);
      continue;
    }
    // Write to a temporary name first: an interrupted export never leaves half a file.
    const tmp = `${file}.tmp-${process.pid}`;
    fs.writeFileSync(tmp, text, "utf8");
    fs.renameSync(tmp, file);
    report.written.push(file);
  }
  return report;
}

/** Parses `--out DIR` and `--all`. */
export function parseArgs(argv: readonly string[], root: string): { outDir: string; all: boolean } {
  let outDir = path.join(root, "content", "articles");
  let all = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--out") {
      const v = argv[++i];
      if (!v) throw new Error("--out needs a directory");
      outDir = path.resolve(v);
    } else if (argv[i].startsWith("--out=")) outDir = path.resolve(argv[i].slice(6));
    else if (argv[i] === "--all") all = true;
    else throw new Error(`unknown argument: ${argv[i]} (use --out DIR, --all)`);
  }
  return { outDir, all };
}

async function main(): Promise<void> {
  const { createDb } = await import("@/app/_core/db");
  const { env } = await import("@/app/_core/env");
  const args = parseArgs(process.argv.slice(2), path.resolve(__dirname, ".."));
  const db = createDb(env().DATABASE_URL);
  try {
    const report = await exportContent(db, {
      outDir: args.outDir,
      statuses: args.all ? ["draft", "in_review", "published", "archived"] : undefined,
    });
    console.log(
      `export-content: ${report.written.length} written, ${report.unchanged.length} unchanged → ${path.relative(process.cwd(), args.outDir) || "."}`,
    );
    for (const f of report.written) console.log(`  ${path.relative(process.cwd(), f)}`);
  } finally {
    await db.$disconnect();
  }
}

if (typeof require !== "undefined" && require.main === module) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
