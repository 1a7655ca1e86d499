// Validation of Tiptap JSON coming from the browser, against the one shared schema.
import "server-only";
import { getSchema } from "@tiptap/core";
import { Node as PMNode, type Schema } from "@tiptap/pm/model";
import { articleExtensions } from "@/app/_lib/tiptap/extensions";
import {
  NODE,
  isAllowedHref,
  isCalloutVariant,
  isValidId,
  type JSONContent,
  type RuleRef,
} from "@/app/_lib/tiptap/doc-types";

/** Largest accepted document, measured as JSON text. */
export const MAX_DOC_BYTES = 200_000;
const MAX_DEPTH = 40;

export type ValidateResult = { ok: true; doc: JSONContent } | { ok: false; message: string };

let schemaCache: Schema | null = null;
/** The ProseMirror schema built from the shared extension list. */
export function articleSchema(): Schema {
  return (schemaCache ??= getSchema(articleExtensions));
}

class Invalid extends Error {}

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);

// PM's fromJSON silently drops attributes the schema does not know, so "unknown attribute" has to
// be checked on the raw JSON; the same walk checks the values our own nodes depend on.
function checkRaw(node: unknown, schema: Schema, depth: number): void {
  if (depth > MAX_DEPTH) throw new Invalid("De tekst is te diep genest.");
  if (!isRecord(node)) throw new Invalid("De opbouw van de tekst klopt niet.");
  for (const key of Object.keys(node)) {
    if (!["type", "attrs", "content", "marks", "text"].includes(key))
      throw new Invalid("De opbouw van de tekst klopt niet.");
  }
  const typeName = node.type;
  if (typeof typeName !== "string" || !(typeName in schema.nodes)) {
    throw new Invalid(`Dit onderdeel is niet toegestaan in een artikel: ${String(typeName).slice(0, 40)}.`);
  }
  const type = schema.nodes[typeName];
  const attrs = node.attrs ?? {};
  if (!isRecord(attrs)) throw new Invalid("De opbouw van de tekst klopt niet.");
  const knownAttrs = type.spec.attrs ?? {};
  for (const key of Object.keys(attrs)) {
    if (!(key in knownAttrs)) {
      throw new Invalid(`Onbekende eigenschap "${key.slice(0, 40)}" bij ${typeName}.`);
    }
  }

  switch (typeName) {
    case "heading":
      if (attrs.level !== 2 && attrs.level !== 3) throw new Invalid("Gebruik alleen kopjes van niveau 2 en 3.");
      break;
    case "orderedList":
      if (attrs.start !== undefined && !(Number.isInteger(attrs.start) && (attrs.start as number) >= 0)) {
        throw new Invalid("Een genummerde lijst moet bij een geheel getal beginnen.");
      }
      break;
    case NODE.callout:
      if (attrs.variant !== undefined && !isCalloutVariant(attrs.variant)) {
        throw new Invalid("Een kader is 'info' of 'waarschuwing'.");
      }
      break;
    case NODE.articleLink:
      if (!isValidId(attrs.slug)) throw new Invalid("Een artikellink verwijst niet naar een geldig artikel.");
      if (attrs.label != null && (typeof attrs.label !== "string" || attrs.label.length > 300)) {
        throw new Invalid("De tekst van een artikellink is ongeldig.");
      }
      break;
    case NODE.protocolRule:
    case NODE.protocolThreshold:
      if (!isValidId(attrs.ruleId)) throw new Invalid("Een protocolregel heeft geen geldige regel-id.");
      if (attrs.protocol != null && !isValidId(attrs.protocol))
        throw new Invalid("Een protocolregel noemt een ongeldig protocol.");
      break;
  }

  if (node.marks !== undefined) {
    if (!Array.isArray(node.marks)) throw new Invalid("De opbouw van de tekst klopt niet.");
    for (const mark of node.marks) {
      if (!isRecord(mark) || typeof mark.type !== "string" || !(mark.type in schema.marks)) {
        throw new Invalid(`Deze opmaak is niet toegestaan: ${isRecord(mark) ? String(mark.type).slice(0, 40) : "?"}.`);
      }
      const markAttrs = mark.attrs ?? {};
      if (!isRecord(markAttrs)) throw new Invalid("De opbouw van de tekst klopt niet.");
      const known = schema.marks[mark.type].spec.attrs ?? {};
      for (const key of Object.keys(markAttrs)) {
        if (!(key in known)) throw new Invalid(`Onbekende eigenschap "${key.slice(0, 40)}" bij opmaak ${mark.type}.`);
      }
      if (mark.type === "link") {
        if (!isAllowedHref(markAttrs.href)) {
          throw new Invalid(
            "Deze link is niet toegestaan. Gebruik een adres met https://, http://, mailto: of een pad dat met / begint.",
          );
        }
        for (const key of ["target", "rel", "class", "title"]) {
          if (markAttrs[key] != null && typeof markAttrs[key] !== "string")
            throw new Invalid("Een link heeft een ongeldige eigenschap.");
        }
      }
    }
  }

  if (node.text !== undefined && typeof node.text !== "string") throw new Invalid("De opbouw van de tekst klopt niet.");
  if (node.content !== undefined) {
    if (!Array.isArray(node.content)) throw new Invalid("De opbouw van de tekst klopt niet.");
    for (const child of node.content) checkRaw(child, schema, depth + 1);
  }
}

