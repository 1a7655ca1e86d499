import { describe, expect, it } from "vitest";
import { generateJSON } from "@tiptap/html/server";
import { renderArticleHtml, renderPlainHtml, sanitizeArticleHtml, RENDER_TEXT } from "./render";
import { markdownToDoc } from "./markdown";
import { validateDoc } from "./validate";
import { articleExtensions } from "@/app/_lib/tiptap/extensions";
import type { ContentResolver, JSONContent, RuleView } from "@/app/_lib/tiptap/doc-types";

function rule(overrides: Partial<RuleView> = {}): RuleView {
  return {
    id: "unexcused-16h-4w",
    protocolId: "stellingwerf-college",
    title: "Melden bij de leerplichtambtenaar",
    thresholdText: "16 uur of meer binnen 4 weken",
    actions: [
      { action: "Meld het verzuim via het verzuimloket van DUO", actor: "leerlingenadministratie" },
      { action: "Bespreek het met de ouders", actor: "mentor" },
    ],
    basis: "law",
    basisLabel: "wet",
    basisText: "Wet",
    source: { label: "Leerplichtwet 1969, art. 21", url: "https://wetten.overheid.nl/jci1.3:c:BWBR0002628&artikel=21" },
    explanation: "De school moet dit melden.",
    ...overrides,
  };
}

function fakeResolver(rules: RuleView[], articles: Record<string, string> = {}): ContentResolver & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    rule(ref) {
      calls.push(`${ref.protocol ?? "default"}/${ref.ruleId}`);
      const protocol = ref.protocol ?? "stellingwerf-college";
      return rules.find((r) => r.id === ref.ruleId && r.protocolId === protocol) ?? null;
    },
    article(slug) {
      return slug in articles ? { slug, title: articles[slug] } : null;
    },
  };
}

const BODY = markdownToDoc(`## Melden

Meld bij {{drempel:unexcused-16h-4w}} via het [verzuimloket](https://duo.nl/verzuimloket) of lees [[verlof-aanvragen]] en [[weg-artikel|het oude artikel]] en [[verlof-aanvragen|eigen tekst]].

{{regel:unexcused-16h-4w}}

{{regel:leerplichtwet/bestaat-niet}}

:::waarschuwing
Noem geen **namen**.
:::

| Wat | Wanneer |
| --- | :---: |
| Melden | {{drempel:unexcused-16h-4w}} |

3. derde
4. vierde
`);

