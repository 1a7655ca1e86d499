// npm run db:seed — validates content/ and imports it (idempotent). Exit 1 names the bad file and field.
import path from "node:path";
import { createDb, tuneSqlite } from "@/app/_core/db";
import { env } from "@/app/_core/env";
import { ContentError } from "@/app/_modules/content/errors";
import { seedContent, shouldSeedDemoUsers, type SeedReport } from "@/app/_modules/content/seed";

/** Seeds the database at DATABASE_URL from content/. */
export async function runSeed(quiet = false): Promise<SeedReport> {
  const e = env();
  const db = createDb(e.DATABASE_URL);
  try {
    if (e.DATABASE_URL.startsWith("file:")) await tuneSqlite(db);
    const demo = shouldSeedDemoUsers(e);
    const report = await seedContent(db, { contentDir: path.resolve(__dirname, "..", "content"), demoUsers: demo });
    // The embedded default also gets a few months of demo history, searches and feedback (once).
    // The demo data's modules (the desk's services) are loaded only when it is written: on a fresh database.
    const demoTickets =
      demo &&
      e.DATABASE_URL.startsWith("file:") &&
      process.env.SEED_DEMO_DATA !== "off" &&
      (await db.ticket.count()) === 0
        ? await (
            await import("@/app/_modules/content/demo-data")
          ).seedDemoData(db, new Date(), { sqliteUrl: e.DATABASE_URL })
        : 0;
    if (!quiet) {
      for (const [k, c] of Object.entries(report))
        console.log(`  ${k.padEnd(10)} created ${c.created}, updated ${c.updated}, unchanged ${c.unchanged}`);
      if (demoTickets) console.log(`  demo data  ${demoTickets} tickets with searches, feedback and wizard runs`);
    }
    return report;
  } finally {
    await db.$disconnect();
  }
}

if (require.main === module) {
  runSeed().catch((err) => {
    if (err instanceof ContentError) console.error(`Seed stopped: ${err.message}`);
    else console.error(err);
    process.exit(1);
  });
}
