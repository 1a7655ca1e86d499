import { describe, expect, it } from "vitest";
import { deskWithArticle } from "./article";

describe("deskWithArticle", () => {
  it("puts the desk's own article before its name, capitalised at the start of a sentence", () => {
    expect(deskWithArticle("Informatiepunt Onderwijs (IPO)", "het")).toBe("het Informatiepunt Onderwijs (IPO)");
    expect(deskWithArticle("Informatiepunt Onderwijs (IPO)", "het", true)).toBe("Het Informatiepunt Onderwijs (IPO)");
    expect(deskWithArticle("Helpdesk BRON PO", "de", true)).toBe("De Helpdesk BRON PO");
  });
  it("leaves the name bare without a known article", () => {
    expect(deskWithArticle("Helpdesk  BRON PO ", undefined)).toBe("Helpdesk BRON PO");
    expect(deskWithArticle("Helpdesk BRON PO", "een")).toBe("Helpdesk BRON PO");
  });
});
