// Routing accuracy on every judged scenario file: the shared development set (../shared/bench/triage.dev.jsonl),
// our own scenarios per rule of spec/triage.md and the colleague-written development set (fixtures/). Prints every
// miss, so a failing run says which caller was routed wrong, and asserts the goal of issue #12 (≥ 97 % right).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BENCH_DIR } from "@/tests/helpers/bench";
import { triage, type Desk } from "./engine";
import { triageInputSchema, type CallerType, type Sector } from "./schema";

type Scenario = {
  rule?: string;
  input: { callerType: CallerType; question: string; sector?: Sector };
  expect: { desk: Desk };
};

const GOAL = 0.97;
// In a worktree the shared folder sits two levels up instead of one.
const benchDir = [BENCH_DIR, path.resolve(__dirname, "../../../../../shared/bench")].find((d) =>
  fs.existsSync(path.join(d, "triage.dev.jsonl")),
);
const FILES: [string, string | undefined][] = [
  ["bench/triage.dev.jsonl", benchDir && path.join(benchDir, "triage.dev.jsonl")],
  ["fixtures/scenarios.own.jsonl", path.join(__dirname, "fixtures", "scenarios.own.jsonl")],
  ["fixtures/scenarios.dev.jsonl", path.join(__dirname, "fixtures", "scenarios.dev.jsonl")],
  // Written blind from the spec by a colleague and held out until the engine was done (scored once: 53/53).
  ["fixtures/scenarios.blind.jsonl", path.join(__dirname, "fixtures", "scenarios.blind.jsonl")],
];

export function loadScenarios(file: string): Scenario[] {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Scenario);
}

export function score(cases: Scenario[]) {
  const misses: { scenario: Scenario; got: Desk }[] = [];
  for (const c of cases) {
    const got = triage(triageInputSchema.parse(c.input)).desk;
    if (got !== c.expect.desk) misses.push({ scenario: c, got });
  }
  return { accuracy: cases.length ? 1 - misses.length / cases.length : 1, misses };
}

describe("judged scenario files", () => {
  for (const [name, file] of FILES) {
    it.runIf(!!file && fs.existsSync(file))(`${name}: at least ${GOAL * 100} % routed right`, () => {
      const cases = loadScenarios(file!);
      expect(cases.length).toBeGreaterThan(0);
      const { accuracy, misses } = score(cases);
      console.log(`${name}: ${(accuracy * 100).toFixed(1)} % (${cases.length - misses.length}/${cases.length})`);
      for (const m of misses) {
        console.log(
          `  MISS ${m.scenario.input.callerType}${m.scenario.input.sector ? `/${m.scenario.input.sector}` : ""}: ${m.scenario.input.question} → ${m.got}, expected ${m.scenario.expect.desk}`,
        );
      }
      expect(accuracy).toBeGreaterThanOrEqual(GOAL);
    });
  }

  it("own scenarios cover every rule of spec/triage.md at least three times", () => {
    const perRule = new Map<string, number>();
    for (const c of loadScenarios(FILES[1][1]!)) perRule.set(c.rule ?? "?", (perRule.get(c.rule ?? "?") ?? 0) + 1);
    expect(perRule.has("?")).toBe(false);
    for (const [rule, n] of perRule) expect(n, rule).toBeGreaterThanOrEqual(3);
  });
});
