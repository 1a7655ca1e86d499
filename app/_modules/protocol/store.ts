// Protocols as imported into the database (from content/protocols/*.yaml) with the rule versions editors added in
// the portal (ProtocolRuleVersion) merged over them, resolved and cached briefly, so a re-seeded threshold is live
// everywhere within seconds without a restart (an editor's save clears the cache at once).
import "server-only";
import { db, type Db } from "@/app/_core/db";
import { protocolDefinitionColumn, ruleThresholdColumn } from "./columns";
import { resolveProtocols, todayIso, type ProtocolSet } from "./engine/definition";
import { mergeEditorVersions, type EditorRuleVersion } from "./engine/editor-versions";

let cache: { at: number; signature: string; set: ProtocolSet } | null = null;
const TTL_MS = 2_000;

type Tx = Pick<Db, "protocol" | "protocolRuleVersion">;

async function readStored(tx: Tx) {
  const [rows, editorRows] = await Promise.all([
    tx.protocol.findMany({ orderBy: { id: "asc" }, select: { id: true, sourceHash: true, definition: true } }),
    tx.protocolRuleVersion.findMany({
      orderBy: [{ validFrom: "asc" }, { createdAt: "asc" }],
      select: { id: true, protocolId: true, ruleId: true, validFrom: true, threshold: true },
    }),
  ]);
  return { rows, editorRows };
}

function resolveStored({ rows, editorRows }: Awaited<ReturnType<typeof readStored>>, day: string): ProtocolSet {
  const set = resolveProtocols(
    rows.map((r) => protocolDefinitionColumn.decode(r.definition)),
    day,
  );
  const versions: EditorRuleVersion[] = editorRows.map((r) => ({
    protocolId: r.protocolId,
    ruleId: r.ruleId,
    validFrom: r.validFrom,
    threshold: ruleThresholdColumn.decode(r.threshold),
  }));
  return mergeEditorVersions(set, versions, day);
}

/** The protocols as stored, with the editors' rule versions, resolved for `day` (uncached; usable in a transaction). */
export async function loadStoredProtocols(tx: Tx, day: string = todayIso()): Promise<ProtocolSet> {
  return resolveStored(await readStored(tx), day);
}

/** All protocols, resolved (extends applied, editors' versions merged). */
export async function getProtocols(): Promise<ProtocolSet> {
  if (cache && Date.now() - cache.at < TTL_MS) return cache.set;
  const stored = await readStored(db());
  // The day is part of the signature: `rules` holds the versions in force today, so a new day re-resolves.
  const today = todayIso();
  const signature = [
    today,
    ...stored.rows.map((r) => `${r.id}:${r.sourceHash}`),
    ...stored.editorRows.map((r) => r.id),
  ].join("|");
  if (cache && cache.signature === signature) {
    cache.at = Date.now();
    return cache.set;
  }
  const set = resolveStored(stored, today);
  cache = { at: Date.now(), signature, set };
  return set;
}

/** Forgets the cache (tests re-seed within the TTL; an editor's new rule version). */
export function clearProtocolCache(): void {
  cache = null;
}
