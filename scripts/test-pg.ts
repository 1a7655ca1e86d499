// npm run test:pg — the integration suite (*.int.test.ts) against a real PostgreSQL (each test file creates
// its own database and drops it after). Starts nothing: PostgreSQL must be reachable at TEST_PG_URL
// (default postgresql://postgres@127.0.0.1:5432/postgres); .ci/run starts it when it is down.
import { spawnSync } from "node:child_process";
import path from "node:path";
import pg from "pg";

const root = path.resolve(__dirname, "..");
const url = process.env.TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

async function main() {
  const c = new pg.Client({ connectionString: url });
  try {
    await c.connect();
    await c.query("select 1");
  } catch (e) {
    console.error(`PostgreSQL is not reachable at ${url}: ${(e as Error).message}`);
    process.exit(1);
  } finally {
    await c.end().catch(() => {});
  }
  // `npm run test:pg -- mail/inbound` narrows the run to the test files whose path contains a filter (vitest ORs
  // its filters, so ".int.test" and a filter together would run everything); options such as `-t name` pass on.
  const filters: string[] = [];
  const options: string[] = [];
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    if (!args[i]!.startsWith("-")) filters.push(args[i]!);
    else {
      options.push(args[i]!);
      if (["-t", "--testNamePattern"].includes(args[i]!) && args[i + 1] !== undefined) options.push(args[++i]!);
    }
  }
  const r = spawnSync(
    path.join(root, "node_modules", ".bin", "vitest"),
    ["run", ...(filters.length ? filters : [".int.test"]), ...options],
    {
      stdio: "inherit",
      env: { ...process.env, TEST_DB: "postgres" },
      cwd: root,
    },
  );
  process.exit(r.status ?? 1);
}

main();