describe("renderArticleHtml", () => {
  const resolver = fakeResolver([rule()], { "verlof-aanvragen": "Hoe vraag ik verlof aan?" });
  const html = renderArticleHtml(BODY, resolver);

  it("renders a protocol rule as an accessible card", () => {
    const card =
      /<aside class="protocol-rule" aria-label="Protocolregel: Melden bij de leerplichtambtenaar">(.*?)<\/aside>/.exec(
        html,
      )?.[1];
    expect(card).toBeDefined();
    expect(card).toContain("<strong>Melden bij de leerplichtambtenaar</strong>");
    expect(card).toContain("<strong>Wanneer:</strong> 16 uur of meer binnen 4 weken");
    expect(card).toMatch(
      /<ol class="protocol-rule-actions"><li>.*Meld het verzuim via het verzuimloket van DUO.*Wie: leerlingenadministratie.*<\/li><li>.*Bespreek het met de ouders.*Wie: mentor.*<\/li><\/ol>/,
    );
    expect(card).toContain(
      '<a href="https://wetten.overheid.nl/jci1.3:c:BWBR0002628&amp;artikel=21" class="badge badge-law" title="Bron: Leerplichtwet 1969, art. 21" rel="noopener noreferrer">Wet</a>',
    );
    expect(card).toContain('<p class="protocol-rule-basis">Grondslag: Wet</p>');
    expect(card).toContain(
      '<p class="protocol-rule-source">Bron: <a href="https://wetten.overheid.nl/jci1.3:c:BWBR0002628&amp;artikel=21" rel="noopener noreferrer">Leerplichtwet 1969, art. 21</a></p>',
    );
  });

  it("shows Schoolbeleid with the school's name and the protocol section for a school rule", () => {
    const school = rule({
      id: "late-3",
      basis: "school",
      title: "Derde keer te laat",
      basisText: "Schoolbeleid Stellingwerf College",
      source: { label: "Verzuimbeleid Stellingwerf College, tabel" },
    });
    const out = renderArticleHtml(
      markdownToDoc("{{regel:late-3}}\n\nBij {{drempel:late-3}} volgt een mail.\n"),
      fakeResolver([school]),
    );
    expect(out).toContain(
      '<span class="badge badge-school" title="Bron: Verzuimbeleid Stellingwerf College, tabel">Schoolbeleid Stellingwerf College</span>',
    );
    expect(out).toContain('<p class="protocol-rule-source">Bron: Verzuimbeleid Stellingwerf College, tabel</p>');
    expect(out).toContain(
      '<span class="protocol-threshold">16 uur of meer binnen 4 weken</span><span class="threshold-basis"> (<span class="badge badge-school" title="Bron: Verzuimbeleid Stellingwerf College, tabel">Schoolbeleid Stellingwerf College</span>)</span> volgt',
    );
    expect(out).not.toContain("badge-law");
  });

  it("an inline threshold always shows its basis, even for a rule view without basisText or source", () => {
    const bare = rule({ id: "late-3", basis: "school", basisText: undefined, source: undefined });
    expect(renderArticleHtml(markdownToDoc("Bij {{drempel:late-3}}.\n"), fakeResolver([bare]))).toContain(
      '<span class="threshold-basis"> (<span class="badge badge-school">Schoolbeleid</span>)</span>',
    );
  });

  it("renders thresholds in running text and in tables, each with its basis linked to the source", () => {
    const inline =
      '<span class="protocol-threshold">16 uur of meer binnen 4 weken</span><span class="threshold-basis"> (<a href="https://wetten.overheid.nl/jci1.3:c:BWBR0002628&amp;artikel=21" class="badge badge-law" title="Bron: Leerplichtwet 1969, art. 21" rel="noopener noreferrer">Wet</a>)</span>';
    expect(html).toContain(`Meld bij ${inline} via`);
    expect(html).toContain(`<td class="align-center"><p>${inline}</p></td>`);
  });

  it("follows the protocol data: a changed threshold changes the article", () => {
    const changed = renderArticleHtml(BODY, fakeResolver([rule({ thresholdText: "12 uur of meer binnen 4 weken" })]));
    expect(changed).toContain("12 uur of meer binnen 4 weken");
    expect(changed).not.toContain("16 uur");
  });

  it("passes the protocol of a rule reference to the resolver", () => {
    expect(resolver.calls).toContain("default/unexcused-16h-4w");
    expect(resolver.calls).toContain("leerplichtwet/bestaat-niet");
  });

  it("shows a Dutch notice for a rule that no longer exists", () => {
    expect(html).toContain(
      '<aside class="protocol-rule protocol-rule-missing" aria-label="Protocolregel niet gevonden">',
    );
    expect(html).toContain("Deze regel bestaat niet meer");
    const onlyMissing = renderArticleHtml(markdownToDoc("Bij {{drempel:weg}}.\n"), fakeResolver([]));
    expect(onlyMissing).toContain(RENDER_TEXT.thresholdMissing);
  });

  it("survives a resolver that throws", () => {
    const broken: ContentResolver = {
      rule: () => {
        throw new Error("db down");
      },
      article: () => {
        throw new Error("db down");
      },
    };
    const out = renderArticleHtml(BODY, broken);
    expect(out).toContain("Deze regel bestaat niet meer");
    expect(out).toContain('<span class="article-link-missing">het oude artikel</span>');
  });

  it("renders article links with the current title, own text, or plain text when gone", () => {
    expect(html).toContain('<a href="/artikelen/verlof-aanvragen" class="article-link">Hoe vraag ik verlof aan?</a>');
    expect(html).toContain('<a href="/artikelen/verlof-aanvragen" class="article-link">eigen tekst</a>');
    expect(html).toContain('<span class="article-link-missing">het oude artikel</span>');
    expect(html).not.toContain("/artikelen/weg-artikel");
  });

  it("follows a renamed title", () => {
    const out = renderArticleHtml(
      BODY,
      fakeResolver([rule()], { "verlof-aanvragen": "Verlof aanvragen: zo werkt het" }),
    );
    expect(out).toContain(">Verlof aanvragen: zo werkt het</a>");
  });

  it("adds rel=noopener noreferrer to external links only", () => {
    expect(html).toContain('<a href="https://duo.nl/verzuimloket" rel="noopener noreferrer">verzuimloket</a>');
    const internal = renderArticleHtml(markdownToDoc("[zoeken](/zoeken)\n"), resolver);
    expect(internal).toContain('<a href="/zoeken">zoeken</a>');
  });

  it("renders callouts, headings, tables and numbered lists", () => {
    expect(html).toContain("<h2>Melden</h2>");
    expect(html).toContain(
      '<div class="callout callout-waarschuwing" role="note" aria-label="Let op"><p>Noem geen <strong>namen</strong>.</p></div>',
    );
    expect(html).toContain(
      '<div class="table-scroll"><table><thead><tr><th scope="col"><p>Wat</p></th><th scope="col" class="align-center">',
    );
    expect(html).toContain('<ol start="3"><li><p>derde</p></li>');
  });
});

