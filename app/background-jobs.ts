// Which module runs what in the background of a server process: registered here, outside app/_core, so the
// core knows no module (instrumentation.ts loads this file before it starts the background work).
import { env } from "@/app/_core/env";
import { everyTick, inBackground, onStartup } from "@/app/_core/startup";
import { db } from "@/app/_core/db";

onStartup("search-index", async () => (await import("@/app/_modules/search/service")).ensureArticleIndex());
onStartup("page-cache", async () => {
  if (env().PAGE_CACHE) (await import("@/app/_modules/search/search-page-cache")).registerSearchPageCache();
});
// The ticket index is built in the background, so the first agent search does not wait for it.
inBackground("ticket-index", async () => (await import("@/app/_modules/tickets/ticket-search")).syncTicketIndex(db()));
everyTick("outbox", async () => (await import("@/app/_modules/mail/outbox")).kickOutbox(db()));
everyTick("webhooks", async () => (await import("@/app/_modules/webhooks/worker")).kickWebhooks(db()));
everyTick("prune-rate-limits", async () => (await import("@/app/_modules/ratelimit/service")).pruneRateLimits(db()));
everyTick("publish-due-articles", async () => (await import("@/app/(editor)/redactie/publishing")).publishDueJob());
// The e-mail channel: the embedded SMTP receiver and the IMAP pollers (app/_modules/mail/channel.ts).
inBackground("mail-channel", async () => (await import("@/app/_modules/mail/channel")).startMailChannel());
