// The e-mail benchmark's receiver process: the same background work a server process starts from
// instrumentation.ts (environment check, SQLite tuning, the search and ticket indexes, the mail outbox and webhook
// workers, and the embedded SMTP receiver on INBOUND_SMTP_PORT), without Next's HTTP side. scripts/bench/mail.ts
// starts it, kills it with SIGKILL in the middle of a run and starts it again.
//   DATABASE_URL=… INBOUND_SMTP_PORT=… npx tsx --conditions=react-server scripts/bench/mail-receiver.ts
async function main() {
  const { env } = await import("@/app/_core/env");
  env();
  await import("@/app/background-jobs");
  const { startBackgroundWork } = await import("@/app/_core/startup");
  await startBackgroundWork();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