/** Checks untrusted editor JSON against the article schema; returns the normalized document or a Dutch message. */
export function validateDoc(json: unknown): ValidateResult {
  let size: number;
  try {
    size = Buffer.byteLength(JSON.stringify(json) ?? "", "utf8");
  } catch {
    return { ok: false, message: "De tekst kan niet worden gelezen." };
  }
  if (size > MAX_DOC_BYTES) {
    return {
      ok: false,
      message: `De tekst is te lang (meer dan ${Math.round(MAX_DOC_BYTES / 1000)} kB). Maak hem korter of verdeel hem over meer artikelen.`,
    };
  }
  if (!isRecord(json) || json.type !== "doc") return { ok: false, message: "De tekst kan niet worden gelezen." };
  const schema = articleSchema();
  try {
    checkRaw(json, schema, 0);
    const node = PMNode.fromJSON(schema, json);
    node.check();
    return { ok: true, doc: node.toJSON() as JSONContent };
  } catch (err) {
    if (err instanceof Invalid) return { ok: false, message: err.message };
    return {
      ok: false,
      message: "De opbouw van de tekst klopt niet. Een onderdeel staat op een plek waar het niet mag.",
    };
  }
}

function walk(node: JSONContent | undefined, visit: (n: JSONContent) => void): void {
  if (!node || typeof node !== "object") return;
  visit(node);
  for (const child of node.content ?? []) walk(child, visit);
}

/** Every string in a document: text nodes and attribute values (hrefs, labels, ids), each on its own line. */
export function docStrings(doc: JSONContent): string {
  const out: string[] = [];
  const visit = (n: JSONContent) => {
    if (typeof n.text === "string") out.push(n.text);
    for (const v of Object.values(n.attrs ?? {})) if (typeof v === "string") out.push(v);
    for (const m of n.marks ?? []) for (const v of Object.values(m.attrs ?? {})) if (typeof v === "string") out.push(v);
    for (const c of n.content ?? []) visit(c);
  };
  visit(doc);
  return out.join("\n");
}

/** Unique protocol rules a document embeds (cards and thresholds), in order of appearance. */
export function collectRuleRefs(doc: JSONContent): RuleRef[] {
  const seen = new Map<string, RuleRef>();
  walk(doc, (n) => {
    if (n.type !== NODE.protocolRule && n.type !== NODE.protocolThreshold) return;
    const { ruleId, protocol } = n.attrs ?? {};
    if (!isValidId(ruleId)) return;
    const ref: RuleRef = isValidId(protocol) ? { ruleId, protocol } : { ruleId };
    const key = `${ref.protocol ?? ""}/${ruleId}`;
    if (!seen.has(key)) seen.set(key, ref);
  });
  return [...seen.values()];
}

/** Unique slugs of the articles a document links to with `[[slug]]`. */
export function collectArticleLinks(doc: JSONContent): string[] {
  const slugs = new Set<string>();
  walk(doc, (n) => {
    if (n.type === NODE.articleLink && isValidId(n.attrs?.slug)) slugs.add(n.attrs.slug);
  });
  return [...slugs];
}

