import { describe, expect, it } from "vitest";
import { defaultPeriod, lastAllowedEnd, makeReportQuerySchema } from "./schema";
import { isoWeekday, weekKeysBetween } from "./stats";

const schema = makeReportQuerySchema(() => "2026-04-08"); // a Wednesday

describe("defaultPeriod", () => {
  it.each(["2026-04-08", "2026-04-06", "2026-04-12", "2027-01-01"])("covers 8 ISO weeks ending %s", (today) => {
    const p = defaultPeriod(today);
    expect(p.to).toBe(today);
    expect(isoWeekday(p.from)).toBe(1);
    expect(weekKeysBetween(p.from, p.to)).toHaveLength(8);
  });
});

describe("report query schema", () => {
  it("defaults to the last 8 weeks", () => {
    expect(schema.parse({})).toEqual({ from: "2026-02-16", to: "2026-04-08", desks: undefined });
    expect(schema.parse({ from: "", to: "" })).toEqual({ from: "2026-02-16", to: "2026-04-08", desks: undefined });
  });

  it("fills the start from a given end", () => {
    expect(schema.parse({ to: "2026-03-15" })).toMatchObject({ from: "2026-01-19", to: "2026-03-15" });
  });

  it("accepts desks as one value or a list, without duplicates", () => {
    expect(schema.parse({ desk: "po" }).desks).toEqual(["po"]);
    expect(schema.parse({ desk: ["po", "vo-mbo", "po"] }).desks).toEqual(["po", "vo-mbo"]);
    expect(schema.parse({ desk: "" }).desks).toBeUndefined();
  });

  it("takes the first of repeated query values", () => {
    expect(schema.parse({ from: ["2026-03-01", "2026-01-01"], to: "2026-03-02" }).from).toBe("2026-03-01");
  });

  it.each([
    ["2024-01-01", "2024-12-31"],
    ["2025-03-10", "2026-03-09"],
    ["2024-02-29", "2025-02-28"],
    ["2023-03-01", "2024-02-29"],
  ])("allows at most a year: from %s up to %s", (from, to) => {
    expect(lastAllowedEnd(from)).toBe(to);
    expect(schema.safeParse({ from, to }).success).toBe(true);
  });

  it.each([
    [{ from: "30-03-2026" }, "from", "Vul een datum in als JJJJ-MM-DD, bijvoorbeeld 2026-03-30."],
    [{ from: "2026-02-30" }, "from", "Deze datum bestaat niet. Controleer de dag en de maand."],
    [{ from: "1999-12-31" }, "from", "Kies een datum tussen 2000 en 2099."],
    [{ from: 20260101 }, "from", "Vul een datum in als JJJJ-MM-DD, bijvoorbeeld 2026-03-30."],
    [{ from: "2026-04-09", to: "2026-04-08" }, "to", "De einddatum moet op of na de begindatum liggen."],
    [{ from: "2025-01-01", to: "2026-01-01" }, "from", "Kies een periode van hoogstens een jaar."],
    [{ from: "2024-02-29", to: "2025-03-01" }, "from", "Kies een periode van hoogstens een jaar."],
    [{ desk: "mbo" }, "desk", "Kies een bestaande helpdesk."],
  ])("rejects %j with a Dutch message", (input, path, message) => {
    const r = schema.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error!.issues).toContainEqual(expect.objectContaining({ path: expect.arrayContaining([path]), message }));
  });
});
