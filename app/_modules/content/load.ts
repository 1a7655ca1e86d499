// Reads and validates content/ (desks, taxonomy, protocols, articles) without touching the database. Loaded by the
// seed only when the content changed since the last seed (its parsers and validators take a while to load).
import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { checkAgainstTaxonomy, frontMatterSchema, type FrontMatter } from "@/app/_modules/articles/front-matter";
import { parseArticleFile } from "@/app/_modules/articles/markdown";
import { checkRuleBasis, collectArticleLinks, collectRuleRefs, validateDoc } from "@/app/_modules/articles/validate";
import { articleColumns } from "@/app/_modules/articles/fields";
import {
  parseProtocolFile,
  resolveProtocols,
  type ProtocolDefinition,
} from "@/app/_modules/protocol/engine/definition";
import { ruleViewByRef } from "@/app/_modules/protocol/engine/rule-view";
import { parseDesksFile, type DeskConfig } from "./desks";
import { ContentError, contentErrorFromIssues } from "./errors";
import { parseTaxonomyFile, type Taxonomy } from "./taxonomy";

export { resolveProtocols, ruleViewByRef };

/** The protocol a rule reference without a protocol name points to. */
export const DEFAULT_PROTOCOL = "stellingwerf-college";
const sha = (s: string) => createHash("sha256").update(s).digest("hex");

export type LoadedArticle = { file: string; hash: string; fm: FrontMatter; body: string; ruleIds: string[] };
export type LoadedProtocol = {
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
