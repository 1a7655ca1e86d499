// "A threshold changed once is right everywhere": edit late-3 (3 → 4) and unexcused-16h-4w (16 → 14 hours) in a
// copy of content/protocols/*.yaml, re-seed, and every article that embeds those rules renders the new numbers
// through the app's own render path; the engine, the verzuimcheck and the public API use them too.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as evaluateRoute } from "@/app/api/v1/protocol/evaluate/route";
import { contentResolver, renderBody } from "@/app/_modules/articles/service";
import { seedContent } from "@/app/_modules/content/seed";
import { createTestDb, useAsAppDb, type TestDb } from "@/tests/helpers/db";
import { runQuickCheck } from "./check-service";
import { evaluateAbsence, evaluateCounts, type AbsenceEvent } from "./engine/evaluate";
import { quickCheckSchema } from "./check-forms";
import { clearProtocolCache, getProtocols } from "./store";

const CONTENT = path.resolve(__dirname, "..", "..", "..", "content");

const OLD = {
  late3: { threshold: "3 keer te laat", title: "3 keer te laat" },
  hours: {
    threshold: "16 uur of meer ongeoorloofd verzuim binnen 4 lesweken",
    title: "Melden bij 16 uur ongeoorloofd verzuim in 4 lesweken",
  },
};
const NEW = {
  late3: { threshold: "4 keer te laat", title: "4 keer te laat" },
  hours: {
    threshold: "14 uur of meer ongeoorloofd verzuim binnen 4 lesweken",
    title: "Melden bij 14 uur ongeoorloofd verzuim in 4 lesweken",
  },
};

/** Replaces the threshold line inside one rule's block of a protocol file; fails loudly when it is not there. */
function editThreshold(file: string, ruleId: string, from: string, to: string): void {
  const text = fs.readFileSync(file, "utf8");
  const start = text.indexOf(`- id: ${ruleId}\n`);
  expect(start, `rule ${ruleId} in ${file}`).toBeGreaterThanOrEqual(0);
  const next = text.indexOf("\n  - id: ", start + 1);
  const end = next < 0 ? text.length : next;
  const block = text.slice(start, end);
  expect(block, `threshold of ${ruleId}`).toContain(from);
  fs.writeFileSync(file, text.slice(0, start) + block.replace(from, to) + text.slice(end));
}

type Rendered = { slug: string; rules: string[]; html: string; body: string };

/** Renders every published article that embeds one of the rules, through the article page's render path. */
async function renderEmbedding(t: TestDb, ruleIds: string[]): Promise<Rendered[]> {
  clearProtocolCache();
  const rows = await t.db.article.findMany({
    where: { status: "published" },
    select: { slug: true, body: true, protocolRuleIds: true },
    orderBy: { slug: "asc" },
  });
  const embedding = rows
    .map((r) => ({ ...r, rules: JSON.parse(r.protocolRuleIds) as string[] }))
    .filter((r) => r.rules.some((id) => ruleIds.includes(id)));
  const resolver = await contentResolver();
  return Promise.all(
    embedding.map(async (r) => ({
      slug: r.slug,
      rules: r.rules,
      body: r.body,
      html: await renderBody(r.body, resolver),
    })),
  );
}

/** The article files (under a content dir) whose body embeds a rule with {{regel:…}} or {{drempel:…}}. */
function filesEmbedding(dir: string, ruleId: string): string[] {
  const re = new RegExp(`\\{\\{(regel|drempel):([a-z0-9-]+/)?${ruleId}\\}\\}`);
  return fs
    .readdirSync(path.join(dir, "articles"))
    .filter((f) => f.endsWith(".md"))
    .filter((f) => /\nstatus: published\n/.test(fs.readFileSync(path.join(dir, "articles", f), "utf8")))
    .filter((f) => re.test(fs.readFileSync(path.join(dir, "articles", f), "utf8")))
    .map((f) => f.replace(/\.md$/, ""))
    .sort();
}

