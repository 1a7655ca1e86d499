// Protocols as imported into the database (from content/protocols/*.yaml), resolved and cached briefly, so a
// re-seeded threshold is live everywhere within seconds without a restart.
import "server-only";
import { db } from "@/app/_core/db";
import { protocolDefinitionColumn } from "./columns";
import { resolveProtocols, todayIso, type ProtocolSet } from "./engine/definition";

let cache: { at: number; signature: string; set: ProtocolSet } | null = null;
const TTL_MS = 2_000;

/** All protocols, resolved (extends applied). */
export async function getProtocols(): Promise<ProtocolSet> {
  if (cache && Date.now() - cache.at < TTL_MS) return cache.set;
  const rows = await db().protocol.findMany({
    orderBy: { id: "asc" },
    select: { id: true, sourceHash: true, definition: true },
  });
  // The day is part of the signature: `rules` holds the versions in force today, so a new day re-resolves.
  const today = todayIso();
  const signature = `${today}|${rows.map((r) => `${r.id}:${r.sourceHash}`).join("|")}`;
  if (cache && cache.signature === signature) {
    cache.at = Date.now();
    return cache.set;
  }
  const set = resolveProtocols(
    rows.map((r) => protocolDefinitionColumn.decode(r.definition)),
    today,
  );
  cache = { at: Date.now(), signature, set };
  return set;
}

/** Forgets the cache (tests re-seed within the TTL). */
export function clearProtocolCache(): void {
  cache = null;
}
