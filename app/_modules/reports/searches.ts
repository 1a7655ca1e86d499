// Searches without results on the portal in a period: totals and the most searched normalised queries.
import "server-only";
import type { Db } from "@/app/_core/db";
import type { Searches } from "./report-types";

/** Search totals and the `limit` (1..200) most frequent zero-result queries between `start` and `end`. */
export async function searchSection(db: Db, start: Date, end: Date, limit: number): Promise<Searches> {
  const period = { createdAt: { gte: start, lt: end } };
  const [total, zeroResults, groups] = await Promise.all([
    db.searchLog.count({ where: period }),
    db.searchLog.count({ where: { ...period, resultCount: 0 } }),
    db.searchLog.groupBy({
      by: ["normalized"],
      where: { ...period, resultCount: 0, normalized: { not: "" } },
      _count: { normalized: true },
      _max: { createdAt: true },
      orderBy: [{ _count: { normalized: "desc" } }, { normalized: "asc" }],
      take: Math.max(1, Math.min(200, limit)),
    }),
  ]);
  return {
    total,
    zeroResults,
    zeroRate: total === 0 ? null : zeroResults / total,
    top: groups.map((g) => ({
      query: g.normalized,
      count: g._count.normalized,
      lastSearchedAt: g._max.createdAt?.toISOString() ?? "",
    })),
  };
}
