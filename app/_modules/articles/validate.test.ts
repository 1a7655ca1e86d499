import { describe, expect, it } from "vitest";
import {
  MAX_DOC_BYTES,
  checkRuleBasis,
  collectArticleLinks,
  collectRuleRefs,
  validateDoc,
  type RuleBasisInfo,
} from "./validate";
import { markdownToDoc } from "./markdown";
import type { JSONContent } from "@/app/_lib/tiptap/doc-types";

const p = (...content: JSONContent[]): JSONContent => ({ type: "paragraph", content });
const doc = (...content: JSONContent[]): JSONContent => ({ type: "doc", content });
const linked = (href: string): JSONContent => ({
  type: "text",
  text: "klik",
  marks: [{ type: "link", attrs: { href } }],
});

describe("validateDoc", () => {
  it("accepts a good document and returns it normalized (defaults filled in)", () => {
    const result = validateDoc(doc(p({ type: "text", text: "Hallo" }, linked("https://duo.nl"))));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.doc.content![0].content![1].marks![0]).toEqual({
        type: "link",
        attrs: { href: "https://duo.nl", target: null, rel: null, class: null, title: null },
      });
    }
  });

  it.each<[string, unknown, RegExp]>([
    ["not an object", "<p>hoi</p>", /gelezen/],
    ["no doc root", { type: "paragraph" }, /gelezen/],
    ["an unknown node", doc({ type: "iframe", attrs: { src: "https://evil" } }), /niet toegestaan.*iframe/],
    ["a script node", doc({ type: "script", content: [{ type: "text", text: "alert(1)" }] }), /niet toegestaan/],
    ["an unknown mark", doc(p({ type: "text", text: "x", marks: [{ type: "strike" }] })), /opmaak.*strike/],
    ["an unknown node attribute", doc({ type: "paragraph", attrs: { style: "color:red" } }), /eigenschap "style"/],
    [
      "an onerror attribute",
      doc({
        type: "callout",
        attrs: { variant: "info", onerror: "alert(1)" },
        content: [p({ type: "text", text: "x" })],
      }),
      /onerror/,
    ],
    [
      "an unknown mark attribute",
      doc(p({ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "/a", onclick: "x" } }] })),
      /onclick/,
    ],
    ["a javascript: link", doc(p(linked("javascript:alert(1)"))), /link is niet toegestaan/],
    ["a javascript: link with a tab", doc(p(linked("java\tscript:alert(1)"))), /link is niet toegestaan/],
    ["an upper-case JAVASCRIPT: link", doc(p(linked("JAVASCRIPT:alert(1)"))), /link is niet toegestaan/],
    ["a data: link", doc(p(linked("data:text/html;base64,PHNjcmlwdD4="))), /link is niet toegestaan/],
    ["a vbscript: link", doc(p(linked("vbscript:x"))), /link is niet toegestaan/],
    ["a protocol-relative link", doc(p(linked("//evil.example/x"))), /link is niet toegestaan/],
    ["an h1", doc({ type: "heading", attrs: { level: 1 }, content: [{ type: "text", text: "x" }] }), /niveau 2 en 3/],
    ["a heading without level", doc({ type: "heading", content: [{ type: "text", text: "x" }] }), /niveau 2 en 3/],
    [
      "a bad callout variant",
      doc({ type: "callout", attrs: { variant: "gevaar" }, content: [p({ type: "text", text: "x" })] }),
      /info/,
    ],
    ["a rule without id", doc({ type: "protocolRule", attrs: { ruleId: null } }), /regel-id/],
    ["a rule with an injected id", doc({ type: "protocolRule", attrs: { ruleId: '"><script>' } }), /regel-id/],
    [
      "a threshold with a bad protocol",
      doc(p({ type: "protocolThreshold", attrs: { ruleId: "late-3", protocol: "../x" } })),
      /protocol/,
    ],
    ["an article link without slug", doc(p({ type: "articleLink", attrs: { label: "x" } })), /artikel/],
    ["a block where inline belongs", doc(p({ type: "protocolRule", attrs: { ruleId: "late-3" } })), /opbouw/],
    ["an empty callout", doc({ type: "callout", attrs: { variant: "info" }, content: [] }), /opbouw/],
    [
      "a list in a table cell",
      doc({
        type: "table",
        content: [
          {
            type: "tableRow",
            content: [
              {
                type: "tableCell",
                content: [
                  { type: "bulletList", content: [{ type: "listItem", content: [p({ type: "text", text: "x" })] }] },
                ],
              },
            ],
          },
        ],
      }),
      /opbouw/,
    ],
    ["an empty text node", doc(p({ type: "text", text: "" })), /opbouw/],
    ["a non-string text", doc(p({ type: "text", text: 42 } as unknown as JSONContent)), /opbouw/],
    ["an extra key on a node", { type: "doc", content: [p({ type: "text", text: "x" })], __proto: 1 }, /opbouw/],
  ])("rejects %s with a Dutch message", (_name, input, message) => {
    const result = validateDoc(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it("rejects documents over the size limit", () => {
    const big = doc(
      ...Array.from({ length: 50 }, () => p({ type: "text", text: "x".repeat(Math.ceil(MAX_DOC_BYTES / 40)) })),
    );
    const result = validateDoc(big);
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/te lang/) });
  });

  it("rejects absurd nesting without a stack overflow", () => {
    let node: JSONContent = p({ type: "text", text: "x" });
    for (let i = 0; i < 500; i++) node = { type: "callout", attrs: { variant: "info" }, content: [node] };
    const result = validateDoc(doc(node));
    expect(result.ok).toBe(false);
  });

  it.each([
    "https://duo.nl/a?b=c#d",
    "http://example.nl",
    "mailto:info@example.nl",
    "/artikelen/verzuim",
    "/zoeken?q=verlof",
  ])("accepts the link %s", (href) => {
    expect(validateDoc(doc(p(linked(href)))).ok).toBe(true);
  });
});

