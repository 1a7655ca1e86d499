// GET /wat-is-er-veranderd/atom.xml — public Atom feed of published changes (articles and protocols; never desk
// settings), for schools and software vendors who follow changes.
import { db } from "@/app/_core/db";
import { env } from "@/app/_core/env";
import { route } from "@/app/_core/route";
import { atomFeed } from "@/app/_modules/changes/atom";
import { listPublicChanges } from "@/app/_modules/changes/feed";

export const dynamic = "force-dynamic";

export const GET = route({ name: "GET /wat-is-er-veranderd/atom.xml" }, async () => {
  const xml = atomFeed(env().APP_URL.replace(/\/$/, ""), await listPublicChanges(db()));
  return new Response(xml, {
    headers: { "content-type": "application/atom+xml; charset=utf-8", "cache-control": "public, max-age=300" },
  });
});
