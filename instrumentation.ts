// Runs once when a Next.js server starts: validate the environment (a wrong variable stops the server with
// its name), tune SQLite, build the search index, and start the background workers (mail outbox, scheduled
// publishing). Workers are safe with several instances: rows are claimed before they are worked on.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./app/_core/env");
  env();
  // Before anything else answers a request: the socket address, which clients cannot forge (rate limits).
  const { installPeerHeader } = await import("./app/_core/client-ip");
  await installPeerHeader();
  await import("./app/background-jobs"); // registers each module's start-up tasks and periodic jobs
  const { startBackgroundWork } = await import("./app/_core/startup");
  await startBackgroundWork();
}