describe("collecting references", () => {
  const body = markdownToDoc(`Zie {{drempel:unexcused-16h-4w}} en [[verlof-aanvragen]].

{{regel:unexcused-16h-4w}}

{{regel:leerplichtwet/unexcused-16h-4w}}

:::info
Ook [[verlof-aanvragen|hier]], [[vakantieverlof]] en {{drempel:late-3}}.
:::
`);

  it("collects each rule once, keeping an explicit protocol apart", () => {
    expect(collectRuleRefs(body)).toEqual([
      { ruleId: "unexcused-16h-4w" },
      { ruleId: "unexcused-16h-4w", protocol: "leerplichtwet" },
      { ruleId: "late-3" },
    ]);
  });

  it("collects each linked article once", () => {
    expect(collectArticleLinks(body)).toEqual(["verlof-aanvragen", "vakantieverlof"]);
  });

  it("returns nothing for a document without references", () => {
    expect(collectRuleRefs(markdownToDoc("Tekst.\n"))).toEqual([]);
    expect(collectArticleLinks(markdownToDoc("Tekst.\n"))).toEqual([]);
  });
});

describe("checkRuleBasis: whose rule a threshold states", () => {
  const rules: Record<string, RuleBasisInfo> = {
    "unexcused-16h-4w": {
      basis: "law",
      basisText: "Wet",
      source: { label: "Leerplichtwet 1969, art. 21", url: "https://wetten.overheid.nl/x" },
    },
    "leave-vakantie": {
      basis: "school",
      basisText: "Schoolbeleid Stellingwerf College",
      source: { label: "Verzuimbeleid Stellingwerf College" },
    },
    "leerplichtwet/leave-vakantie": {
      basis: "law",
      basisText: "Wet",
      source: { label: "Leerplichtwet 1969, art. 13a", url: "https://wetten.overheid.nl/y" },
    },
    "no-source": { basis: "law", basisText: "Wet", source: { label: "" } },
    "no-basis-text": { basis: "school", source: { label: "Verzuimbeleid" } },
  };
  const lookup = (r: { ruleId: string; protocol?: string }) =>
    rules[r.protocol ? `${r.protocol}/${r.ruleId}` : r.ruleId] ?? null;
  const check = (md: string) => checkRuleBasis(markdownToDoc(md), lookup);

  it.each([
    [
      "a law threshold in a sentence about the law",
      "De Leerplichtwet zegt: melden bij {{drempel:unexcused-16h-4w}}.\n",
    ],
    [
      "a school threshold said to be the school's",
      "Het Stellingwerf College is strenger: verlof valt niet {{drempel:leave-vakantie}}.\n",
    ],
    [
      "the law mentioned in another sentence of the paragraph",
      "De wet verbiedt de eerste twee lesweken. De school is strenger: {{drempel:leave-vakantie}}.\n",
    ],
    ["the law's own rule named with its protocol", "De wet zegt: {{drempel:leerplichtwet/leave-vakantie}}.\n"],
    ["a rule card of the school", "{{regel:leave-vakantie}}\n"],
  ])("accepts %s", (_name, md) => {
    expect(check(md)).toBeNull();
  });

  it.each([
    [
      "'wet' in the sentence",
      "Volgens de wet mag vakantieverlof niet {{drempel:leave-vakantie}}.\n",
      'noemt de wet, maar "leave-vakantie" is Schoolbeleid Stellingwerf College',
    ],
    ["'wettelijk' in the sentence", "Wettelijk geldt: {{drempel:leave-vakantie}}.\n", "noemt de wet"],
    [
      "'Leerplichtwet' in a table cell",
      "| Regel | Wat |\n| --- | --- |\n| Leerplichtwet | {{drempel:leave-vakantie}} |\n",
      "noemt de wet",
    ],
    ["'wet' in a list item", "- De wet: {{drempel:leave-vakantie}}\n", "noemt de wet"],
    [
      "a rule without a source",
      "Bij {{drempel:no-source}} melden.\n",
      'De regel "no-source" heeft geen zichtbare grondslag of bron',
    ],
    [
      "a rule without a basis text",
      "{{regel:no-basis-text}}\n",
      'De regel "no-basis-text" heeft geen zichtbare grondslag of bron',
    ],
  ])("refuses %s", (_name, md, message) => {
    expect(check(md)).toContain(message);
  });

  it("an unknown rule is left to the existence check", () => {
    expect(check("De wet: {{drempel:bestaat-niet}}.\n")).toBeNull();
  });
});
