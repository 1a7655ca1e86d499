import { describe, expect, it } from "vitest";
import type { JSONContent } from "@/app/_lib/tiptap/doc-types";
import { articleSlugFromHref, collectInternalLinks } from "./links";

const p = (...content: JSONContent[]): JSONContent => ({ type: "paragraph", content });
const text = (t: string, href?: string): JSONContent =>
  href ? { type: "text", text: t, marks: [{ type: "link", attrs: { href } }] } : { type: "text", text: t };
const doc = (...content: JSONContent[]): JSONContent => ({ type: "doc", content });

describe("articleSlugFromHref", () => {
  it.each([
    ["/artikelen/verzuim-melden", "verzuim-melden"],
    ["/artikelen/verzuim-melden/", "verzuim-melden"],
    ["/artikelen/verzuim-melden#stap-2", "verzuim-melden"],
    ["/artikelen/verzuim-melden?x=1", "verzuim-melden"],
    ["/artikelen/", null],
    ["/artikelen/Hoofdletters", null],
    ["https://example.org/artikelen/x", null],
    ["/zoeken?q=verzuim", null],
    [42, null],
  ])("%j → %j", (href, slug) => {
    expect(articleSlugFromHref(href)).toBe(slug);
  });
});

describe("collectInternalLinks", () => {
  it("finds article-link nodes, link marks and pasted Markdown or HTML links, in order", () => {
    const d = doc(
      p(text("Lees "), { type: "articleLink", attrs: { slug: "eerste", label: null } }, text(" en "), {
        type: "articleLink",
        attrs: { slug: "tweede", label: "dit stuk" },
      }),
      { type: "bulletList", content: [{ type: "listItem", content: [p(text("de uitleg", "/artikelen/derde"))] }] },
      p(text('Zie [hier](/artikelen/vierde) of <a href="/artikelen/vijfde">daar</a>.')),
      p(text("Extern", "https://www.duo.nl/artikelen/niet-van-ons")),
    );
    expect(collectInternalLinks(d)).toEqual([
      { slug: "eerste", via: "article-link", text: "[[eerste]]" },
      { slug: "tweede", via: "article-link", text: "dit stuk" },
      { slug: "derde", via: "href", text: "de uitleg" },
      { slug: "vierde", via: "href", text: "/artikelen/vierde" },
      { slug: "vijfde", via: "href", text: "/artikelen/vijfde" },
    ]);
  });

  it("treats adjacent text nodes of one link as one link, and two links as two", () => {
    const bold = {
      type: "text",
      text: "vet",
      marks: [{ type: "bold" }, { type: "link", attrs: { href: "/artikelen/een" } }],
    };
    const d = doc(p(text("de ", "/artikelen/een"), bold, text(" tussen "), text("nog eens", "/artikelen/een")));
    expect(collectInternalLinks(d)).toEqual([
      { slug: "een", via: "href", text: "de vet" },
      { slug: "een", via: "href", text: "nog eens" },
    ]);
  });

  it("returns nothing for a document without internal links", () => {
    expect(collectInternalLinks(doc(p(text("Gewone tekst.")), p()))).toEqual([]);
  });
});
