import { describe, expect, it } from "vitest";
import {
  ArticleFormatError,
  docToMarkdown,
  markdownToDoc,
  parseArticleFile,
  parseRuleRef,
  serializeArticleFile,
} from "./markdown";
import { validateDoc } from "./validate";
import type { JSONContent } from "@/app/_lib/tiptap/doc-types";

// Every construct of the subset, in canonical form.
const RICH = `## Wanneer meld ik verzuim?

Een school meldt **ongeoorloofd verzuim** bij *de leerplichtambtenaar* via het [verzuimloket](https://duo.nl/verzuim "DUO"). Dat moet bij {{drempel:unexcused-16h-4w}}; zie ook [[verlof-aanvragen]] en [[vakantieverlof|de regels voor vakantieverlof]].

{{regel:unexcused-16h-4w}}

{{regel:leerplichtwet/unexcused-16h-4w}}

### Wat doet de school?

- De mentor **belt *de ouders***
- De administratie meldt het [zelf](/verzuimcheck)
  - binnen een week
  - met {{drempel:leerplichtwet/unexcused-16h-4w}}
- Tekens als \\*, \\_, \\[x\\], \\\\ en \\{{ blijven gewoon tekst

1. Eerst een gesprek
2. Dan een brief
   - aan de ouders

Daarna verder met stap 3.

3. Drie
4. Vier

:::info
Een school mag strenger zijn dan de wet.

- ook met een lijst
:::

:::waarschuwing
Noem nooit de naam van een leerling.

:::info
Een kader in een kader.
:::
:::

| Soort | Drempel | Wie |
| --- | :---: | ---: |
| Te laat | derde keer | *afdelingsleider* |
| Ongeoorloofd | {{drempel:unexcused-16h-4w}} | leerplicht \\| DUO |

Mail ons via [e-mail](mailto:info@example.nl). Losse adressen als www.duo.nl of a@b.nl blijven tekst.
`;

