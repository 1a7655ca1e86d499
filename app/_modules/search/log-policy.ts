// Which searches reach the content-gap report (/redactie/hiaten), and how many per visitor.
//
// Settled searches only: search-as-you-type asks the API after every short pause, so "te laa" would be logged on
// its way to "te laat melden". An autocomplete search is therefore held per visitor for SETTLE_MS: a later search
// from the same visitor that extends it (or that it extends: a correction) replaces it, and a submitted search
// (the /zoeken page) drops it. What is still held after SETTLE_MS of quiet, or when a suggestion is clicked, was
// settled and is logged. (Visitors are told apart by address; with several app instances a submit that lands on
// another instance than the typing cannot drop the prefix there, which is rare and only ever logs one prefix.)
//
// Per visitor, at most SEARCH_LOG_LIMIT searches per window are logged, counted in the database when a batch is
// written (so the limit holds across instances and costs one query per visitor per batch, not per search):
// a flood of searches still gets answers but cannot fill the report.
import "server-only";
import type { Db } from "@/app/_core/db";
import { SEARCH_LOG_LIMIT } from "@/app/_modules/ratelimit/public-writes";
import { fold } from "./text";

export const SETTLE_MS = 4_000;

type Held<E> = { entry: E; key: string; timer: ReturnType<typeof setTimeout> };

/** Holds autocomplete searches until they settle; `emit` receives the ones that reach the log. */
export class SettleBuffer<E extends { id: string; query: string }> {
  private readonly held = new Map<string, Held<E>>();

  constructor(
    private readonly emit: (entry: E) => void,
    private readonly settleMs = SETTLE_MS,
    private readonly maxVisitors = 10_000,
  ) {}

  /** An autocomplete search: held until it settles; replaces a held search it extends or corrects. */
  typing(visitor: string, entry: E): void {
    this.supersede(visitor, entry.query);
    if (this.held.size >= this.maxVisitors) this.releaseOldest();
    const timer = setTimeout(() => this.release(visitor), this.settleMs);
    timer.unref?.();
    this.held.set(visitor, { entry, key: settleKey(entry.query), timer });
  }

  /** A submitted search: logged now; a held search it extends is dropped. */
  submitted(visitor: string, entry: E): void {
    this.supersede(visitor, entry.query);
    this.emit(entry);
  }

  /** Logs the held search with this id now (its suggestion was clicked: the search settled there). */
  releaseId(id: string): void {
    for (const [visitor, h] of this.held) if (h.entry.id === id) this.release(visitor);
  }

  get size(): number {
    return this.held.size;
  }

  private supersede(visitor: string, query: string): void {
    const prev = this.held.get(visitor);
    if (!prev) return;
    clearTimeout(prev.timer);
    this.held.delete(visitor);
    const key = settleKey(query);
    // Unrelated: the visitor moved on to another subject, so the earlier search had settled.
    if (!(key.startsWith(prev.key) || prev.key.startsWith(key))) this.emit(prev.entry);
  }

  private release(visitor: string): void {
    const h = this.held.get(visitor);
    if (!h) return;
    clearTimeout(h.timer);
    this.held.delete(visitor);
    this.emit(h.entry);
  }

  private releaseOldest(): void {
    const first = this.held.keys().next();
    if (!first.done) this.release(first.value);
  }
}

/** Query text compared for "extends": folded, lower case, single spaces. */
export function settleKey(query: string): string {
  return fold(query).toLowerCase().replace(/\s+/g, " ").trim();
}

/**
 * The rows of a batch that may be logged: per visitor, what is left of SEARCH_LOG_LIMIT in the window (counted
 * in RateLimitHit, like the other limits); the admitted rows are counted there too.
 */
export async function admitSearchLogs<R extends { visitor?: string }>(
  db: Db,
  rows: R[],
  opts: { limitsOn: boolean; now?: Date },
): Promise<Omit<R, "visitor">[]> {
  const strip = (r: R): Omit<R, "visitor"> => {
    const { visitor: _visitor, ...rest } = r;
    return rest;
  };
  if (!opts.limitsOn) return rows.map(strip);
  const now = opts.now ?? new Date();
  const since = new Date(now.getTime() - SEARCH_LOG_LIMIT.windowMs);
  const byVisitor = new Map<string, R[]>();
  for (const r of rows) {
    const v = r.visitor ?? "unknown";
    byVisitor.set(v, [...(byVisitor.get(v) ?? []), r]);
  }
  const admitted: R[] = [];
  const hits: { bucket: string; key: string; createdAt: Date }[] = [];
  for (const [visitor, list] of byVisitor) {
    const used = await db.rateLimitHit.count({
      where: { bucket: "search-log", key: visitor, createdAt: { gt: since } },
    });
    const room = Math.max(0, SEARCH_LOG_LIMIT.perAddress - used);
    admitted.push(...list.slice(0, room));
    for (let i = 0; i < Math.min(room, list.length); i++)
      hits.push({ bucket: "search-log", key: visitor, createdAt: now });
  }
  if (hits.length) await db.rateLimitHit.createMany({ data: hits });
  const keep = new Set(admitted);
  return rows.filter((r) => keep.has(r)).map(strip);
}