/** Rule ids embedded as a full rule card ({{regel:…}}), which also shows the rule's title. */
function cardRules(body: string): Set<string> {
  const out = new Set<string>();
  const walk = (n: { type?: string; attrs?: { ruleId?: string }; content?: unknown[] }) => {
    if (n.type === "protocolRule" && n.attrs?.ruleId) out.add(n.attrs.ruleId);
    for (const c of n.content ?? []) walk(c as typeof n);
  };
  walk(JSON.parse(body));
  return out;
}

const evaluateViaApi = async (body: unknown) => {
  clearProtocolCache();
  const res = await evaluateRoute(
    new Request("http://test/api/v1/protocol/evaluate", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
  );
  expect(res.status).toBe(200);
  return (await res.json()) as { triggered: { id: string }[]; legalDuty: boolean };
};

describe(`a threshold changed in the YAML is right everywhere (${process.env.TEST_DB === "postgres" ? "PostgreSQL" : "SQLite"})`, () => {
  let t: TestDb;
  let dir: string;
  let before: Rendered[];

  // Three lates, and 15 unauthorised hours in one week: under the old thresholds only late-3; under the new ones
  // the 14-hour legal duty, and no late step.
  const events: AbsenceEvent[] = [
    { date: "2026-03-02", type: "late" },
    { date: "2026-03-03", type: "late" },
    { date: "2026-03-04", type: "late" },
    { date: "2026-03-09", type: "unexcused", hours: 8 },
    { date: "2026-03-10", type: "unexcused", hours: 7 },
  ];
  const input = { asOf: "2026-03-20", events };

  beforeAll(async () => {
    t = await createTestDb();
    useAsAppDb(t);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "threshold-content-"));
    fs.cpSync(CONTENT, dir, { recursive: true });
    await seedContent(t.db, { contentDir: dir, demoUsers: false });
    before = await renderEmbedding(t, ["late-3", "unexcused-16h-4w"]);
  });
  afterAll(async () => {
    clearProtocolCache();
    fs.rmSync(dir, { recursive: true, force: true });
    await t?.drop();
  });

  it("finds every embedding article through Article.protocolRuleIds, matching the article files", () => {
    for (const id of ["late-3", "unexcused-16h-4w"]) {
      expect(before.filter((a) => a.rules.includes(id)).map((a) => a.slug)).toEqual(filesEmbedding(dir, id));
    }
    expect(before.filter((a) => a.rules.includes("late-3")).length).toBeGreaterThanOrEqual(1);
    expect(before.filter((a) => a.rules.includes("unexcused-16h-4w")).length).toBeGreaterThanOrEqual(5);
    // Both kinds of embedding are covered: a full rule card and a threshold in running text.
    expect(before.some((a) => cardRules(a.body).has("unexcused-16h-4w"))).toBe(true);
    expect(before.some((a) => a.rules.includes("unexcused-16h-4w") && !cardRules(a.body).has("unexcused-16h-4w"))).toBe(
      true,
    );
    expect(before.some((a) => cardRules(a.body).has("late-3"))).toBe(true);
  });

  it("renders the old thresholds before the edit", async () => {
    for (const a of before) {
      if (a.rules.includes("late-3")) expect(a.html, a.slug).toContain(OLD.late3.threshold);
      if (a.rules.includes("unexcused-16h-4w")) expect(a.html, a.slug).toContain(OLD.hours.threshold);
      if (cardRules(a.body).has("unexcused-16h-4w")) expect(a.html, a.slug).toContain(OLD.hours.title);
    }
    const protocols = await getProtocols();
    expect(evaluateAbsence(protocols["stellingwerf-college"], input).triggered.map((x) => x.id)).toEqual(["late-3"]);
  });

  it("after editing the YAML and re-seeding, every embedding article shows the new numbers and none of the old", async () => {
    editThreshold(
      path.join(dir, "protocols", "stellingwerf-college.yaml"),
      "late-3",
      "threshold: { count: 3 }",
      "threshold: { count: 4 }",
    );
    editThreshold(
      path.join(dir, "protocols", "leerplichtwet.yaml"),
      "unexcused-16h-4w",
      "threshold: { hours: 16, windowDays: 28 }",
      "threshold: { hours: 14, windowDays: 28 }",
    );
    const report = await seedContent(t.db, { contentDir: dir, demoUsers: false });
    expect(report.protocols).toEqual({ created: 0, updated: 2, unchanged: 0 });
    expect(report.articles.updated).toBe(0); // the articles did not change; only the data they embed did

    const after = await renderEmbedding(t, ["late-3", "unexcused-16h-4w"]);
    expect(after.map((a) => a.slug)).toEqual(before.map((a) => a.slug));
    for (const a of after) {
      const text = a.html.replace(/<[^>]+>/g, " ");
      if (a.rules.includes("late-3")) {
        expect(a.html, a.slug).toContain(NEW.late3.threshold);
        expect(text, a.slug).not.toMatch(/(^|[^0-9])3 keer te laat/);
      }
      if (a.rules.includes("unexcused-16h-4w")) {
        expect(a.html, a.slug).toContain(NEW.hours.threshold);
        expect(a.html, a.slug).not.toContain(OLD.hours.threshold);
        expect(a.html, a.slug).not.toContain(OLD.hours.title);
        expect(text, a.slug).not.toMatch(/(^|[^0-9,])16 uur/);
      }
      if (cardRules(a.body).has("unexcused-16h-4w")) expect(a.html, a.slug).toContain(NEW.hours.title);
      if (cardRules(a.body).has("late-3")) expect(a.html, a.slug).toContain(`<strong>${NEW.late3.title}</strong>`);
    }
  });

  it("the engine through getProtocols(), the verzuimcheck and the API use the new thresholds", async () => {
    clearProtocolCache();
    const protocols = await getProtocols();
    for (const id of ["stellingwerf-college", "leerplichtwet"]) {
      const r = evaluateAbsence(protocols[id], input);
      expect(r.triggered.map((x) => x.id)).toEqual(["unexcused-16h-4w"]);
      expect(r.legalDuty).toBe(true);
      expect(r.triggered[0].thresholdText).toBe(NEW.hours.threshold);
    }
    const withFour = evaluateAbsence(protocols["stellingwerf-college"], {
      ...input,
      events: [...events, { date: "2026-03-11", type: "late" }],
    });
    expect(withFour.triggered.map((x) => x.id)).toEqual(["late-3", "unexcused-16h-4w"]);
    expect(withFour.triggered[0]).toMatchObject({ title: NEW.late3.title, reachedOn: "2026-03-11" });

    const counts = evaluateCounts(protocols["stellingwerf-college"], {
      late: 3,
      truancy: 0,
      sickHours: 0,
      unexcusedHoursLast4Weeks: 14,
      weeksAbsentInARow: 0,
    });
    expect(counts.triggered.map((x) => x.id)).toEqual(["unexcused-16h-4w"]);

    const check = await runQuickCheck(
      t.db,
      protocols,
      quickCheckSchema.parse({
        protocol: "stellingwerf-college",
        late: "4",
        truancy: "",
        sickHours: "",
        unexcusedHoursLast4Weeks: "14",
        weeksAbsentInARow: "",
      }),
    );
    expect(check.steps.map((s) => [s.id, s.thresholdText])).toEqual([
      ["late-3", NEW.late3.threshold],
      ["unexcused-16h-4w", NEW.hours.threshold],
    ]);
    expect(check.legalDuty.map((s) => s.title)).toEqual([NEW.hours.title]);

    const api = await evaluateViaApi({ protocol: "stellingwerf-college", ...input });
    expect(api.triggered.map((x) => x.id)).toEqual(["unexcused-16h-4w"]);
    expect(api.legalDuty).toBe(true);
  });
});