describe("renderPlainHtml", () => {
  it("renders a staff reply without any data", () => {
    const out = renderPlainHtml(
      markdownToDoc("Beste school,\n\nZie [[verlof-aanvragen]] en {{drempel:late-3}}.\n\n{{regel:late-3}}\n"),
    );
    expect(out).toContain("<p>Beste school,</p>");
    expect(out).toContain('<a href="/artikelen/verlof-aanvragen" class="article-link">verlof-aanvragen</a>');
    expect(out).toContain('<p class="protocol-rule-ref">Protocolregel: late-3</p>');
  });

  it("uses a custom article URL when given (for e-mail)", () => {
    const out = renderPlainHtml(markdownToDoc("Zie [[verlof-aanvragen|dit artikel]].\n"), null, {
      articleHref: (slug) => `https://portal.example.nl/artikelen/${slug}`,
    });
    expect(out).toContain(
      '<a href="https://portal.example.nl/artikelen/verlof-aanvragen" class="article-link" rel="noopener noreferrer">dit artikel</a>',
    );
  });
});

const SAFE_TAGS = new Set([
  "p",
  "h2",
  "h3",
  "strong",
  "em",
  "a",
  "ul",
  "ol",
  "li",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
  "div",
  "aside",
  "span",
]);
const SAFE_ATTRS = new Set([
  "title",
  "href",
  "rel",
  "class",
  "role",
  "aria-label",
  "scope",
  "colspan",
  "rowspan",
  "start",
]);

/** Every real tag and attribute in the output is on the allowlist; hrefs follow the link policy. */
function expectSafe(html: string) {
  for (const [, tag, rest] of html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)) {
    expect(SAFE_TAGS, html).toContain(tag.toLowerCase());
    const leftover = rest.replace(/\s([a-z-]+)="([^"]*)"/g, (_m, name: string, value: string) => {
      expect(SAFE_ATTRS, html).toContain(name);
      if (name === "href") expect(value).toMatch(/^(https?:\/\/|mailto:|\/(?!\/))/);
      return "";
    });
    expect(leftover.trim(), html).toBe("");
  }
}

