// Migrates and seeds the database at DATABASE_URL (default: the embedded SQLite file data/portal.db).
import { env } from "@/app/_core/env";
import { migrateDeploy } from "./lib/migrate";
import { runSeed } from "./seed";

/** Migrate + seed; safe to run on every start. */
export async function prepareDb(): Promise<void> {
  const url = env().DATABASE_URL;
  migrateDeploy(url);
  await runSeed(true);
}

if (require.main === module) {
  prepareDb()
    .then(() => console.log("Database ready."))
    .catch((err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    });
}
