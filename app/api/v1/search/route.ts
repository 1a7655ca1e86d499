// GET /api/v1/search?q=&sector=&audience=&topic=&type=&page=&perPage= — public knowledge-base search (JSON).
import { clientIp } from "@/app/_core/request-ip";
import { route } from "@/app/_core/route";
import { publicSearchSchema, searchAndLog } from "@/app/_modules/search/public-search";

export const dynamic = "force-dynamic";

export const GET = route({ name: "GET /api/v1/search", query: publicSearchSchema }, async ({ req, query: q }) => {
  const { result, searchId } = await searchAndLog(q, {
    source: q.source ?? "api",
    visitor: clientIp(req.headers),
    perPage: q.perPage,
  });
  return {
    query: result.query,
    total: result.total,
    page: result.page,
    perPage: result.perPage,
    didYouMean: result.didYouMean,
    ignoredWords: result.ignoredWords,
    searchId,
    facets: result.facets,
    hits: result.hits.map((h) => ({
      slug: h.slug,
      url: `/artikelen/${h.slug}`,
      title: h.title,
      summary: h.summary,
      topic: h.topic,
      type: h.type,
      titleHtml: h.titleHtml,
      snippetHtml: h.snippetHtml,
    })),
  };
});
