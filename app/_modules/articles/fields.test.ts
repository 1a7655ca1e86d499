import { describe, expect, it } from "vitest";
import { articleColumns, articleFieldSchemas, dateToDay, dayToDate, decodeSources, isCalendarDay } from "./fields";
import { articleSnapshot, parseSnapshot, snapshotColumn } from "./snapshot";

describe("the review date's spellings", () => {
  it("a day is stored as midnight UTC and read back as the same day", () => {
    expect(dayToDate("2027-06-01")?.toISOString()).toBe("2027-06-01T00:00:00.000Z");
    expect(dateToDay(dayToDate("2027-06-01"))).toBe("2027-06-01");
    expect(dayToDate("")).toBeNull();
    expect(dayToDate(null)).toBeNull();
    expect(dateToDay(null)).toBeNull();
  });

  it("knows a day that does not exist", () => {
    expect(isCalendarDay("2027-02-28")).toBe(true);
    expect(isCalendarDay("2027-02-30")).toBe(false);
  });
});

describe("the field schemas", () => {
  it("trim only when asked, with the caller's messages", () => {
    const form = articleFieldSchemas({ titleShort: "kort" }, { trim: true });
    const file = articleFieldSchemas({}, { trim: false });
    expect(form.title.safeParse("  Een titel  ").data).toBe("Een titel");
    expect(file.title.safeParse("  Een titel  ").data).toBe("  Een titel  ");
    expect(form.title.safeParse("  abc ").error?.issues[0].message).toBe("kort");
  });

  it("refuse an empty slug first only when the caller gives that message", () => {
    const form = articleFieldSchemas({ slugEmpty: "leeg", slug: "patroon" }, { trim: true });
    expect(form.slug.safeParse("").error?.issues[0].message).toBe("leeg");
    expect(articleFieldSchemas({ slug: "patroon" }, { trim: false }).slug.safeParse("").error?.issues[0].message).toBe(
      "patroon",
    );
  });
});

describe("the article's column codecs", () => {
  it("read the id lists and refuse a list of something else", () => {
    expect(articleColumns.audiences.decode('["school"]')).toEqual(["school"]);
    expect(() => articleColumns.sectors.decode("[1]")).toThrow(/Article\.sectors/);
  });

  it("keep only well-formed https sources, and none from an unreadable row", () => {
    const raw = JSON.stringify([
      { title: "Wet", url: "https://wetten.overheid.nl/x" },
      { title: "Oud", url: "http://example.nl" },
      { url: "https://example.nl" },
      null,
    ]);
    expect(decodeSources(raw)).toEqual([{ title: "Wet", url: "https://wetten.overheid.nl/x" }]);
    expect(decodeSources("not json")).toEqual([]);
    expect(decodeSources('{"a":1}')).toEqual([]);
  });
});

describe("the revision snapshot codec", () => {
  const row = {
    slug: "verzuim-melden",
    type: "faq",
    title: "Verzuim melden",
    summary: "Hoe meldt u verzuim?",
    body: '{"type":"doc","content":[]}',
    audiences: '["school"]',
    sectors: '["po"]',
    topic: "verzuim",
    questions: '["Hoe meld ik verzuim?"]',
    reviewDueAt: new Date("2027-06-01T00:00:00.000Z"),
  };

  it("writes a snapshot that decodes and re-encodes to the same text", () => {
    const text = snapshotColumn.encode(articleSnapshot(row));
    expect(snapshotColumn.encode(parseSnapshot(text))).toBe(text);
    expect(parseSnapshot(text).reviewDueAt).toBe("2027-06-01");
  });

  it("reads a snapshot from before questions existed as having none", () => {
    const old = articleSnapshot(row) as Partial<ReturnType<typeof articleSnapshot>>;
    delete old.questions;
    expect(parseSnapshot(JSON.stringify(old)).questions).toEqual([]);
  });

  it("refuses a snapshot without its fields", () => {
    expect(() => parseSnapshot('{"slug":"x"}')).toThrow(/ArticleRevision\.snapshot/);
  });
});
