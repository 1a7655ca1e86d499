import { describe, expect, it } from "vitest";
import { EmbeddedIndex } from "./embedded";
import { syncIndex, withRevision } from "./sync";
import type { IndexSettings } from "./types";

const settings: IndexSettings = {
  searchableAttributes: ["title", "body"],
  filterableAttributes: ["topic"],
  stopWords: ["de"],
};
const docs = [
  { id: "a", title: "Verlof", body: "aanvragen", topic: "verlof" },
  { id: "b", title: "Verzuim", body: "melden", topic: "verzuim" },
];

describe("syncIndex", () => {
  it("fills an empty index, then writes nothing while it is current", async () => {
    const index = new EmbeddedIndex("s");
    expect(await syncIndex(index, settings, docs)).toEqual({ settingsChanged: true, upserted: 2, deleted: 0 });
    const stamp = await index.stamp();
    expect(await syncIndex(index, settings, docs)).toEqual({ settingsChanged: false, upserted: 0, deleted: 0 });
    expect(await index.stamp()).toBe(stamp);
  });

  it("upserts what changed and deletes only what is gone, never clearing the index", async () => {
    const index = new EmbeddedIndex("s");
    await syncIndex(index, settings, docs);
    // Something another instance published meanwhile is in the source too, so it stays.
    const next = [
      { ...docs[0]!, body: "aanvragen bij de directeur" },
      { id: "c", title: "Nieuw", body: "", topic: "verlof" },
    ];
    expect(await syncIndex(index, settings, next)).toEqual({ settingsChanged: false, upserted: 2, deleted: 1 });
    expect((await index.search("")).hits.map((h) => h.id).sort()).toEqual(["a", "c"]);
    expect((await index.search("directeur")).hits[0]).toMatchObject({ id: "a", rev: withRevision(next[0]!).rev });
  });

  it("gives the same revision to the same content, whatever the key order", () => {
    expect(withRevision({ id: "x", a: 1, b: [2] }).rev).toBe(withRevision({ b: [2], a: 1, id: "x" }).rev);
    expect(withRevision({ id: "x", a: 1 }).rev).not.toBe(withRevision({ id: "x", a: 2 }).rev);
  });
});
