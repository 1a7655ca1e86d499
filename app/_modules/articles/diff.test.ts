import { describe, expect, it } from "vitest";
import { diffLines, diffSequence, diffSnapshots, diffWords, type Segment } from "./diff";
import type { ArticleSnapshot } from "./snapshot";

const join = (segs: Segment[]) => segs.map((s) => s.text).join("");
const marked = (segs: Segment[], mark: "added" | "removed") => segs.filter((s) => s.mark === mark).map((s) => s.text);

function doc(...paragraphs: string[]): string {
  return JSON.stringify({
    type: "doc",
    content: paragraphs.map((t) => ({ type: "paragraph", content: [{ type: "text", text: t }] })),
  });
}

const base: ArticleSnapshot = {
  slug: "verzuim-melden",
  type: "faq",
  title: "Wanneer meldt u verzuim?",
  summary: "De school meldt verzuim bij de leerplichtambtenaar.",
  body: doc("Eerste alinea.", "Tweede alinea over verzuim.", "Derde alinea."),
  audiences: ["school-vo"],
  sectors: ["vo"],
  topic: "verzuim-melden",
  questions: [],
  validFrom: null,
  validUntil: null,
  reviewDueAt: "2027-01-01",
};

describe("diffSequence", () => {
  it.each([
    [[], [], 0],
    [["a", "b", "c"], ["a", "b", "c"], 3],
    [["a", "b", "c"], ["a", "x", "c"], 2],
    [["a", "b"], ["c", "d"], 0],
    [["a", "b", "c", "d"], ["b", "d", "e"], 2],
  ])("%j → %j keeps %i in common and rebuilds both sides", (a, b, same) => {
    const ops = diffSequence(a, b);
    expect(ops.filter((o) => o.op === "same")).toHaveLength(same);
    expect(ops.filter((o) => o.op !== "ins").map((o) => a[o.a])).toEqual(a);
    expect(ops.filter((o) => o.op !== "del").map((o) => b[o.b])).toEqual(b);
  });
});

describe("diffWords", () => {
  it.each([
    ["De school meldt het.", "De school meldt het.", [], []],
    ["De school meldt het verzuim.", "De school meldt het ongeoorloofd verzuim.", [], ["ongeoorloofd "]],
    ["binnen 4 weken", "binnen 6 weken", ["4"], ["6"]],
    ["Bel de helpdesk", "Mail de helpdesk", ["Bel"], ["Mail"]],
  ])("%s ⇄ %s", (a, b, removed, added) => {
    const w = diffWords(a, b);
    expect(join(w.left)).toBe(a);
    expect(join(w.right)).toBe(b);
    expect(marked(w.left, "removed")).toEqual(removed);
    expect(marked(w.right, "added")).toEqual(added);
  });
});

describe("diffLines", () => {
  it("pairs a changed line and keeps removed and added lines on their own side", () => {
    const rows = diffLines(["a", "b c", "d"], ["a", "b x", "d", "e"]);
    expect(rows.map((r) => r.kind)).toEqual(["same", "changed", "same", "added"]);
    expect(rows[1].left?.line).toBe(2);
    expect(marked(rows[1].right!.segments, "added")).toEqual(["x"]);
    expect(rows[3].left).toBeNull();
    expect(rows[3].right).toEqual({ line: 4, segments: [{ text: "e", mark: "added" }] });
  });

  it("shows a removed line with no right side", () => {
    const rows = diffLines(["a", "b", "c"], ["a", "c"]);
    expect(rows.map((r) => r.kind)).toEqual(["same", "removed", "same"]);
    expect(rows[1].right).toBeNull();
  });
});

describe("diffSnapshots", () => {
  it("reports no change for equal snapshots", () => {
    const d = diffSnapshots(base, { ...base });
    expect(d.changed).toBe(false);
    expect(d.fields.every((f) => !f.changed)).toBe(true);
  });

  it("diffs the body as Markdown lines and lists per field", () => {
    const newer: ArticleSnapshot = {
      ...base,
      title: "Wanneer meldt de school verzuim?",
      body: doc("Eerste alinea.", "Tweede alinea over ongeoorloofd verzuim.", "Derde alinea.", "Vierde alinea."),
      audiences: ["school-vo", "mbo-instelling"],
      reviewDueAt: null,
    };
    const d = diffSnapshots(base, newer);
    const byField = Object.fromEntries(d.fields.map((f) => [f.field, f]));
    expect(d.changed).toBe(true);
    expect(byField.title.changed).toBe(true);
    expect(byField.summary.changed).toBe(false);
    expect(byField.topic.changed).toBe(false);
    expect(byField.body.rows.map((r) => r.kind)).toEqual(["same", "same", "changed", "same", "same", "added", "added"]);
    const changed = byField.body.rows[2];
    expect(marked(changed.right!.segments, "added")).toEqual(["ongeoorloofd "]);
    expect(byField.audiences.rows.map((r) => r.kind)).toEqual(["same", "added"]);
    expect(byField.reviewDueAt.rows.map((r) => r.kind)).toEqual(["removed"]);
    expect(byField.body.label).toBe("Tekst");
  });

  it("still compares a body that cannot be rendered", () => {
    const d = diffSnapshots({ ...base, body: "{not json" }, base);
    expect(d.fields.find((f) => f.field === "body")!.changed).toBe(true);
  });
});
