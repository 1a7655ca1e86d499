// A webhook worker in its own process, for the restart test (webhooks.int.test.ts): delivers one batch from
// DATABASE_URL. The test's receiver holds the request open and kills this process (SIGKILL) while it waits, so the
// delivery stays claimed ("sending:…") by a worker that no longer exists.
import { createDb } from "@/app/_core/db";
import { deliverDueWebhooks } from "@/app/_modules/webhooks/worker";

const db = createDb(process.env.DATABASE_URL!);
deliverDueWebhooks(db, { allowInternal: true, timeoutMs: 60_000 })
  .then((r) => process.stdout.write(`done ${JSON.stringify(r)}\n`))
  .finally(() => db.$disconnect());
