import { describe, expect, it } from "vitest";
import { Extension, getSchema } from "@tiptap/core";
import { generateHTML, generateJSON } from "@tiptap/html/server";
import type { Schema } from "@tiptap/pm/model";
import { articleExtensions, createEditorExtensions } from "./extensions";
import { markdownToDoc } from "@/app/_modules/articles/markdown";

function describeSchema(schema: Schema) {
  const nodes = Object.fromEntries(
    Object.entries(schema.nodes).map(([name, type]) => [
      name,
      {
        content: type.spec.content ?? null,
        group: type.spec.group ?? null,
        inline: !!type.spec.inline,
        atom: !!type.spec.atom,
        attrs: Object.keys(type.spec.attrs ?? {}),
        marks: type.spec.marks ?? null,
      },
    ]),
  );
  const marks = Object.fromEntries(
    Object.entries(schema.marks).map(([name, type]) => [name, Object.keys(type.spec.attrs ?? {})]),
  );
  return { nodes, marks };
}

describe("the shared extension list", () => {
  const server = getSchema(articleExtensions);

  it("has exactly the nodes and marks of the Markdown subset", () => {
    expect(Object.keys(server.nodes).sort()).toEqual(
      [
        "articleLink",
        "bulletList",
        "callout",
        "doc",
        "heading",
        "listItem",
        "orderedList",
        "paragraph",
        "protocolRule",
        "protocolThreshold",
        "table",
        "tableCell",
        "tableHeader",
        "tableRow",
        "text",
      ].sort(),
    );
    expect(Object.keys(server.marks).sort()).toEqual(["bold", "italic", "link"]);
  });

  it("gives the browser editor the same schema, also with editor-only extras", () => {
    const extra = Extension.create({ name: "editorOnlyThing" });
    expect(describeSchema(getSchema(createEditorExtensions()))).toEqual(describeSchema(server));
    expect(describeSchema(getSchema(createEditorExtensions([extra])))).toEqual(describeSchema(server));
  });

  it("round-trips its own HTML output for every custom node (copy/paste inside the editor)", () => {
    const doc =
      markdownToDoc(`Zie {{drempel:leerplichtwet/unexcused-16h-4w}} en [[verlof-aanvragen|verlof]] en [[vakantieverlof]].

{{regel:unexcused-16h-4w}}

:::waarschuwing
Let **op**, [link](https://duo.nl).
:::

| a | b |
| --- | --- |
| 1 | 2 |
`);
    const html = generateHTML(doc, articleExtensions);
    expect(html).toContain('data-type="protocol-rule"');
    expect(html).toContain('data-variant="waarschuwing"');
    const back = generateJSON(html, articleExtensions);
    expect(back).toEqual(doc);
  });

  it("drops pasted ids that are not valid ids", () => {
    const json = generateJSON(
      '<p><span data-type="article-link" data-slug="Niet Geldig">x</span></p>',
      articleExtensions,
    );
    expect(json.content[0].content[0].attrs.slug).toBeNull();
  });

  it("refuses javascript: links when HTML is pasted", () => {
    const json = generateJSON(
      '<p><a href="javascript:alert(1)">x</a> <a href="/artikelen/a">y</a></p>',
      articleExtensions,
    );
    const marks = json.content[0].content.flatMap((n: { marks?: { attrs: { href: string } }[] }) => n.marks ?? []);
    expect(marks.map((m: { attrs: { href: string } }) => m.attrs.href)).toEqual(["/artikelen/a"]);
  });
});

describe("rule chips in the editor", () => {
  const doc = markdownToDoc(`Bij {{drempel:leave-gewichtig-10}} beslist de school.

{{regel:stellingwerf-college/leave-gewichtig-10}}

{{regel:bestaat-niet}}`);
  const describeRule = (ref: { ruleId: string; protocol: string }) =>
    ref.ruleId === "leave-gewichtig-10" && ref.protocol === "stellingwerf-college"
      ? { title: "Verlof gewichtige omstandigheden tot en met 10 dagen", thresholdText: "tot en met 10 schooldagen" }
      : null;

  it("show the rule's title and threshold as the reader sees them, not its id", () => {
    const html = generateHTML(doc, createEditorExtensions([], { describeRule }));
    expect(html).toContain(
      "Protocolregel: Verlof gewichtige omstandigheden tot en met 10 dagen — tot en met 10 schooldagen",
    );
    expect(html).toContain(">tot en met 10 schooldagen</span>");
    expect(html).not.toContain("Protocolregel: stellingwerf-college/leave-gewichtig-10");
    expect(html).toContain("Protocolregel: stellingwerf-college/bestaat-niet (niet gevonden)");
    // The stored document is the same either way.
    expect(generateJSON(html, articleExtensions)).toEqual(
      generateJSON(generateHTML(doc, articleExtensions), articleExtensions),
    );
  });
});
