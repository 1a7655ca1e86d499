// A mail worker in its own process, for the outbox crash test (outbox.int.test.ts): delivers one batch from
// DATABASE_URL to .eml files in MAIL_DIR, one mail at a time, and reports each written file on stdout. With
// PAUSE_AFTER=n it stops after writing the n-th file (before the row is marked sent) and says "paused", so the test
// can kill it at exactly that point with SIGKILL.
import { createDb } from "@/app/_core/db";
import { deliverPendingMail } from "@/app/_modules/mail/outbox";
import { createEmlFolderTransport } from "@/app/_modules/mail/transport";

const db = createDb(process.env.DATABASE_URL!);
const eml = createEmlFolderTransport(process.env.MAIL_DIR!);
const pauseAfter = Number(process.env.PAUSE_AFTER ?? 0);
let written = 0;
const transport = {
  async send(msg: Parameters<typeof eml.send>[0]) {
    const r = await eml.send(msg);
    written++;
    process.stdout.write(`written ${msg.messageId}\n`);
    if (written === pauseAfter) {
      process.stdout.write("paused\n");
      await new Promise(() => {}); // wait here to be killed
    }
    return r;
  },
};
deliverPendingMail(db, transport, { limit: Number(process.env.LIMIT ?? 100), concurrency: 1 })
  .then((r) => process.stdout.write(`done ${JSON.stringify(r)}\n`))
  .finally(() => db.$disconnect());