describe("sanitization", () => {
  const resolver = fakeResolver([rule()]);

  it("neutralises a hostile document that skipped validation", () => {
    const hostile: JSONContent = {
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [{ type: "text", text: "<script>alert(1)</script><img src=x onerror=alert(1)>" }],
        },
        {
          type: "paragraph",
          content: [
            {
              type: "text",
              text: "klik",
              marks: [{ type: "link", attrs: { href: "javascript:alert(1)", class: "x", target: "_blank" } }],
            },
          ],
        },
        {
          type: "paragraph",
          content: [
            { type: "text", text: "klik", marks: [{ type: "link", attrs: { href: "data:text/html,<script>" } }] },
          ],
        },
        { type: "iframe", attrs: { src: "https://evil.example" } } as JSONContent,
        {
          type: "paragraph",
          attrs: { style: "background:url(javascript:alert(1))" },
          content: [{ type: "text", text: "stijl" }],
        },
        {
          type: "callout",
          attrs: { variant: '"><script>alert(1)</script>' },
          content: [{ type: "paragraph", content: [{ type: "text", text: "x" }] }],
        },
        { type: "protocolRule", attrs: { ruleId: '"><img src=x onerror=alert(1)>' } },
        {
          type: "paragraph",
          content: [{ type: "articleLink", attrs: { slug: "javascript:alert(1)", label: "<b onclick=x>hoi</b>" } }],
        },
      ],
    };
    const out = renderArticleHtml(hostile, resolver);
    expectSafe(out);
    expect(out).not.toMatch(/javascript:|data:text|evil\.example|background/);
    expect(out).toContain("&lt;script&gt;alert(1)&lt;/script&gt;"); // shown as text, not run
    expect(out).toContain("<p>klik</p>");
    expect(out).toContain('<div class="callout callout-info"');
  });

  it("neutralises rule data with markup in it", () => {
    const out = renderArticleHtml(
      markdownToDoc("{{regel:unexcused-16h-4w}}\n"),
      fakeResolver([rule({ title: "<img src=x onerror=alert(1)>", explanation: "<script>x</script>" })]),
    );
    expectSafe(out);
    expect(out).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  it("neutralises pasted HTML parsed by the editor schema", () => {
    const pasted = `<p>Hoi<script>alert(1)</script><img src=x onerror="alert(1)"></p>
      <p><a href="javascript:alert(1)">js</a> <a href="https://duo.nl" onclick="x" style="color:red" target="_blank">duo</a></p>
      <iframe src="https://evil.example"></iframe>
      <h1 style="color:red">Grote kop</h1>
      <div data-type="callout" data-variant="evil" onmouseover="x"><p>kader</p></div>
      <div data-type="protocol-rule" data-rule-id="&quot;&gt;&lt;script&gt;"></div>
      <span data-type="article-link" data-slug="verlof-aanvragen" data-label="Verlof">Verlof</span>`;
    const json = generateJSON(pasted, articleExtensions) as JSONContent;
    const serialized = JSON.stringify(json);
    expect(serialized).not.toMatch(/script|onerror|onclick|javascript|iframe|style/i);
    const out = renderArticleHtml(json, fakeResolver([rule()], { "verlof-aanvragen": "Verlof aanvragen" }));
    expectSafe(out);
    expect(out).toContain('<a href="https://duo.nl" rel="noopener noreferrer">duo</a>');
    expect(out).toContain('class="callout callout-info"');
    expect(out).toContain('<a href="/artikelen/verlof-aanvragen" class="article-link">Verlof</a>');
    // The parsed paste also passes validation, minus the dropped parts (a protocolRule without id does not).
    const withoutRule = { ...json, content: json.content!.filter((n) => n.type !== "protocolRule") };
    expect(validateDoc(withoutRule).ok).toBe(true);
  });

  it.each([
    ['<a href="javascript:alert(1)">x</a>', "<span>x</span>"],
    ['<a href="JaVaScRiPt:alert(1)">x</a>', "<span>x</span>"],
    ['<a href="java&#x09;script:alert(1)">x</a>', "<span>x</span>"],
    ['<a href="//evil.example">x</a>', "<span>x</span>"],
    [
      '<a href="https://duo.nl" target="_blank" onclick="x">x</a>',
      '<a href="https://duo.nl" rel="noopener noreferrer">x</a>',
    ],
    ['<a href="/artikelen/x" rel="opener">x</a>', '<a href="/artikelen/x">x</a>'],
    ['<p style="color:red" class="evil callout">x</p>', '<p class="callout">x</p>'],
    ['<iframe src="https://evil"></iframe><script>alert(1)</script><style>p{}</style>ok', "ok"],
    ['<img src="x" onerror="alert(1)">', ""],
  ])("sanitizeArticleHtml(%s)", (input, expected) => {
    expect(sanitizeArticleHtml(input)).toBe(expected);
    expectSafe(sanitizeArticleHtml(input));
  });

  it("the checker itself catches unsafe output", () => {
    expect(() => expectSafe('<p onclick="x">a</p>')).toThrow();
    expect(() => expectSafe('<a href="javascript:x">a</a>')).toThrow();
    expect(() => expectSafe("<script>x</script>")).toThrow();
  });
});
