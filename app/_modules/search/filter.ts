// Parser for Meilisearch's filter syntax: `sector = "vo" AND (topic = verlof OR topic IN [a, b])`, `!=`, `>`,
// `a 1 TO 5`, `NOT`, `EXISTS`, `IS NULL`, `IS EMPTY`, and the array form (outer AND, inner OR).
import { SearchRequestError, type SearchFilter } from "./types";

export type Comparison = "=" | "!=" | ">" | ">=" | "<" | "<=";

export type FilterNode =
  | { op: "and" | "or"; items: FilterNode[] }
  | { op: "not"; item: FilterNode }
  | { op: "cmp"; attr: string; cmp: Comparison; value: string }
  | { op: "in"; attr: string; values: string[] }
  | { op: "to"; attr: string; from: string; to: string }
  | { op: "exists" | "null" | "empty"; attr: string };

type Tok = { kind: "word" | "string" | "punct"; text: string; at: number };

const PUNCT = ["!=", ">=", "<=", "=", ">", "<", "(", ")", "[", "]", ","];

function lex(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      let text = "";
      while (j < src.length && src[j] !== c) {
        if (src[j] === "\\" && j + 1 < src.length) j++;
        text += src[j];
        j++;
      }
      if (j >= src.length) throw bad(`quote opened at position ${i} is never closed`);
      toks.push({ kind: "string", text, at: i });
      i = j + 1;
      continue;
    }
    const p = PUNCT.find((x) => src.startsWith(x, i));
    if (p) {
      toks.push({ kind: "punct", text: p, at: i });
      i += p.length;
      continue;
    }
    let j = i;
    while (
      j < src.length &&
      !/\s/.test(src[j]!) &&
      !PUNCT.some((x) => src.startsWith(x, j)) &&
      src[j] !== '"' &&
      src[j] !== "'"
    )
      j++;
    toks.push({ kind: "word", text: src.slice(i, j), at: i });
    i = j;
  }
  return toks;
}

function bad(detail: string): SearchRequestError {
  return new SearchRequestError("invalid_search_filter", `Invalid filter: ${detail}.`);
}

class Parser {
  private i = 0;
  constructor(private readonly toks: Tok[]) {}

  parse(): FilterNode {
    const node = this.or();
    if (this.i < this.toks.length)
      throw bad(`unexpected "${this.toks[this.i]!.text}" at position ${this.toks[this.i]!.at}`);
    return node;
  }
  private peek(): Tok | undefined {
    return this.toks[this.i];
  }
  private isKw(t: Tok | undefined, kw: string): boolean {
    return !!t && t.kind === "word" && t.text.toUpperCase() === kw;
  }
  private eatKw(kw: string): boolean {
    if (this.isKw(this.peek(), kw)) {
      this.i++;
      return true;
    }
    return false;
  }
  private eatPunct(p: string): boolean {
    const t = this.peek();
    if (t?.kind === "punct" && t.text === p) {
      this.i++;
      return true;
    }
    return false;
  }
  private value(): string {
    const t = this.peek();
    if (!t || t.kind === "punct") throw bad(`expected a value${t ? ` at position ${t.at}` : " at the end"}`);
    this.i++;
    return t.text;
  }
  private or(): FilterNode {
    const items = [this.and()];
    while (this.eatKw("OR")) items.push(this.and());
    return items.length === 1 ? items[0]! : { op: "or", items };
  }
  private and(): FilterNode {
    const items = [this.not()];
    while (this.eatKw("AND")) items.push(this.not());
    return items.length === 1 ? items[0]! : { op: "and", items };
  }
  private not(): FilterNode {
    if (this.eatKw("NOT")) return { op: "not", item: this.not() };
    if (this.eatPunct("(")) {
      const inner = this.or();
      if (!this.eatPunct(")")) throw bad("a parenthesis is never closed");
      return inner;
    }
    return this.condition();
  }
  private condition(): FilterNode {
    const a = this.peek();
    if (!a || a.kind === "punct") throw bad(`expected an attribute${a ? ` at position ${a.at}` : " at the end"}`);
    this.i++;
    const attr = a.text;
    const t = this.peek();
    if (t?.kind === "punct" && ["=", "!=", ">", ">=", "<", "<="].includes(t.text)) {
      this.i++;
      return { op: "cmp", attr, cmp: t.text as Comparison, value: this.value() };
    }
    if (this.eatKw("IN")) return { op: "in", attr, values: this.list() };
    if (this.eatKw("EXISTS")) return { op: "exists", attr };
    if (this.eatKw("NOT")) {
      if (this.eatKw("IN")) return { op: "not", item: { op: "in", attr, values: this.list() } };
      if (this.eatKw("EXISTS")) return { op: "not", item: { op: "exists", attr } };
      throw bad(`expected IN or EXISTS after "${attr} NOT"`);
    }
    if (this.eatKw("IS")) {
      const negate = this.eatKw("NOT");
      let node: FilterNode;
      if (this.eatKw("NULL")) node = { op: "null", attr };
      else if (this.eatKw("EMPTY")) node = { op: "empty", attr };
      else throw bad(`expected NULL or EMPTY after "${attr} IS"`);
      return negate ? { op: "not", item: node } : node;
    }
    if (t && t.kind !== "punct") {
      const from = this.value();
      if (!this.eatKw("TO")) throw bad(`expected an operator after "${attr}"`);
      return { op: "to", attr, from, to: this.value() };
    }
    throw bad(`expected an operator after "${attr}"`);
  }
  private list(): string[] {
    if (!this.eatPunct("[")) throw bad("expected [ after IN");
    const values: string[] = [];
    if (this.eatPunct("]")) return values;
    for (;;) {
      values.push(this.value());
      if (this.eatPunct("]")) return values;
      if (!this.eatPunct(",")) throw bad("expected , or ] in a list");
    }
  }
}

/** Parses one filter expression. */
export function parseFilterExpression(src: string): FilterNode {
  const toks = lex(src);
  if (toks.length === 0) return { op: "and", items: [] };
  return new Parser(toks).parse();
}

/** Parses a filter in string or array form; undefined when there is no filter. */
export function parseFilter(filter: SearchFilter | undefined): FilterNode | undefined {
  if (filter === undefined) return undefined;
  if (typeof filter === "string") return filter.trim() ? parseFilterExpression(filter) : undefined;
  const items = filter.map((f): FilterNode =>
    Array.isArray(f) ? { op: "or", items: f.map(parseFilterExpression) } : parseFilterExpression(f),
  );
  return items.length ? { op: "and", items } : undefined;
}

/** Attribute names a filter refers to. */
export function filterAttributes(node: FilterNode, out = new Set<string>()): Set<string> {
  if ("items" in node) node.items.forEach((n) => filterAttributes(n, out));
  else if ("item" in node) filterAttributes(node.item, out);
  else out.add(node.attr);
  return out;
}

/** A value as a quoted filter string: `"` and `\` escaped, as both engines read them (Meilisearch's syntax). */
export function filterValue(v: string): string {
  return `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}
