// The shared state of the demo history (demo-history.ts): the seeded PRNG, the organisations, desks and agents it
// draws from, the rows it collects, the ticket counters and the people cache; plus the small helpers it uses.
import "server-only";
import type { Db, Prisma } from "@/app/_core/db";
import type { DeskId } from "@/app/_core/session";
import type { BusinessHours } from "@/app/_modules/sla/business-time";
import type { CallerType } from "@/app/_modules/triage/schema";
import { FIRST, LAST } from "./demo-history-texts";

export const MIN = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
/** How far back the history goes (calendar days before `now`). */
export const HISTORY_DAYS = 120;

/** Mulberry32: a small, fast, seeded PRNG, so every fresh demo database gets the same history. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export type Rng = () => number;
export const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
export function weighted<T>(rng: Rng, xs: readonly (readonly [T, number])[]): T {
  const total = xs.reduce((s, [, w]) => s + w, 0);
  let r = rng() * total;
  for (const [x, w] of xs) if ((r -= w) < 0) return x;
  return xs[xs.length - 1]![0];
}

export type Org = {
  id: string;
  kind: string;
  sector: string | null;
  name: string;
  code: string | null;
  bestuurId: string | null;
  municipalityId: string | null;
  domain: string | null;
};
export type Desk = {
  id: DeskId;
  name: string;
  article: string;
  phone: string;
  referencePrefix: string;
  hours: BusinessHours;
  frDays: number;
  resDays: number;
};
export type Agent = { id: string; name: string; desks: DeskId[] };

export const callerTypeOf = (o: Org): CallerType =>
  o.kind === "school"
    ? o.sector === "mbo"
      ? "mbo-institution"
      : o.sector === "vo"
        ? "vo-school"
        : "po-school"
    : o.kind === "bestuur"
      ? "school-board"
      : o.kind === "gemeente"
        ? "municipality"
        : o.kind === "leverancier"
          ? "software-vendor"
          : "other";
export const deskOfSector = (s: string | null): DeskId => (s === "po" || s === "so" ? "po" : "vo-mbo");
export const ticketSector = (s: string | null): string | null => (s === "so" ? "po" : s);
export const slug = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/** The offset of Europe/Amsterdam from UTC at `d`, in ms (1 h in winter, 2 h in summer). */
export function amsterdamOffset(d: Date): number {
  const name = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Amsterdam", timeZoneName: "shortOffset" })
    .formatToParts(d)
    .find((p) => p.type === "timeZoneName")!.value;
  return Number(name.replace("GMT", "") || "0") * HOUR;
}

export type Person = { name: string; email: string };
type Article = { id: string; slug: string };
export type HistoryInputs = {
  orgs: Org[];
  desks: Map<DeskId, Desk>;
  agents: Agent[];
  articles: Article[];
  counters: { deskId: string; year: number; value: number }[];
};

/** What the history draws from: organisations (with their first mail domain), desks, agents, articles, counters.
 *  Null when there are no desks yet. */
export async function loadHistoryInputs(db: Db): Promise<HistoryInputs | null> {
  const [orgRows, deskRows, userRows, articles, counters] = await Promise.all([
    db.organisation.findMany({
      where: { mergedIntoId: null },
      orderBy: [{ kind: "asc" }, { code: "asc" }, { name: "asc" }],
      select: {
        id: true,
        kind: true,
        sector: true,
        name: true,
        code: true,
        bestuurId: true,
        municipalityId: true,
        domains: { select: { domain: true }, orderBy: { domain: "asc" }, take: 1 },
      },
    }),
    db.desk.findMany({ orderBy: { id: "asc" } }),
    db.user.findMany({
      where: { role: { in: ["agent", "admin"] }, active: true },
      orderBy: { email: "asc" },
      include: { desks: true },
    }),
    db.article.findMany({ where: { status: "published" }, orderBy: { slug: "asc" }, select: { id: true, slug: true } }),
    db.ticketCounter.findMany(),
  ]);
  if (deskRows.length === 0) return null;
  const orgs: Org[] = orgRows.map((o) => ({ ...o, domain: o.domains[0]?.domain ?? null }));
  const desks = new Map<DeskId, Desk>(
    deskRows.map((d) => [
      d.id as DeskId,
      {
        id: d.id as DeskId,
        name: d.name,
        article: d.article,
        phone: d.phone,
        referencePrefix: d.referencePrefix,
        hours: JSON.parse(d.hours) as BusinessHours,
        frDays: d.firstResponseBusinessDays,
        resDays: d.resolutionBusinessDays,
      },
    ]),
  );
  const agents: Agent[] = userRows.map((u) => ({
    id: u.id,
    name: u.name,
    desks: u.desks.map((d) => d.deskId as DeskId),
  }));
  return { orgs, desks, agents, articles, counters };
}

