import { describe, expect, it } from "vitest";
import { articleFormSchema, slugify } from "./schema";

describe("slugify", () => {
  it.each([
    ["Hoe meld ik verzuim?", "hoe-meld-ik-verzuim"],
    ["Één café — reële vragen", "een-cafe-reele-vragen"],
    ["  16 uur in 4 weken  ", "16-uur-in-4-weken"],
    ["???", ""],
  ])("%s → %s", (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it("stays within 80 characters and never ends on a hyphen", () => {
    const s = slugify("woord ".repeat(40));
    expect(s.length).toBeLessThanOrEqual(80);
    expect(s.endsWith("-")).toBe(false);
  });
});

describe("articleFormSchema", () => {
  const valid = {
    slug: "verzuim-melden",
    type: "faq",
    title: "Verzuim melden",
    summary: "Zo meldt u verzuim bij DUO.",
    audiences: ["school-vo"],
    sectors: ["vo"],
    topic: "verzuim-melden",
    reviewDueAt: "",
    validFrom: "",
    validUntil: "",
    questions: [],
  };

  it("accepts a complete form and trims text", () => {
    const r = articleFormSchema.parse({ ...valid, title: "  Verzuim melden  " });
    expect(r.title).toBe("Verzuim melden");
  });

  it.each([
    ["slug", "Verzuim Melden", "kleine letters"],
    ["title", "Kort", "minstens 5"],
    ["summary", "Te kort", "minstens 10"],
    ["audiences", [], "doelgroep"],
    ["sectors", [], "sector"],
    ["validFrom", "31-07-2027", "datum"],
    ["topic", "", "onderwerp"],
    ["reviewDueAt", "1-2-2027", "datum"],
    ["type", "blog", "veelgestelde vraag"],
  ] as const)("rejects a bad %s with a Dutch message", (field, value, words) => {
    const r = articleFormSchema.safeParse({ ...valid, [field]: value });
    expect(r.success).toBe(false);
    const issue = r.error!.issues.find((i) => i.path[0] === field);
    expect(issue?.message.toLowerCase()).toContain(words);
  });
});