// ---------------------------------------------------------------------------------------------
// Law and school policy: whose rule a threshold states

/** What the basis check needs to know of an embedded rule. */
export type RuleBasisInfo = { basis: "law" | "school"; basisText?: string; source?: { label: string; url?: string } };

/**
 * Words that present a statement as law. A sentence that embeds a school's threshold with one of these reads as
 * if the school's own rule were the law, e.g. "De wet verbiedt verlof {{drempel:leave-vakantie}}".
 */
const LAW_CLAIM = /(^|[^\p{L}])(wet|wettelijk|wettelijke|leerplichtwet|wetgever)(?![\p{L}])/iu;

// A table row is one statement: "| Leerplichtwet | {{drempel:…}} |" claims the law as much as a sentence does.
const BLOCK_TYPES = new Set(["paragraph", "heading", "tableRow"]);

function refKey(ref: RuleRef): string {
  return ref.protocol ? `${ref.protocol}/${ref.ruleId}` : ref.ruleId;
}

/** The sentences of a text block, with each inline threshold replaced by a marker that names its rule. */
function sentencesWithThresholds(block: JSONContent): { text: string; refs: RuleRef[] }[] {
  const parts: (string | RuleRef)[] = [];
  walk(block, (n) => {
    if (n.type === "tableCell" || n.type === "tableHeader") parts.push(" ");
    else if (n.type === "text" && typeof n.text === "string") parts.push(n.text);
    else if (n.type === NODE.protocolThreshold && isValidId(n.attrs?.ruleId))
      parts.push(
        isValidId(n.attrs?.protocol)
          ? { ruleId: n.attrs.ruleId, protocol: n.attrs.protocol }
          : { ruleId: n.attrs!.ruleId },
      );
  });
  const out: { text: string; refs: RuleRef[] }[] = [];
  let text = "";
  let refs: RuleRef[] = [];
  const flush = () => {
    if (text.trim() || refs.length) out.push({ text, refs });
    text = "";
    refs = [];
  };
  for (const p of parts) {
    if (typeof p !== "string") {
      refs.push(p);
      text += " ∎ ";
      continue;
    }
    // A sentence ends at . ? ! followed by a space (or the end of the text node).
    const pieces = p.split(/(?<=[.?!])\s+/);
    pieces.forEach((piece, i) => {
      text += piece;
      if (i < pieces.length - 1) flush();
    });
  }
  flush();
  return out;
}

/**
 * Checks whose rule each embedded threshold states. Refuses (Dutch message, or null when fine):
 * - a threshold or rule card whose rule has no visible basis or no source (a number without whose rule it is);
 * - a sentence that presents a school's own rule as law: it embeds a `basis: school` threshold and says "wet".
 */
export function checkRuleBasis(doc: JSONContent, rule: (ref: RuleRef) => RuleBasisInfo | null): string | null {
  for (const ref of collectRuleRefs(doc)) {
    const r = rule(ref);
    if (!r) continue; // an unknown rule is reported by the caller's existence check
    if ((r.basis !== "law" && r.basis !== "school") || !r.basisText?.trim() || !r.source?.label?.trim())
      return `De regel "${refKey(ref)}" heeft geen zichtbare grondslag of bron. Een drempel laat altijd zien of het de wet of schoolbeleid is, met de bron erbij. Vul de bron van de regel in het protocol in.`;
  }
  let problem: string | null = null;
  walk(doc, (n) => {
    if (problem || !n.type || !BLOCK_TYPES.has(n.type)) return;
    for (const s of sentencesWithThresholds(n)) {
      if (!LAW_CLAIM.test(s.text)) continue;
      for (const ref of s.refs) {
        const r = rule(ref);
        if (r?.basis === "school") {
          problem =
            `De zin "${s.text
              .replace(/\s*∎\s*/g, ` {{drempel:${refKey(ref)}}} `)
              .replace(/\s+/g, " ")
              .trim()
              .slice(0, 160)}" noemt de wet, ` +
            `maar "${refKey(ref)}" is ${r.basisText ?? "schoolbeleid"}. Schrijf dat het een regel van de school is, of gebruik de regel uit de wet.`;
          return;
        }
      }
    }
  });
  return problem;
}