describe("markdown round trip", () => {
  it("keeps a rich canonical sample byte for byte", () => {
    const doc = markdownToDoc(RICH);
    expect(docToMarkdown(doc)).toBe(RICH);
  });

  it("produces a document the validator accepts unchanged", () => {
    const doc = markdownToDoc(RICH);
    const result = validateDoc(doc);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.doc).toEqual(doc);
  });

  it("maps each construct to the right node", () => {
    const doc = markdownToDoc(RICH);
    const types = new Set<string>();
    const visit = (n: JSONContent) => {
      types.add(n.type!);
      n.marks?.forEach((m) => types.add(`mark:${m.type}`));
      n.content?.forEach(visit);
    };
    visit(doc);
    for (const t of [
      "heading",
      "paragraph",
      "bulletList",
      "orderedList",
      "listItem",
      "table",
      "tableRow",
      "tableHeader",
      "tableCell",
      "callout",
      "articleLink",
      "protocolRule",
      "protocolThreshold",
      "mark:bold",
      "mark:italic",
      "mark:link",
    ]) {
      expect(types, t).toContain(t);
    }
    const rules = doc.content!.filter((n) => n.type === "protocolRule").map((n) => n.attrs);
    expect(rules).toEqual([
      { ruleId: "unexcused-16h-4w", protocol: null },
      { ruleId: "unexcused-16h-4w", protocol: "leerplichtwet" },
    ]);
    const ordered = doc.content!.filter((n) => n.type === "orderedList").map((n) => n.attrs?.start);
    expect(ordered).toEqual([1, 3]);
  });

  it("keeps bare URLs and e-mail addresses as text", () => {
    const doc = markdownToDoc("Zie www.duo.nl of mail a@b.nl.\n");
    expect(doc.content![0].content).toEqual([{ type: "text", text: "Zie www.duo.nl of mail a@b.nl." }]);
  });

  it("an empty body is an empty document and writes back as nothing", () => {
    const doc = markdownToDoc("");
    expect(doc).toEqual({ type: "doc", content: [{ type: "paragraph" }] });
    expect(docToMarkdown(doc)).toBe("");
  });

  it.each([
    ["soft line breaks become spaces", "Een zin\nloopt door.\n", "Een zin loopt door.\n"],
    ["* bullets become - bullets", "* een\n* twee\n", "- een\n- twee\n"],
    ["underscore emphasis becomes stars", "__vet__ en _schuin_\n", "**vet** en *schuin*\n"],
    ["loose lists become tight", "- een\n\n- twee\n", "- een\n- twee\n"],
    ["several blank lines become one", "Een\n\n\n\nTwee\n", "Een\n\nTwee\n"],
    ["CRLF line endings", "Een\r\n\r\nTwee\r\n", "Een\n\nTwee\n"],
    ["a missing final newline", "Een", "Een\n"],
    ["setext headings", "Kop\n---\n", "## Kop\n"],
    ["a rule directly under a paragraph", "Tekst\n{{regel:late-3}}\n", "Tekst\n\n{{regel:late-3}}\n"],
    ["a table without outer pipes", "a | b\n--|--\n1 | 2\n", "| a | b |\n| --- | --- |\n| 1 | 2 |\n"],
    ["trailing spaces in a rule line", "{{regel:late-3}}   \n", "{{regel:late-3}}\n"],
  ])("canonicalises %s", (_name, input, canonical) => {
    expect(docToMarkdown(markdownToDoc(input))).toBe(canonical);
    // Canonical output is a fixed point.
    expect(docToMarkdown(markdownToDoc(canonical))).toBe(canonical);
  });

  it.each([
    ["h1", "# Titel\n", /##/],
    ["h4", "#### Klein\n", /## en ###/],
    ["code block", "```\ncode\n```\n", /Codeblokken/],
    ["inline code", "Een `x`.\n", /Code/],
    ["blockquote", "> citaat\n", /Citaten/],
    ["horizontal rule", "Tekst\n\n---\n", /lijnen/],
    ["raw HTML block", "<div>x</div>\n", /HTML/],
    ["inline HTML", "Een <b>x</b>.\n", /HTML/],
    ["image", "![alt](https://x.nl/a.png)\n", /Afbeeldingen/],
    ["strike-through", "~~weg~~\n", /Doorhalen/],
    ["task list", "- [ ] taak\n", /Takenlijsten/],
    ["javascript link", "[klik](javascript:alert(1))\n", /niet toegestaan/],
    ["data link", "[klik](data:text/html,x)\n", /niet toegestaan/],
    ["protocol-relative link", "[klik](//evil.example)\n", /niet toegestaan/],
    ["unknown callout variant", ":::tip\nx\n:::\n", /:::tip/],
    ["unclosed callout", ":::info\nx\n", /niet afgesloten/],
    ["stray callout close", "Tekst\n\n:::\n", /:::/],
    ["empty callout", ":::info\n:::\n", /leeg/],
    ["rule inside a sentence", "Zie {{regel:late-3}} hier.\n", /eigen regel/],
    ["bad rule id", "{{regel:Late 3}}\n", /regel-id/],
    ["bad threshold id", "Bij {{drempel:a/b/c}}.\n", /regel-id/],
    ["bad article slug", "Zie [[Geen Slug]].\n", /slug/],
    ["link definition", "[x]: https://duo.nl\n", /Linkdefinities/],
  ])("refuses %s with a Dutch message", (_name, input, message) => {
    expect(() => markdownToDoc(input)).toThrow(ArticleFormatError);
    expect(() => markdownToDoc(input)).toThrow(message);
  });

  it("parses rule references", () => {
    expect(parseRuleRef("late-3")).toEqual({ ruleId: "late-3" });
    expect(parseRuleRef("leerplichtwet/unexcused-16h-4w")).toEqual({
      protocol: "leerplichtwet",
      ruleId: "unexcused-16h-4w",
    });
    expect(parseRuleRef("a/b/c")).toBeNull();
    expect(parseRuleRef("")).toBeNull();
  });
});

describe("docToMarkdown on editor output", () => {
  const p = (...content: JSONContent[]): JSONContent => ({ type: "paragraph", content });
  const t = (text: string, ...marks: string[]): JSONContent =>
    marks.length ? { type: "text", text, marks: marks.map((type) => ({ type })) } : { type: "text", text };
  const doc = (...content: JSONContent[]): JSONContent => ({ type: "doc", content });

  it.each<[string, JSONContent, string]>([
    [
      "whitespace at the edge of bold goes outside the markers",
      doc(p(t("een "), t("vet ", "bold"), t("woord"))),
      "een **vet** woord\n",
    ],
    [
      "marks that overlap nest",
      doc(p(t("a ", "bold"), t("b", "bold", "italic"), t(" c", "italic"))),
      "**a *b*** *c*\n",
    ],
    ["empty paragraphs are dropped", doc(p(), p(t("x")), { type: "paragraph" }), "x\n"],
    ["a paragraph that looks like a list is escaped", doc(p(t("- geen lijst"))), "\\- geen lijst\n"],
    ["a paragraph that looks like a numbered item is escaped", doc(p(t("2024. Een jaar"))), "2024\\. Een jaar\n"],
    ["a paragraph that looks like a heading is escaped", doc(p(t("# geen kop"))), "\\# geen kop\n"],
    [
      "a heading ending in # keeps it",
      doc({ type: "heading", attrs: { level: 2 }, content: [t("Vraag #")] }),
      "## Vraag \\#\n",
    ],
    ["literal {{ is escaped", doc(p(t("{{drempel:x}} en {{{"))), "\\{{drempel:x}} en \\{\\{{\n"],
    [
      "a link we would refuse is written as text",
      doc(p({ type: "text", text: "klik", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] })),
      "klik\n",
    ],
    [
      "a colspan keeps the column count",
      doc({
        type: "table",
        content: [
          { type: "tableRow", content: [{ type: "tableHeader", attrs: { colspan: 2 }, content: [p(t("a"))] }] },
          {
            type: "tableRow",
            content: [
              { type: "tableCell", content: [p(t("1"))] },
              { type: "tableCell", content: [p(t("2"))] },
            ],
          },
        ],
      }),
      "| a |  |\n| --- | --- |\n| 1 | 2 |\n",
    ],
  ])("%s", (_name, input, expected) => {
    expect(docToMarkdown(input)).toBe(expected);
  });
});

