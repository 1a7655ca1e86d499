// Where the judged development sets live: ../shared/bench beside the repository (BENCH_DIR overrides).
import fs from "node:fs";
import path from "node:path";

export const BENCH_DIR = process.env.BENCH_DIR ?? path.resolve(__dirname, "..", "..", "..", "shared", "bench");

/**
 * Whether a judged file is there. When it is not, says so in the test output with the reason, so a relevance
 * test that skips never skips without a word.
 */
export function hasBenchFile(name: string, what: string): boolean {
  const file = path.join(BENCH_DIR, name);
  if (fs.existsSync(file)) return true;
  console.warn(
    `[bench] skipped: ${what} — ${file} is missing (the judged sets live in ../shared/bench beside the repository; set BENCH_DIR to point elsewhere)`,
  );
  return false;
}
