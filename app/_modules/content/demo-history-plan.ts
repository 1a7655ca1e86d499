// One question of the demo history (demo-history.ts), planned in the order the seeded PRNG is drawn: who asks, its
// numbers and maybe a transfer, its life (first response, a wait for the caller, resolution, status).
import "server-only";
import { newId } from "@/app/_core/ids";
import type { DeskId } from "@/app/_core/session";
import {
  addBusinessTime,
  businessDayMs,
  businessMsBetween,
  computeSlaDueTimes,
  type BusinessHours,
} from "@/app/_modules/sla/business-time";
import type { Channel } from "@/app/_modules/tickets/channel";
import { formatReference, referenceYear } from "@/app/_modules/tickets/reference";
import type { TicketStatus } from "@/app/_modules/tickets/schema";
import type { CallerType } from "@/app/_modules/triage/schema";
import {
  DAY,
  HOUR,
  MIN,
  callerTypeOf,
  deskOfSector,
  pick,
  weighted,
  type Agent,
  type Desk,
  type HistoryContext,
  type Org,
  type Person,
} from "./demo-history-context";
import { QUESTIONS, TOPICS_BY_CALLER } from "./demo-history-texts";

/** The moment a question came in, and how. */
export type Arrival = { at: number; channel: Channel };

type Asker = {
  org: Org | null;
  school: Org | null;
  about: Org | null;
  deskId: DeskId;
  callerType: CallerType;
  desk: Desk;
  topic: string;
  question: string;
  person: Person;
};

/** Who asks (an organisation, or a parent), about which school, to which desk, on which topic. */
function whoAsks(ctx: HistoryContext, at: number): Asker {
  const { rng, orgWeights, schools, next, desks, personOf } = ctx;
  // Who asks, and about which school.
  const parent = rng() < 0.05;
  let org = parent ? null : weighted(rng, orgWeights);
  let school: Org | null = null;
  if (
    org &&
    (org.kind === "bestuur" || org.kind === "gemeente" || org.kind === "leverancier" || org.kind === "anders")
  ) {
    const o = org;
    const candidates = schools.filter((s) =>
      o.kind === "bestuur" ? s.bestuurId === o.id : o.kind === "gemeente" ? s.municipalityId === o.id : true,
    );
    if (candidates.length && rng() < (o.kind === "bestuur" ? 0.85 : 0.55)) school = pick(rng, candidates);
  }
  let about = school ?? (org?.kind === "school" ? org : null);
  const deskId: DeskId = about ? deskOfSector(about.sector) : org?.kind === "bestuur" ? "po" : "vo-mbo";
  // Number 1 of a desk (see the transfers below) is asked by one of that desk's own schools, so a question from the
  // same address goes to the same desk again (the intake routes by the e-mail domain's organisation).
  if ((next.get(`${deskId}:${referenceYear(new Date(at))}`) ?? 0) === 0 && org?.kind !== "school") {
    const own = schools.filter((s) => deskOfSector(s.sector) === deskId && s.domain);
    if (own.length) {
      org = pick(rng, own);
      school = null;
      about = org;
    }
  }
  const callerType: CallerType = org ? callerTypeOf(org) : "parent-or-student";
  const desk = desks.get(deskId)!;
  const topic = weighted(rng, TOPICS_BY_CALLER[callerType]);
  const question = pick(rng, QUESTIONS[topic]!).replace("{school}", about?.name ?? "onze school");
  const person = personOf(org);
  return { org, school, about, deskId, callerType, desk, topic, question, person };
}

type Numbers = {
  created: Date;
  year: number;
  hours: BusinessHours;
  dayMs: number;
  transferAt: Date | null;
  firstDesk: Desk;
  firstRef: string;
  ticketNumber: number;
  reference: string;
  ticketId: string;
  requesterId: string;
  agent: Agent | null;
  first: boolean;
  phoneAnswered: boolean;
};

/** Its numbers: sometimes first at the other desk (a number there too) and transferred. */
function numbersAndTransfer(ctx: HistoryContext, { at, channel }: Arrival, { deskId, desk }: Asker): Numbers {
  const { rng, now, next, desks, number, agentsOf } = ctx;
  const created = new Date(at);
  const year = referenceYear(created);
  const hours = desk.hours;
  const dayMs = businessDayMs(hours);

  // Sometimes the question first landed at the other desk and was sent on within the hour or so.
  const transferCandidate = addBusinessTime(created, 20 * MIN + Math.floor(rng() * 2 * HOUR), hours);
  // Never the first ticket of a desk and year: number 1 of both desks stays an open question of its own desk (the
  // transfer tests work on the collision PO-…-000001 / IPO-…-000001).
  const bothStarted = (next.get(`po:${year}`) ?? 0) > 0 && (next.get(`vo-mbo:${year}`) ?? 0) > 0;
  const transferred = bothStarted && rng() < 0.08 && transferCandidate.getTime() < now.getTime() - 10 * MIN;
  const transferAt = transferred ? transferCandidate : null;
  const firstDesk = transferred ? desks.get(deskId === "po" ? "vo-mbo" : "po")! : desk;
  const firstNumber = number(firstDesk.id, year);
  const firstRef = formatReference(firstDesk.referencePrefix, year, firstNumber);
  const ticketNumber = transferred ? number(deskId, year) : firstNumber;
  const reference = formatReference(desk.referencePrefix, year, ticketNumber);

  const ticketId = newId();
  const requesterId = newId();
  const team = agentsOf(deskId);
  const agent = team.length ? pick(rng, team) : null;
  const first = ticketNumber === 1;
  const phoneAnswered = channel === "phone" && !first && rng() < 0.45;
  return {
    created,
    year,
    hours,
    dayMs,
    transferAt,
    firstDesk,
    firstRef,
    ticketNumber,
    reference,
    ticketId,
    requesterId,
    agent,
    first,
    phoneAnswered,
  };
}