// ---------------------------------------------------------------------------------------------
// Property-style check: random documents survive doc -> md -> doc unchanged
// ---------------------------------------------------------------------------------------------

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let r = Math.imul(s ^ (s >>> 15), 1 | s);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  "verzuim",
  "leerling",
  "Één",
  "ouders",
  "16",
  "uur",
  "*",
  "_",
  "[x]",
  "\\",
  "{{",
  "}}",
  "#",
  "-",
  "1.",
  "2)",
  ">",
  ":::",
  "<b>",
  "&amp;",
  "a|b",
  "www.duo.nl",
  "e_mail",
  "~",
  "`",
  "!",
  "(x)",
  "+",
  "x*y",
  "[[",
  "]]",
  "C#",
];

function randomDoc(seed: number): JSONContent {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const hrefs = ["https://duo.nl/a", "/artikelen/x", "mailto:a@b.nl"];

  const inline = (allowPipe: boolean): JSONContent[] => {
    const n = 1 + Math.floor(r() * 7);
    const words: { node: JSONContent; marks: { type: string; attrs?: Record<string, unknown> }[] }[] = [];
    for (let i = 0; i < n; i++) {
      const marks: { type: string; attrs?: Record<string, unknown> }[] = [];
      const roll = r();
      let node: JSONContent;
      if (roll < 0.1)
        node = {
          type: "protocolThreshold",
          attrs: { ruleId: "unexcused-16h-4w", protocol: r() < 0.5 ? "leerplichtwet" : null },
        };
      else if (roll < 0.2)
        node = {
          type: "articleLink",
          attrs: { slug: "verlof-aanvragen", label: r() < 0.5 ? "de [regels] | hier" : null },
        };
      else {
        let w = pick(WORDS);
        if (!allowPipe && w.includes("|")) w = "pijp";
        node = { type: "text", text: w };
        if (r() < 0.2) marks.push({ type: "link", attrs: { href: pick(hrefs) } });
      }
      // Bold+italic words are kept rare: marked (unlike CommonMark) misreads "***a* b*"-style runs
      // where bold and italic start together but end apart; see the known limits in markdown.ts.
      const emphasis = r();
      if (emphasis < 0.2) marks.push({ type: "bold" });
      else if (emphasis < 0.4) marks.push({ type: "italic" });
      else if (emphasis < 0.45) marks.push({ type: "bold" }, { type: "italic" });
      words.push({ node, marks });
    }
    const out: JSONContent[] = [];
    words.forEach((w, i) => {
      if (i > 0) {
        // The space between two words carries the marks both share, as typing would.
        const prev = words[i - 1].marks;
        const shared = w.marks.filter((m) => prev.some((p) => JSON.stringify(p) === JSON.stringify(m)));
        out.push(shared.length ? { type: "text", text: " ", marks: shared } : { type: "text", text: " " });
      }
      out.push(w.marks.length ? { ...w.node, marks: w.marks } : w.node);
    });
    return out;
  };

  const para = (allowPipe = true): JSONContent => ({ type: "paragraph", content: inline(allowPipe) });
  const list = (depth: number): JSONContent => {
    const ordered = r() < 0.5;
    const items = Array.from({ length: 1 + Math.floor(r() * 3) }, () => {
      const content = [para()];
      if (depth === 0 && r() < 0.3) content.push(list(1));
      return { type: "listItem", content };
    });
    return ordered
      ? { type: "orderedList", attrs: { start: r() < 0.8 ? 1 : 1 + Math.floor(r() * 12) }, content: items }
      : { type: "bulletList", content: items };
  };
  const table = (): JSONContent => {
    const cols = 1 + Math.floor(r() * 3);
    const aligns = Array.from({ length: cols }, () => pick([null, "left", "center", "right"]));
    const row = (header: boolean) => ({
      type: "tableRow",
      content: aligns.map((align) => ({
        type: header ? "tableHeader" : "tableCell",
        attrs: { align },
        content: [para(true)],
      })),
    });
    return {
      type: "table",
      content: [row(true), ...Array.from({ length: 1 + Math.floor(r() * 2) }, () => row(false))],
    };
  };
  const block = (depth: number): JSONContent => {
    const roll = r();
    if (roll < 0.35) return para();
    if (roll < 0.45) return { type: "heading", attrs: { level: r() < 0.5 ? 2 : 3 }, content: inline(true) };
    if (roll < 0.65) return list(0);
    if (roll < 0.75) return table();
    if (roll < 0.85)
      return { type: "protocolRule", attrs: { ruleId: "late-3", protocol: r() < 0.3 ? "stellingwerf-college" : null } };
    if (depth < 2) {
      return {
        type: "callout",
        attrs: { variant: r() < 0.5 ? "info" : "waarschuwing" },
        content: Array.from({ length: 1 + Math.floor(r() * 2) }, () => block(depth + 1)),
      };
    }
    return para();
  };
  return separateLists({ type: "doc", content: Array.from({ length: 1 + Math.floor(r() * 6) }, () => block(0)) });
}

