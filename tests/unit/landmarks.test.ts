// One main landmark per page: the root layout renders `<main id="inhoud">` (the skip link's target), so a page or
// a nested layout that renders its own `<main>` gives two main landmarks and a duplicate id. Only the global error
// page, which replaces the root layout, has its own.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "..", "..");
const ALLOWED = new Set(["app/layout.tsx", "app/global-error.tsx"]);

function tsxFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "_generated" ? [] : tsxFiles(full);
    return e.name.endsWith(".tsx") && !e.name.includes(".test.") ? [full] : [];
  });
}

describe("landmarks", () => {
  it("only the root layout (and the global error page) render <main>", () => {
    const offenders = tsxFiles(path.join(root, "app"))
      .map((f) => path.relative(root, f).split(path.sep).join("/"))
      .filter((f) => !ALLOWED.has(f) && /<main[\s>]/.test(fs.readFileSync(path.join(root, f), "utf8")));
    expect(offenders).toEqual([]);
  });

  it("the skip link's target id is used once, in the root layout", () => {
    const users = tsxFiles(path.join(root, "app")).filter((f) => fs.readFileSync(f, "utf8").includes('id="inhoud"'));
    expect(users.map((f) => path.relative(root, f).split(path.sep).join("/"))).toEqual(["app/layout.tsx"]);
  });
});
