// The queue's URL: which desk, view, filters, sort and page the agent looks at. Parsed leniently (a value that
// does not fit is dropped, never a 500), and written back by queueHref so links keep the other choices.
import { z } from "zod";
import type { DeskId } from "@/app/_core/session";
import {
  QUEUE_SORTS,
  QUEUE_VIEWS,
  queueFiltersSchema,
  type QueueFilters,
  type QueueSort,
  type QueueView,
} from "@/app/_modules/tickets/desk-schema";

export type RawParams = Record<string, string | string[] | undefined>;

export type QueueParams = {
  desk?: DeskId;
  view: QueueView;
  filters: QueueFilters;
  sort: QueueSort;
  cursor?: string;
  /** Free-text ticket search; when set the page shows search results instead of the queue. */
  q?: string;
};

export const DEFAULT_VIEW: QueueView = "nieuw";

const first = (v: string | string[] | undefined): string | undefined =>
  (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
const all = (v: string | string[] | undefined): string[] =>
  (v === undefined ? [] : Array.isArray(v) ? v : [v]).map((x) => x.trim()).filter(Boolean);

const filterShape = queueFiltersSchema.shape;
function fits<T>(schema: z.ZodType<T>, value: unknown): T | undefined {
  if (value === undefined) return undefined;
  const r = schema.safeParse(value);
  return r.success ? r.data : undefined;
}

/** Reads the queue's search params; unknown or malformed values are ignored. */
export function parseQueueParams(raw: RawParams, visible: readonly DeskId[]): QueueParams {
  const desk = first(raw.desk) as DeskId | undefined;
  const view = first(raw.view) as QueueView | undefined;
  const sort = first(raw.sort) as QueueSort | undefined;
  const status = all(raw.status).filter((s) => fits(filterShape.status, [s]));
  const filters: QueueFilters = {};
  if (status.length) filters.status = [...new Set(status)] as QueueFilters["status"];
  const topic = fits(filterShape.topic, first(raw.topic));
  if (topic) filters.topic = topic;
  const sector = fits(filterShape.sector, first(raw.sector));
  if (sector) filters.sector = sector;
  const callerType = fits(filterShape.callerType, first(raw.callerType));
  if (callerType) filters.callerType = callerType;
  const tag = fits(filterShape.tag, first(raw.tag));
  if (tag) filters.tag = tag;
  const channel = fits(filterShape.channel, first(raw.channel));
  if (channel) filters.channel = channel;
  const assignee = fits(filterShape.assignee, first(raw.assignee));
  if (assignee) filters.assignee = assignee;
  const cursor = first(raw.cursor);
  const q = first(raw.q)?.slice(0, 200);
  return {
    desk: desk && visible.includes(desk) ? desk : undefined,
    view: view && (QUEUE_VIEWS as readonly string[]).includes(view) ? view : DEFAULT_VIEW,
    filters,
    sort: sort && (QUEUE_SORTS as readonly string[]).includes(sort) ? sort : "sla",
    cursor: cursor && cursor.length <= 500 && /^[A-Za-z0-9_-]+$/.test(cursor) ? cursor : undefined,
    q: q || undefined,
  };
}

/** A /desk link for these params with some replaced; the cursor is dropped unless given (a new list starts at page 1). */
export function queueHref(p: QueueParams, over: Partial<QueueParams> = {}): string {
  const n: QueueParams = { ...p, cursor: undefined, ...over };
  const s = new URLSearchParams();
  if (n.desk) s.set("desk", n.desk);
  if (n.q) s.set("q", n.q);
  if (n.view !== DEFAULT_VIEW) s.set("view", n.view);
  for (const st of n.filters.status ?? []) s.append("status", st);
  for (const k of ["topic", "sector", "callerType", "channel", "tag", "assignee"] as const) {
    const v = n.filters[k];
    if (v) s.set(k, v);
  }
  if (n.sort !== "sla") s.set("sort", n.sort);
  if (n.cursor) s.set("cursor", n.cursor);
  const qs = s.toString();
  return qs ? `/desk?${qs}` : "/desk";
}

/** Whether any filter is set (for the "clear filters" link). */
export const hasFilters = (f: QueueFilters) => Object.values(f).some((v) => (Array.isArray(v) ? v.length > 0 : !!v));
