import { describe, expect, it } from "vitest";
import { makeReportExportQuerySchema } from "./export-query";

const schema = makeReportExportQuerySchema(() => "2026-04-08");

describe("report export query", () => {
  it("takes a report section or the contacts report with the period picker's fields", () => {
    expect(schema.parse({ section: "weekly", desk: "po" })).toEqual({
      section: "weekly",
      from: "2026-02-16",
      to: "2026-04-08",
      desks: ["po"],
    });
    expect(schema.parse({ section: ["contacten", "summary"], from: "2026-03-01", to: "2026-03-31" })).toEqual({
      section: "contacten",
      from: "2026-03-01",
      to: "2026-03-31",
      desks: undefined,
    });
  });

  it("names every bad field: the section, a date, a desk, a period over a year", () => {
    const messages = (input: Record<string, unknown>) => {
      const r = schema.safeParse(input);
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    };
    expect(messages({})).toEqual(["section: Kies een onderdeel van de rapportage."]);
    expect(messages({ section: "alles", from: "2026-02-30" })).toEqual([
      "section: Kies een onderdeel van de rapportage.",
      "from: Deze datum bestaat niet. Controleer de dag en de maand.",
    ]);
    expect(messages({ section: "summary", desk: "hbo" })).toEqual(["desk.0: Kies een bestaande helpdesk."]);
    expect(messages({ section: "summary", from: "2024-01-01", to: "2026-01-01" })).toEqual([
      "from: Kies een periode van hoogstens een jaar.",
    ]);
  });
});
