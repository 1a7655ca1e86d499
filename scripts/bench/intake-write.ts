// The PostgreSQL ticket write in-process, A/B: createTicket through Prisma (nine round trips) against the pg path
// (pg-intake.ts: two round trips), alternating twice at concurrency 50 on a prepared database. Prints tickets/s,
// p50/p95 and the CPU milliseconds per ticket of this process (the part of a ticket the write path costs).
//   npx tsx --conditions=react-server scripts/bench/intake-write.ts postgresql://…/DB [n=1000]
// (the database needs prepare-db; AUTH_SECRET, APP_URL set as for the server).
import { createDb, pgPoolOf } from "@/app/_core/db";
import { createTicket } from "@/app/_modules/tickets/create-ticket";
const url = process.argv[2]!;
const N = Number(process.argv[3] ?? 1000);
if (!/^postgres(ql)?:\/\//.test(url ?? "")) {
  console.error("usage: intake-write.ts postgresql://… [n]");
  process.exit(2);
}
const C = 50;
(async () => {
  const db = createDb(url);
  const pool = pgPoolOf(db)!;
  for (const mode of ["prisma", "pg", "prisma", "pg"] as const) {
    let next = 0;
    const lat: number[] = [];
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: C }, async () => {
        for (let i = next++; i < N; i = next++) {
          const s = performance.now();
          await createTicket(db, {
            input: {
              callerType: "po-school",
              organisation: "School",
              topic: "verzuim-melden",
              question: `AB ${mode} ${i} verzuim van een leerling?`,
              name: "B",
              email: `b${i}@bench.test`,
            },
            deskId: i % 2 ? "po" : "vo-mbo",
            pgPool: mode === "pg" ? pool : undefined,
          });
          lat.push(performance.now() - s);
        }
      }),
    );
    const secs = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    lat.sort((a, b) => a - b);
    console.log(
      JSON.stringify({
        mode,
        perS: Math.round(N / secs),
        p50: +lat[N >> 1]!.toFixed(1),
        p95: +lat[Math.floor(N * 0.95)]!.toFixed(1),
        cpuMsPerTicket: +((cpu.user + cpu.system) / 1000 / N).toFixed(2),
      }),
    );
  }
  await db.$disconnect();
})();
