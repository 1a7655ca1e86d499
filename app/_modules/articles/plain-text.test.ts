import { describe, expect, it } from "vitest";
import { docToPlainText } from "./plain-text";
import { markdownToDoc } from "./markdown";
import type { ContentResolver } from "@/app/_lib/tiptap/doc-types";

const BODY = markdownToDoc(`## Wanneer melden?

De school meldt bij {{drempel:unexcused-16h-4w}}. Lees ook [[verlof-aanvragen]] of [[vakantieverlof|de regels]].

- eerste **punt**
- tweede punt
  - genest

{{regel:unexcused-16h-4w}}

| Wat | Wie |
| --- | --- |
| Melden | administratie |

:::info
In een kader.
:::
`);

const resolver: ContentResolver = {
  rule: (ref) =>
    ref.ruleId === "unexcused-16h-4w"
      ? {
          id: ref.ruleId,
          protocolId: "stellingwerf-college",
          title: "Melden bij leerplicht",
          thresholdText: "16 uur of meer binnen 4 weken",
          actions: [{ action: "Meld via het verzuimloket", actor: "leerlingenadministratie" }],
          basis: "law",
          basisLabel: "Leerplichtwet",
          explanation: "Wettelijke plicht.",
        }
      : null,
  article: (slug) => (slug === "verlof-aanvragen" ? { slug, title: "Verlof aanvragen" } : null),
};

describe("docToPlainText", () => {
  it("resolves thresholds, rules and article titles, one block per line", () => {
    expect(docToPlainText(BODY, resolver)).toBe(
      [
        "Wanneer melden?",
        "De school meldt bij 16 uur of meer binnen 4 weken. Lees ook Verlof aanvragen of de regels.",
        "eerste punt",
        "tweede punt",
        "genest",
        "Melden bij leerplicht",
        "Wanneer: 16 uur of meer binnen 4 weken",
        "Meld via het verzuimloket (Wie: leerlingenadministratie)",
        "Leerplichtwet",
        "Wettelijke plicht.",
        "Wat | Wie",
        "Melden | administratie",
        "In een kader.",
      ].join("\n"),
    );
  });

  it("works without a resolver: no rule text, slugs as words", () => {
    const text = docToPlainText(BODY);
    expect(text).toContain("De school meldt bij . Lees ook verlof aanvragen of de regels.");
    expect(text).not.toContain("Melden bij leerplicht");
  });

  it("is empty for an empty document", () => {
    expect(docToPlainText(markdownToDoc(""))).toBe("");
  });
});
