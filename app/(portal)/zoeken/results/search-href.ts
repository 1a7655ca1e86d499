// Links within /zoeken: the current query and filters with a change applied (page 1 and empty values left out).
import type { SearchQuery } from "@/app/_modules/search/query";

export type SearchHref = (patch: Record<string, string | number | undefined>) => string;

export function searchHref(p: SearchQuery): SearchHref {
  return (patch) => {
    const params = new URLSearchParams();
    const next = {
      q: p.q || undefined,
      sector: p.sector,
      audience: p.audience,
      topic: p.topic,
      type: p.type,
      ...patch,
    };
    for (const [k, v] of Object.entries(next))
      if (v !== undefined && v !== "" && !(k === "page" && String(v) === "1")) params.set(k, String(v));
    const s = params.toString();
    return `/zoeken${s ? `?${s}` : ""}`;
  };
}