/** The rows the history collects before it writes them in one go. */
export type HistoryRows = {
  tickets: Prisma.TicketCreateManyInput[];
  requesters: Prisma.RequesterCreateManyInput[];
  messages: Prisma.MessageCreateManyInput[];
  audits: Prisma.AuditEventCreateManyInput[];
  mails: Prisma.MailOutboxCreateManyInput[];
  formers: Prisma.TicketFormerReferenceCreateManyInput[];
  contacts: Prisma.ContactCreateManyInput[];
  callbacks: Prisma.CallbackCreateManyInput[];
  inbound: Prisma.InboundMailCreateManyInput[];
  ticketTags: { ticketId: string; tag: string }[];
  searches: Prisma.SearchLogCreateManyInput[];
  runs: Prisma.DeflectionRunCreateManyInput[];
  feedback: Prisma.ArticleFeedbackCreateManyInput[];
};

export type HistoryContext = HistoryRows & {
  rng: Rng;
  now: Date;
  /** Midnight (UTC) of `now`'s day. */
  day0: number;
  /** The last moment a question may come in: an hour before `now`. */
  latest: number;
  desks: Map<DeskId, Desk>;
  schools: Org[];
  orgWeights: (readonly [Org, number])[];
  articles: Article[];
  /** The last number per `desk:year`, counters from the database first. */
  next: Map<string, number>;
  /** The agents of a desk, the desk's own agents three times (they do most of the work). */
  agentsOf(desk: DeskId): Agent[];
  /** One of the (invented, cached) people of an organisation, or of the parents when `o` is null. */
  personOf(o: Org | null): Person;
  /** The next number of a desk in a year. */
  number(desk: DeskId, year: number): number;
  /** Whether `d` is set and not after `now`. */
  past(d: Date | null): boolean;
};

/** The context for one run: the PRNG seeded with `seed`, the inputs, empty row arrays. */
export function createHistoryContext(inputs: HistoryInputs, now: Date, seed: number): HistoryContext {
  const rng = prng(seed);
  const { orgs, desks, agents, articles, counters } = inputs;
  const agentsOf = (desk: DeskId) => {
    const own = agents.filter((a) => a.desks.length === 1 && a.desks[0] === desk);
    const both = agents.filter((a) => a.desks.includes(desk) && a.desks.length > 1);
    // The desk's own agents do most of the work.
    return [...own, ...own, ...own, ...both];
  };
  const schools = orgs.filter((o) => o.kind === "school");
  // Some organisations ask much more than others: the big vo school, a busy municipality, a vendor.
  const heavy: Record<string, number> = { "12AB": 8, "34CD": 4, "51GH": 4, GM0085: 5, "12345678": 5, "41001": 4 };
  const orgWeights = orgs.map(
    (o) =>
      [
        o,
        heavy[o.code ?? ""] ??
          (o.kind === "gemeente" ? 2.5 : o.kind === "leverancier" ? 2 : o.kind === "bestuur" ? 2 : 1),
      ] as const,
  );
  const people = new Map<string, Person[]>();
  const personOf = (o: Org | null): Person => {
    const key = o?.id ?? "";
    let list = people.get(key);
    if (!list) {
      list = [];
      const n = o ? 1 + Math.floor(rng() * 3) : 12;
      for (let i = 0; i < n; i++) {
        const first = pick(rng, FIRST);
        const last = pick(rng, LAST);
        const local = `${first[0]!.toLowerCase()}.${slug(last).replace(/-/g, "")}`;
        const domain = o
          ? (o.domain ?? `${slug(o.name)}.test`)
          : pick(rng, ["thuismail.test", "postvak.test", "webmail.test"]);
        list.push({ name: `${first} ${last}`, email: `${local}@${domain}` });
      }
      people.set(key, list);
    }
    return pick(rng, list);
  };
  const next = new Map(counters.map((c) => [`${c.deskId}:${c.year}`, c.value]));
  const number = (desk: DeskId, year: number) => {
    const k = `${desk}:${year}`;
    const n = (next.get(k) ?? 0) + 1;
    next.set(k, n);
    return n;
  };
  return {
    rng,
    now,
    day0: Math.floor(now.getTime() / DAY) * DAY,
    latest: now.getTime() - HOUR,
    desks,
    schools,
    orgWeights,
    articles,
    next,
    agentsOf,
    personOf,
    number,
    past: (d: Date | null) => !!d && d.getTime() <= now.getTime(),
    tickets: [],
    requesters: [],
    messages: [],
    audits: [],
    mails: [],
    formers: [],
    contacts: [],
    callbacks: [],
    inbound: [],
    ticketTags: [],
    searches: [],
    runs: [],
    feedback: [],
  };
}