// Two lists of the same kind in a row are one list in Markdown (CommonMark), so a generated
// document gets a paragraph between them, as a writer would.
function separateLists(node: JSONContent): JSONContent {
  if (!node.content || node.type === "listItem") return node;
  const out: JSONContent[] = [];
  for (const child of node.content.map(separateLists)) {
    const prev = out[out.length - 1];
    if (prev && (child.type === "bulletList" || child.type === "orderedList") && prev.type === child.type) {
      out.push({ type: "paragraph", content: [{ type: "text", text: "tussendoor" }] });
    }
    out.push(child);
  }
  return { ...node, content: out };
}

// Bold/italic on a lone space is invisible and Markdown cannot always keep it; compare without it.
function withoutWhitespaceEmphasis(doc: JSONContent): JSONContent {
  const map = (node: JSONContent): JSONContent => {
    if (!node.content) return node;
    const content: JSONContent[] = [];
    for (const child of node.content) {
      if (child.type !== "text" || !child.marks?.length) {
        content.push(map(child));
        continue;
      }
      for (const piece of child.text!.split(/(\s+)/).filter(Boolean)) {
        const marks = /^\s+$/.test(piece) ? child.marks.filter((m) => m.type === "link") : child.marks;
        content.push(marks.length ? { type: "text", text: piece, marks } : { type: "text", text: piece });
      }
    }
    return { ...node, content };
  };
  const result = validateDoc(map(doc));
  if (!result.ok) throw new Error(result.message);
  return result.doc;
}

describe("markdown round trip on random documents", () => {
  const seeds = Array.from({ length: 300 }, (_, i) => i + 1);
  it.each(seeds)("seed %i: doc -> md -> doc keeps text, marks and structure; md is a fixed point", (seed) => {
    const input = validateDoc(randomDoc(seed));
    if (!input.ok) throw new Error(input.message);
    const md = docToMarkdown(input.doc);
    const back = markdownToDoc(md);
    expect(withoutWhitespaceEmphasis(back), md).toEqual(withoutWhitespaceEmphasis(input.doc));
    expect(docToMarkdown(back)).toBe(md);
  });
});

// ---------------------------------------------------------------------------------------------
// Article files
// ---------------------------------------------------------------------------------------------

