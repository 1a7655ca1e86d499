// Migrates and seeds the database at DATABASE_URL (default: the embedded SQLite file data/portal.db).
// `--start` (used by npm start) also validates the environment first and prints the demo accounts.
import { env } from "@/app/_core/env";
import { DEMO_PASSWORD, DEMO_USERS } from "@/app/_modules/content/demo-users";
import { shouldSeedDemoUsers } from "@/app/_modules/content/seed";
import { migrateDeploy } from "./lib/migrate";
import { runSeed } from "./seed";

/** Migrate + seed; safe to run on every start. */
export async function prepareDb(): Promise<void> {
  const url = env().DATABASE_URL;
  migrateDeploy(url);
  await runSeed(true);
}

function printDemoAccounts(): void {
  if (!shouldSeedDemoUsers(env())) return;
  console.log(`  Demo accounts (password for all: ${DEMO_PASSWORD}):`);
  for (const u of DEMO_USERS)
    console.log(
      `    ${u.role.padEnd(6)} ${u.email.padEnd(28)} ${u.desks.length ? `desks: ${u.desks.join(", ")}` : ""}`,
    );
}

if (require.main === module) {
  const start = process.argv.includes("--start");
  if (start) console.log("Preparing the database…");
  prepareDb()
    .then(() => (start ? printDemoAccounts() : console.log("Database ready.")))
    .catch((err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    });
}