type Life = {
  respondedAt: Date;
  waits: boolean;
  callerBackAt: Date | null;
  pausedMs: number;
  resolvedAt: Date;
  closedAt: Date;
  due: ReturnType<typeof computeSlaDueTimes>;
  status: TicketStatus;
  slaPausedAt: Date | null;
  answered: boolean;
  done: boolean;
  assigneeId: string | null;
  author: string | null;
  greeting: string;
  signoff: string;
};

/** Its life: first response, maybe a wait for the caller, resolution, and the status at `now`. */
function lifeOf(ctx: HistoryContext, at: number, { desk, person }: Asker, n: Numbers): Life {
  const { rng, now, past } = ctx;
  const { created, hours, dayMs, transferAt, agent, first, phoneAnswered } = n;
  // The life of the ticket: first response (on time in most cases), maybe a wait for the caller, resolution.
  const frOnTime = rng() < 0.84;
  const respondedAt = phoneAnswered
    ? new Date(at + (4 + Math.floor(rng() * 10)) * MIN)
    : addBusinessTime(
        transferAt ?? created,
        Math.round(dayMs * (frOnTime ? 0.05 + rng() * 0.8 : 1.1 + rng() * 1.8)),
        hours,
      );
  const waits = !phoneAnswered && rng() < 0.2;
  const callerBackAt = waits ? new Date(respondedAt.getTime() + (20 + rng() * 50) * HOUR) : null;
  const pausedMs = callerBackAt ? businessMsBetween(respondedAt, callerBackAt, hours) : 0;
  const resOnTime = rng() < 0.82;
  let resolvedAt: Date;
  if (phoneAnswered) resolvedAt = respondedAt;
  else if (!waits && rng() < 0.55) resolvedAt = respondedAt;
  else
    resolvedAt = addBusinessTime(
      callerBackAt ?? respondedAt,
      Math.round(dayMs * (resOnTime ? 0.2 + rng() * 1.5 : desk.resDays + rng() * 3)),
      hours,
    );
  // A few questions stay open long past their due time (and number 1, see above).
  const stuck = first || (!phoneAnswered && rng() < 0.03 && now.getTime() - at > 14 * DAY);
  const closedAt = new Date(resolvedAt.getTime() + 7 * DAY);
  const due = computeSlaDueTimes({
    createdAt: created,
    pausedMs: callerBackAt && callerBackAt.getTime() <= now.getTime() ? pausedMs : 0,
    hours,
    firstResponseBusinessDays: desk.frDays,
    resolutionBusinessDays: desk.resDays,
  });

  let status: TicketStatus;
  let slaPausedAt: Date | null = null;
  if (!past(respondedAt)) status = agent && rng() < 0.4 ? "open" : "new";
  else if (waits && !past(callerBackAt)) {
    status = "waiting";
    slaPausedAt = respondedAt;
  } else if (stuck || !past(resolvedAt)) status = "open";
  else status = past(closedAt) ? "closed" : "resolved";
  const answered = past(respondedAt);
  const done = status === "resolved" || status === "closed";
  const assigneeId = status === "new" ? null : (agent?.id ?? null);
  const author = assigneeId;
  const greeting = `Beste ${person.name.split(" ")[0]},\n\n`;
  const signoff = `\n\nMet vriendelijke groet,\n${desk.name}`;
  return {
    respondedAt,
    waits,
    callerBackAt,
    pausedMs,
    resolvedAt,
    closedAt,
    due,
    status,
    slaPausedAt,
    answered,
    done,
    assigneeId,
    author,
    greeting,
    signoff,
  };
}

/** A question of the history with everything its rows need. */
export type HistoryTicket = Arrival & Asker & Numbers & Life;

/** Plans one question: who asks, its numbers and transfer, its life. */
export function planTicket(ctx: HistoryContext, arrival: Arrival): HistoryTicket {
  const asker = whoAsks(ctx, arrival.at);
  const numbers = numbersAndTransfer(ctx, arrival, asker);
  const life = lifeOf(ctx, arrival.at, asker, numbers);
  return { ...arrival, ...asker, ...numbers, ...life };
}