const FILE = `---
slug: ongeoorloofd-verzuim-melden
title: Wanneer moet ik ongeoorloofd verzuim melden?
summary: "De school meldt verzuim: bij de leerplichtambtenaar."
type: faq
audiences: [school-vo, mbo-instelling]
sectors: [vo, mbo]
topic: verzuim-melden
status: published
lastChecked: 2026-11-01
reviewDue: 2027-05-01
---

## Kop

Tekst bij {{drempel:unexcused-16h-4w}}.
`;

describe("article files", () => {
  it("parses front matter raw and the body as a document", () => {
    const { frontMatter, body } = parseArticleFile(FILE, "content/articles/ongeoorloofd-verzuim-melden.md");
    expect(frontMatter).toEqual({
      slug: "ongeoorloofd-verzuim-melden",
      title: "Wanneer moet ik ongeoorloofd verzuim melden?",
      summary: "De school meldt verzuim: bij de leerplichtambtenaar.",
      type: "faq",
      audiences: ["school-vo", "mbo-instelling"],
      sectors: ["vo", "mbo"],
      topic: "verzuim-melden",
      status: "published",
      lastChecked: "2026-11-01",
      reviewDue: "2027-05-01",
    });
    expect(body.content?.[0]).toMatchObject({ type: "heading", attrs: { level: 2 } });
  });

  it("writes a canonical file back byte for byte", () => {
    const { frontMatter, body } = parseArticleFile(FILE, "ongeoorloofd-verzuim-melden.md");
    expect(serializeArticleFile(frontMatter, body)).toBe(FILE);
  });

  it("orders keys, writes flow arrays and YYYY-MM-DD dates, keeps extra keys at the end", () => {
    const out = serializeArticleFile(
      {
        zzz: 1,
        reviewDue: new Date("2027-05-01T00:00:00Z"),
        audiences: ["school-po"],
        title: "Titel: met dubbele punt",
        slug: "a",
        lastChecked: "2026-01-02",
        summary: "Een heel lange samenvatting ".repeat(8).trim(),
      },
      markdownToDoc(""),
    );
    expect(out).toBe(
      `---\nslug: a\ntitle: "Titel: met dubbele punt"\nsummary: ${"Een heel lange samenvatting ".repeat(8).trim()}\naudiences: [school-po]\nlastChecked: 2026-01-02\nreviewDue: 2027-05-01\nzzz: 1\n---\n`,
    );
    const again = parseArticleFile(out, "a.md");
    expect(again.frontMatter.title).toBe("Titel: met dubbele punt");
  });

  it("writes sources one per line after the dates, and reads them back as they were", () => {
    const sources = [
      { title: "Leerplichtwet 1969, art. 21", url: "https://wetten.overheid.nl/jci1.3:c:BWBR0002628&artikel=21" },
      { title: "DUO: Soorten verzuim", url: "https://duo.nl/zakelijk/verzuim/verzuim/soorten-verzuim.jsp" },
    ];
    const out = serializeArticleFile(
      { slug: "a", sources, reviewedAt: "2026-12-07", reviewDue: "2027-06-01", sectors: ["po"] },
      markdownToDoc(""),
    );
    expect(out).toBe(
      "---\nslug: a\nsectors: [po]\nreviewDue: 2027-06-01\nreviewedAt: 2026-12-07\nsources:\n" +
        "  - title: Leerplichtwet 1969, art. 21\n    url: https://wetten.overheid.nl/jci1.3:c:BWBR0002628&artikel=21\n" +
        '  - title: "DUO: Soorten verzuim"\n    url: https://duo.nl/zakelijk/verzuim/verzuim/soorten-verzuim.jsp\n---\n',
    );
    expect(parseArticleFile(out, "a.md").frontMatter).toMatchObject({ sources, reviewedAt: "2026-12-07" });
  });

  it.each([
    ["no front matter", "## Kop\n", "front matter"],
    ["unclosed front matter", "---\nslug: x\n", "front matter"],
    ["front matter that is a list", "---\n- a\n---\n", "front matter"],
    ["invalid YAML", "---\nslug: [x\n---\n", "front matter"],
    ["slug not matching the file name", "---\nslug: iets-anders\n---\n", "slug"],
    ["a bad body", "---\nslug: x\n---\n\n# Titel\n", "body"],
  ])("names the file and field for %s", (_name, text, field) => {
    try {
      parseArticleFile(text, "content/articles/x.md");
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ArticleFormatError);
      expect((err as ArticleFormatError).field).toBe(field);
      expect((err as ArticleFormatError).fileName).toBe("content/articles/x.md");
      expect((err as Error).message).toContain("content/articles/x.md");
    }
  });
});
