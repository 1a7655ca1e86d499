// The shapes of a report (/desk/rapportages and its CSV downloads): key figures, weekly rows, breakdowns per
// dimension, deflection by the question analysis and searches without results.
import "server-only";
import type { DeskId, SessionUser } from "@/app/_core/session";
import type { DurationStats, SlaTally } from "./stats";

/** organisation: the asking organisation; school: the school the question is about (on behalf of). */
export type Dimension = "desk" | "sector" | "callerType" | "topic" | "tag" | "organisation" | "school";

export type Kpis = {
  created: number;
  answered: number;
  resolved: number;
  firstResponse: DurationStats;
  resolution: DurationStats;
  slaFirstResponse: SlaTally;
  slaResolution: SlaTally;
};

export type WeekRow = {
  week: string;
  label: string;
  start: string;
  created: number;
  firstResponse: DurationStats;
  resolution: DurationStats;
  slaFirstResponseRate: number | null;
  slaResolutionRate: number | null;
};

/** `code`: the organisation's own code (BRIN, CBS, KvK, bevoegd gezag) for the organisation and school rows. */
export type BreakdownRow = { key: string; label: string; total: number; perWeek: number[]; code?: string | null };
export type Breakdown = { dimension: Dimension; title: string; rows: BreakdownRow[] };

export type DeflectionOutcome = "submitted" | "answered" | "abandoned" | "open";
export type Deflection = {
  runs: number;
  withSuggestions: number;
  outcomes: Record<DeflectionOutcome, number>;
  /** Runs with suggestions that ended without a ticket (answered + abandoned). */
  withoutTicket: number;
  /** withoutTicket / (withoutTicket + submitted); runs still open are left out. */
  rate: number | null;
  runsWithArticleOpened: number;
  articlesOpened: number;
  weekly: {
    week: string;
    label: string;
    withSuggestions: number;
    withoutTicket: number;
    submitted: number;
    rate: number | null;
  }[];
};

export type Searches = {
  total: number;
  zeroResults: number;
  zeroRate: number | null;
  top: { query: string; count: number; lastSearchedAt: string }[];
};

/** Replies of agents that link an article (share), per desk or topic. */
export type ArticleLinkRow = { key: string; label: string; replies: number; withArticle: number; rate: number | null };
export type ArticleLinks = {
  replies: number;
  withArticle: number;
  rate: number | null;
  byDesk: ArticleLinkRow[];
  byTopic: ArticleLinkRow[];
};

export type Report = {
  period: { from: string; to: string };
  timeZone: string;
  generatedAt: string;
  desks: { id: DeskId; label: string }[];
  weeks: { key: string; label: string; start: string }[];
  kpis: Kpis;
  kpisByDesk: { desk: DeskId; label: string; kpis: Kpis }[];
  weekly: WeekRow[];
  volume: Record<Dimension, Breakdown>;
  deflection: Deflection;
  searches: Searches;
  articleLinks: ArticleLinks;
};

export type BuildReportInput = {
  user: SessionUser;
  from: string;
  to: string;
  /** Narrow to these desks; desks the user may not see are ignored. */
  desks?: readonly string[];
  /** The moment "open and past due" is judged against; defaults to now. */
  now?: Date;
  /** How many zero-result searches to list (default 20). */
  topSearches?: number;
  /** Rows per database read (default 5,000); small values let tests exercise the paging. */
  batchSize?: number;
};

/** The title of each volume breakdown (also the CSV section titles). */
export const DIMENSION_TITLES: Record<Dimension, string> = {
  desk: "Tickets per helpdesk",
  sector: "Tickets per sector",
  callerType: "Tickets per soort melder",
  topic: "Tickets per onderwerp",
  tag: "Tickets per tag",
  organisation: "Tickets per organisatie",
  school: "Tickets per school waar de vraag over gaat",
};
