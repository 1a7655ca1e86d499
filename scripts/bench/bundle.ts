// First-load JavaScript per page route, gzip -9, from the production build's own manifests (no server needed), and
// a budget check: each route's JavaScript over the framework floor must stay within its budget. Run in CI after
// the build. Exit 1 names every route over its budget.
//   npx tsx --conditions=react-server scripts/bench/bundle.ts [--json]
//
// What is counted, per route: the files a modern browser loads before the page is interactive — the framework's root
// files (`rootMainFiles` in .next/build-manifest.json: React, the router, the Turbopack runtime) plus the route's
// entry chunks for every segment of its tree (root layout, route-group layouts, error and not-found boundaries, the
// page: `entryJSFiles` in the page's client reference manifest). Each file once, gzip level 9. The `noModule`
// polyfills, which modern browsers skip, are reported apart.
// The floor is what every page pays without any code of ours: the root files alone. (Issue #18 measured a fresh
// Next.js 16 one-page app at 174 KB counting every script tag, polyfills included; by this count the same app is the
// floor plus its own small layout and page.)
//
// Budgets are a ratchet: today's size plus a little, so a change that makes a page heavier fails CI. The goals of
// issue #18 are listed beside them (`goalKb`) and reported; a route meets its goal when it is within it.
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import zlib from "node:zlib";
import { root } from "../lib/server";

const next = path.join(root, process.env.NEXT_DIST_DIR || ".next");

/** Budget and goal over the floor, in KB (gzip -9), per route; routes not listed are reported without a budget. */
export const BUDGETS_KB: Record<string, { budget: number; goal: number }> = {
  "/(portal)/page": { budget: 12, goal: 12 },
  "/(portal)/zoeken/page": { budget: 12, goal: 12 },
  "/(portal)/artikelen/[slug]/page": { budget: 12, goal: 12 },
  "/(portal)/privacy/page": { budget: 12, goal: 12 },
  "/(portal)/wat-is-er-veranderd/page": { budget: 12, goal: 12 },
  "/(portal)/vraag/page": { budget: 38, goal: 31 },
  "/(portal)/verzuimcheck/page": { budget: 38, goal: 31 },
  "/(editor)/redactie/artikelen/[id]/page": { budget: 185, goal: 156 },
  "/(desk)/desk/tickets/[reference]/page": { budget: 240, goal: 240 },
  "/(desk)/desk/contact/page": { budget: 25, goal: 25 },
};

const gz = new Map<string, number>();
function gzipKb(file: string): number {
  let size = gz.get(file);
  if (size === undefined) {
    size = zlib.gzipSync(fs.readFileSync(path.join(next, file)), { level: 9 }).length;
    gz.set(file, size);
  }
  return size / 1024;
}
const sum = (files: Iterable<string>) => [...new Set(files)].reduce((s, f) => s + gzipKb(f), 0);

function manifests(): { route: string; files: string[] }[] {
  const out: { route: string; files: string[] }[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === "page_client-reference-manifest.js") {
        const sandbox: { self: Record<string, unknown>; globalThis?: unknown } = { self: {} };
        sandbox.globalThis = sandbox.self;
        vm.runInNewContext(fs.readFileSync(p, "utf8"), sandbox);
        const all = (sandbox.self.__RSC_MANIFEST ?? {}) as Record<string, { entryJSFiles: Record<string, string[]> }>;
        for (const [route, m] of Object.entries(all)) out.push({ route, files: Object.values(m.entryJSFiles).flat() });
      }
    }
  };
  walk(path.join(next, "server", "app"));
  return out.sort((a, b) => a.route.localeCompare(b.route));
}

function main() {
  if (!fs.existsSync(path.join(next, "BUILD_ID"))) {
    console.error(`No build in ${next}: run \`npx next build\` first.`);
    process.exit(2);
  }
  const build = JSON.parse(fs.readFileSync(path.join(next, "build-manifest.json"), "utf8")) as {
    rootMainFiles: string[];
    polyfillFiles: string[];
  };
  const floor = sum(build.rootMainFiles);
  const polyfills = sum(build.polyfillFiles);
  const rows = manifests().map(({ route, files }) => {
    const total = sum([...build.rootMainFiles, ...files]);
    const b = BUDGETS_KB[route];
    return {
      route,
      firstLoadKb: +total.toFixed(1),
      overFloorKb: +(total - floor).toFixed(1),
      budgetKb: b?.budget ?? null,
      goalKb: b?.goal ?? null,
      ok: !b || total - floor <= b.budget,
      meetsGoal: !b || total - floor <= b.goal,
    };
  });
  const missing = Object.keys(BUDGETS_KB).filter((r) => !rows.some((x) => x.route === r));
  if (process.argv.includes("--json"))
    console.log(JSON.stringify({ floorKb: +floor.toFixed(1), polyfillsKb: +polyfills.toFixed(1), rows, missing }));
  else {
    console.log(
      `Framework floor (root files): ${floor.toFixed(1)} KB gzip -9; noModule polyfills apart: ${polyfills.toFixed(1)} KB`,
    );
    for (const r of rows)
      console.log(
        `${r.ok ? "  " : "✗ "}${r.route.padEnd(48)} ${String(r.firstLoadKb).padStart(7)} KB  +${String(r.overFloorKb).padStart(6)}${r.budgetKb === null ? "" : ` (budget +${r.budgetKb}, goal +${r.goalKb}${r.meetsGoal ? ": met" : ": not met"})`}`,
      );
  }
  const over = rows.filter((r) => !r.ok);
  for (const m of missing) console.error(`Budgeted route not in the build: ${m}`);
  for (const r of over)
    console.error(`Over budget: ${r.route} is +${r.overFloorKb} KB over the floor (budget +${r.budgetKb} KB)`);
  if (over.length || missing.length) process.exit(1);
}

main();
