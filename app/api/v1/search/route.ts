// GET /api/v1/search?q=&sector=&audience=&topic=&type=&page=&perPage= — public knowledge-base search (JSON).
import { clientIp } from "@/app/_core/request-ip";
import { route } from "@/app/_core/route";
import { getTaxonomy } from "@/app/_modules/content/store";
import { searchQuerySchema } from "@/app/_modules/search/query";
import { logSearch, searchArticles } from "@/app/_modules/search/service";

export const dynamic = "force-dynamic";

export const GET = route(
  { name: "GET /api/v1/search", query: async () => searchQuerySchema(await getTaxonomy()) },
  async ({ req, query: q }) => {
    const result = await searchArticles({
      q: q.q,
      sector: q.sector,
      audience: q.audience,
      topic: q.topic,
      type: q.type,
      page: q.page,
      perPage: q.perPage,
    });
    const searchId = q.q.trim()
      ? logSearch({ query: q.q, resultCount: result.total, source: q.source ?? "api", visitor: clientIp(req.headers) })
      : null;
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
  },
);
