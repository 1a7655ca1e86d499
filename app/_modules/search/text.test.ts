import { describe, expect, it } from "vitest";
import { escapeHtml, fold, tokenize, words } from "./text";

describe("text analysis", () => {
  it.each([
    ["Ideeën", "ideeen"],
    ["Zorgcoördinator", "zorgcoordinator"],
    ["coo\u0308rdinator (decomposed)", "coordinator decomposed"],
    ["GEÏNSPIREERD", "geinspireerd"],
    ["Straße", "strasse"],
    ["kant-en-klaar", "kant en klaar"],
    ["050-599 77 66", "050 599 77 66"],
    ["leerling’s", "leerling s"],
  ])("folds %s", (input, expected) => {
    expect(fold(input)).toBe(expected);
  });

  it("keeps original offsets and adds a gap of 8 across a sentence end", () => {
    const toks = tokenize("Ziek? Bel de school. Om 09.00 uur");
    expect(toks.map((t) => [t.term, t.pos])).toEqual([
      ["ziek", 0],
      ["bel", 8],
      ["de", 9],
      ["school", 10],
      ["om", 18],
      ["09", 19],
      ["00", 20],
      ["uur", 21],
    ]);
    const ideeen = tokenize("nieuwe Ideeën")[1]!;
    expect("nieuwe Ideeën".slice(ideeen.start, ideeen.end)).toBe("Ideeën");
  });

  it("splits queries into words and escapes HTML", () => {
    expect(words("  Te laat komen!  ")).toEqual(["te", "laat", "komen"]);
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });
});
