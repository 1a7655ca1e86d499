// GET /api/health — the database's and the search engine's status (200 when both are up, else 503), and how the
// anonymous page cache is doing.
import { db } from "@/app/_core/db";
import { isPostgres } from "@/app/_core/db";
import { pageCache } from "@/app/_core/page-cache";
import { ensureArticleIndex, searchEngine } from "@/app/_modules/search/service";

export const dynamic = "force-dynamic";

export async function GET() {
  const started = performance.now();
  const database = await db()
    .$queryRawUnsafe("SELECT 1")
    .then(() => ({ ok: true, engine: isPostgres() ? "postgresql" : "sqlite" }))
    .catch((e: Error) => ({
      ok: false,
      engine: isPostgres() ? "postgresql" : "sqlite",
      detail: e.message.slice(0, 200),
    }));
  const search = await ensureArticleIndex()
    .then(() => searchEngine().health())
    .catch((e: Error) => ({ ok: false, engine: "unknown", detail: e.message.slice(0, 200) }));
  const ok = database.ok && search.ok;
  const cache = pageCache();
  return Response.json(
    {
      status: ok ? "ok" : "degraded",
      database,
      search,
      pageCache: { entries: cache.size, ...cache.stats },
      ms: Math.round(performance.now() - started),
    },
    { status: ok ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
