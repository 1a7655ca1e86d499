// The stored diff text of a change: only changed fields, one line of context, gaps marked, read back for display.
import { describe, expect, it } from "vitest";
import type { ArticleSnapshot } from "@/app/_modules/articles/snapshot";
import { diffSections, linesDiffText, parseDiffText, snapshotDiffText } from "./diff-text";

const doc = (...paras: string[]) =>
  JSON.stringify({
    type: "doc",
    content: paras.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })),
  });
const snap = (over: Partial<ArticleSnapshot> = {}): ArticleSnapshot => ({
  slug: "verlof",
  type: "faq",
  title: "Verlof aanvragen",
  summary: "Zo vraagt u verlof aan.",
  body: doc("Een.", "Twee.", "Drie.", "Vier.", "Vijf.", "Zes."),
  audiences: ["school-vo"],
  sectors: ["vo"],
  topic: "verlof",
  questions: [],
  validFrom: null,
  validUntil: null,
  reviewDueAt: null,
  ...over,
});

describe("change diff text", () => {
  it("equal lines give no diff", () => {
    expect(linesDiffText("Tekst", ["a", "b"], ["a", "b"])).toBe("");
    expect(snapshotDiffText(snap(), snap())).toBe("");
  });

  it("lists only changed fields, with one line of context and a gap marker", () => {
    const text = snapshotDiffText(
      snap(),
      snap({
        summary: "Zo vraagt u op tijd verlof aan.",
        body: doc("Een.", "Twee.", "Drie.", "Vier.", "Vijf.", "Zeven."),
      }),
    );
    expect(diffSections(text)).toEqual(["Samenvatting", "Tekst"]);
    const body = parseDiffText(text.slice(text.indexOf("## Tekst")));
    expect(body[0]).toEqual({ kind: "section", text: "Tekst" });
    expect(body.some((l) => l.kind === "gap")).toBe(true);
    expect(body.filter((l) => l.kind === "removed").map((l) => l.text)).toEqual(["Zes."]);
    expect(body.filter((l) => l.kind === "added").map((l) => l.text)).toEqual(["Zeven."]);
    expect(body.map((l) => l.text)).not.toContain("Twee.");
  });

  it("a new article shows every filled field as added", () => {
    const lines = parseDiffText(snapshotDiffText(null, snap()));
    expect(lines.some((l) => l.kind === "removed")).toBe(false);
    expect(lines).toContainEqual({ kind: "added", text: "Verlof aanvragen" });
    expect(lines).toContainEqual({ kind: "added", text: "Zes." });
  });
});
