// Answers plain anonymous views of cached public pages (the search page) from the page cache; everything else
// goes on to the app as usual. No access decisions here: every check is on the server (app/_core/guard.ts).
import { NextResponse, type NextRequest } from "next/server";
import type { PageCache } from "@/app/_core/page-cache";

export async function proxy(req: NextRequest) {
  // Set up at start by instrumentation.ts in this process; without it the page simply renders.
  const cache = (globalThis as { __portalPageCache?: PageCache }).__portalPageCache;
  return (await cache?.serve(req)) ?? NextResponse.next();
}

export const config = { matcher: ["/zoeken"] };
