import { describe, expect, it } from "vitest";
import { frontMatterSchema } from "./front-matter";
import { parseArticleFile, serializeArticleFile } from "./markdown";
import { questionIssues, questionKey, tidyQuestion } from "./questions";

describe("questionIssues", () => {
  it("accepts up to 20 distinct questions of 5–200 characters", () => {
    expect(questionIssues([])).toEqual([]);
    expect(questionIssues(["Hoe meld ik verzuim?", "x".repeat(200), "Vijf!"])).toEqual([]);
    expect(questionIssues(Array.from({ length: 20 }, (_, i) => `Vraag ${i} over verzuim`))).toEqual([]);
  });

  it.each<[string, unknown, (string | number | null)[], RegExp]>([
    ["too short", ["Hoe?"], [0], /5 tot 200 tekens hebben \(nu 4\)/],
    ["too long", ["x".repeat(201)], [0], /nu 201/],
    ["only spaces count once", ["  a   b  "], [0], /nu 3/],
    [
      "a duplicate up to case, accents and punctuation",
      ["Wat is één dag verzuim?", "wat is een dag verzuim"],
      [1],
      /staat er al \(vraag 1\)/,
    ],
    ["a BSN", ["Mag ik 123456782 doorgeven?"], [0], /BSN of onderwijsnummer/],
    ["more than 20", Array.from({ length: 21 }, (_, i) => `Vraag ${i} over verzuim`), [null], /hoogstens 20/],
    ["not a list", "Hoe meld ik verzuim?", [null], /niet worden gelezen/],
    ["not a string", ["Hoe meld ik verzuim?", 42], [1], /geen tekst/],
  ])("refuses %s", (_, value, indexes, message) => {
    const issues = questionIssues(value);
    expect(issues.map((i) => i.index)).toEqual(indexes);
    for (const i of issues) expect(i.message).toMatch(message);
  });

  it("tidies whitespace and compares without case, accents or punctuation", () => {
    expect(tidyQuestion("  Mag  mijn\tkind\nmee? ")).toBe("Mag mijn kind mee?");
    expect(questionKey("Één dag ziek?")).toBe(questionKey("een dag ziek"));
  });
});

describe("questions in the front matter", () => {
  const body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Tekst." }] }] };
  const fm = {
    slug: "luxe-verzuim",
    title: "Wat is luxe verzuim?",
    summary: "Op vakantie zonder verlof.",
    type: "faq",
    audiences: ["school-vo"],
    sectors: ["vo"],
    topic: "soorten-verzuim",
    questions: ["Mag een gezin een week eerder op vakantie?", "Wat als ouders toch gaan: zijn ze strafbaar?"],
    status: "published",
  };

  it("writes one question per line after the topic and reads them back unchanged", () => {
    const text = serializeArticleFile(fm, body);
    expect(text).toContain(
      'topic: soorten-verzuim\nquestions:\n  - Mag een gezin een week eerder op vakantie?\n  - "Wat als ouders toch gaan: zijn ze strafbaar?"\nstatus: published\n',
    );
    const parsed = parseArticleFile(text, "luxe-verzuim.md");
    const checked = frontMatterSchema.parse(parsed.frontMatter);
    expect(checked.questions).toEqual(fm.questions);
    expect(serializeArticleFile({ ...parsed.frontMatter, questions: checked.questions }, parsed.body)).toBe(text);
  });

  it("leaves the key out when there are no questions", () => {
    expect(serializeArticleFile({ ...fm, questions: undefined }, body)).not.toContain("questions");
    expect(frontMatterSchema.parse({ ...fm, questions: undefined }).questions).toBeUndefined();
  });

  it.each<[string, unknown, string, RegExp]>([
    ["an empty list", [], "questions", /leave the key out/],
    ["a short question", ["Vraag over verzuim", "Kort"], "questions.1", /5 to 200 characters/],
    ["a duplicate", ["Vraag over verzuim", "vraag over verzuim?"], "questions.1", /duplicate of question 1/],
    ["a BSN", ["Leerling 123456782 meldt zich ziek"], "questions.0", /BSN/],
    ["a number instead of text", [12345], "questions.0", /expected a string/],
  ])("refuses %s with the field and why", (_, questions, field, message) => {
    const r = frontMatterSchema.safeParse({ ...fm, questions });
    expect(r.success).toBe(false);
    const issue = r.error!.issues[0]!;
    expect(issue.path.join(".")).toBe(field);
    expect(issue.message).toMatch(message);
  });
});
