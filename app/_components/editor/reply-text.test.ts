import { describe, expect, it } from "vitest";
import { replyDocToText, textToReplyDoc, type ReplyNode } from "./reply-text";

const p = (...content: ReplyNode[]): ReplyNode => ({ type: "paragraph", content });
const t = (text: string, href?: string): ReplyNode => ({
  type: "text",
  text,
  ...(href ? { marks: [{ type: "link", attrs: { href } }] } : {}),
});
const li = (text: string): ReplyNode => ({ type: "listItem", content: [p(t(text))] });

describe("replyDocToText", () => {
  it.each<[string, ReplyNode | null, string]>([
    ["empty", null, ""],
    ["not a doc", { type: "paragraph" }, ""],
    [
      "paragraphs",
      { type: "doc", content: [p(t("Beste Jan,")), p(t("Hier is uw antwoord."))] },
      "Beste Jan,\n\nHier is uw antwoord.",
    ],
    [
      "bold stays text",
      { type: "doc", content: [p(t("Let "), { type: "text", text: "op", marks: [{ type: "bold" }] })] },
      "Let op",
    ],
    [
      "link written out",
      { type: "doc", content: [p(t("Lees "), t("dit artikel", "https://portal.test/artikelen/verlof"))] },
      "Lees dit artikel (https://portal.test/artikelen/verlof)",
    ],
    [
      "bare url not doubled",
      { type: "doc", content: [p(t("https://a.test/x", "https://a.test/x"))] },
      "https://a.test/x",
    ],
    [
      "bullet list",
      { type: "doc", content: [p(t("Stappen:")), { type: "bulletList", content: [li("een"), li("twee")] }] },
      "Stappen:\n\n- een\n- twee",
    ],
    [
      "ordered list",
      { type: "doc", content: [{ type: "orderedList", attrs: { start: 1 }, content: [li("een"), li("twee")] }] },
      "1. een\n2. twee",
    ],
    ["html stays text", { type: "doc", content: [p(t("<script>x</script>"))] }, "<script>x</script>"],
  ])("%s", (_, doc, expected) => {
    expect(replyDocToText(doc)).toBe(expected);
  });
});

describe("textToReplyDoc", () => {
  it("turns blank-line separated text into paragraphs and round-trips", () => {
    const doc = textToReplyDoc("Beste Jan,\n\nDank voor uw vraag <b>.\nGroet");
    expect(doc.content).toHaveLength(2);
    expect(replyDocToText(doc)).toBe("Beste Jan,\n\nDank voor uw vraag <b>. Groet");
  });
});
