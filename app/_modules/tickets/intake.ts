// Intake: turns a validated question into a ticket for the right desk. Shared by the wizard (server action)
// and POST /api/v1/tickets. Rate-limited per IP in the database; the desk comes from the triage engine.
import "server-only";
import { db, isPostgres, pgPoolOf } from "@/app/_core/db";
import { env } from "@/app/_core/env";
import { ForbiddenError, RateLimitError, ValidationError } from "@/app/_core/errors";
import type { DeskId } from "@/app/_core/session";
import { getTaxonomy } from "@/app/_modules/content/store";
import { kickOutbox } from "@/app/_modules/mail/outbox";
import { kickWebhooks } from "@/app/_modules/webhooks/worker";
import { hitRateLimit } from "@/app/_modules/ratelimit/service";
import { storage } from "@/app/_modules/storage/storage";
import {
  matchCaller,
  organisationFacts,
  resolveSchoolConcerned,
  type CallerMatch,
  type OrganisationSummary,
} from "@/app/_modules/organisations/service";
import { triage, type TriageResult } from "@/app/_modules/triage/engine";
import type { RoutingFacts } from "@/app/_modules/triage/organisation";
import type { Channel } from "./channel";
import type { IntakeInput } from "./schema";
import { createTicket } from "./create-ticket";
import { type UploadedFile } from "./attachment-files";

export const TICKET_RATE_LIMIT = { limit: 5, windowMs: 10 * 60_000 };

/** Decides the desk for a question, or explains in Dutch (per field) why no ticket can be made. */
export function deskForIntake(
  input: Pick<IntakeInput, "callerType" | "sector" | "question">,
  facts?: RoutingFacts,
): {
  deskId: DeskId;
  triage: TriageResult;
} {
  const t = triage({ callerType: input.callerType, sector: input.sector, question: input.question }, undefined, facts);
  if (t.desk === "out-of-scope") {
    throw new ValidationError("Deze vraag kunnen de helpdesks niet beantwoorden.", [
      {
        path: "callerType",
        message:
          "De helpdesks helpen alleen scholen, gemeenten en softwareleveranciers. Bent u ouder of leerling? Neem contact op met de school of met de leerplichtambtenaar van uw gemeente.",
      },
    ]);
  }
  if (t.desk === "unknown") {
    throw new ValidationError("Wij weten nog niet welke helpdesk u helpt.", [
      { path: "sector", message: t.clarify ?? "Kies de sector: po, vo of mbo." },
    ]);
  }
  return { deskId: t.desk, triage: t };
}

/**
 * Creates the ticket (after the rate limit), marks the wizard run as submitted and starts mail delivery.
 * `desks`: an API token's desks — the ticket goes to `deskId` (or the triage desk) only if it is one of them,
 * and token calls skip the per-IP rate limit of anonymous intake.
 */
export async function submitQuestion(opts: {
  input: IntakeInput;
  attachments?: UploadedFile[];
  ip: string;
  channel: Channel;
  runId?: string;
  desks?: readonly DeskId[];
  deskId?: DeskId;
}) {
  const taxonomy = await getTaxonomy();
  if (!taxonomy.topics.some((t) => t.id === opts.input.topic)) {
    throw new ValidationError("Onbekend onderwerp.", [{ path: "topic", message: "Kies een onderwerp uit de lijst." }]);
  }
  const { match, school, facts } = await intakeOrganisation(db(), opts.input);
  const { deskId, triage: t } = opts.deskId
    ? {
        deskId: opts.deskId,
        triage: triage(
          { callerType: opts.input.callerType, sector: opts.input.sector, question: opts.input.question },
          undefined,
          facts,
        ),
      }
    : deskForIntake(opts.input, facts);
  if (opts.desks && !opts.desks.includes(deskId)) {
    throw new ForbiddenError(
      `Deze token mag geen vragen aanmaken voor de helpdesk ${deskId}. Geef een desk mee waarvoor de token geldt.`,
    );
  }
  const client = db();
  if (env().RATE_LIMITS && !opts.desks) {
    const r = await hitRateLimit(client, { bucket: "tickets", key: opts.ip, ...TICKET_RATE_LIMIT });
    if (!r.allowed) {
      throw new RateLimitError(
        `U heeft in korte tijd veel vragen gesteld. Wacht ${Math.ceil(r.retryAfterMs / 60_000)} minuten en probeer het dan opnieuw. Is het dringend? Bel de helpdesk.`,
        r.retryAfterMs / 1000,
      );
    }
  }
  // The sector for reports: chosen by the caller, else what triage derived from the caller type, desk and text.
  const input = opts.input.sector || !t.sector ? opts.input : { ...opts.input, sector: t.sector };
  const created = await createTicket(client, {
    input,
    deskId,
    attachments: opts.attachments,
    storage: opts.attachments?.length ? storage() : undefined,
    triage: { desk: t.desk, topic: t.topic, reasons: t.reasons, protocolHints: t.protocolHints },
    channel: opts.channel,
    sqliteUrl: isPostgres() ? undefined : env().DATABASE_URL,
    pgPool: pgPoolOf(client),
    organisation: match ? { id: match.organisation.id, matchedBy: match.matchedBy } : null,
    schoolId: school && school.id !== match?.organisation.id ? school.id : null,
  });
  if (opts.runId) await markRun(opts.runId, "submitted");
  void kickOutbox(client);
  void kickWebhooks(client);
  return created;
}

/**
 * The caller's organisation (chosen in the typeahead, by e-mail domain or by school code) and the school the
 * question is about, with the facts routing needs. An unknown school concerned is a field error.
 */
export async function intakeOrganisation(
  client: ReturnType<typeof db>,
  input: Pick<IntakeInput, "email" | "schoolCode" | "organisationId" | "aboutSchoolCode">,
): Promise<{ match: CallerMatch; school: OrganisationSummary | null; facts: RoutingFacts }> {
  const [match, school] = await Promise.all([
    matchCaller(client, { email: input.email, schoolCode: input.schoolCode, chosenId: input.organisationId }),
    resolveSchoolConcerned(client, { schoolCode: input.aboutSchoolCode, field: "aboutSchoolCode" }),
  ]);
  const [organisation, schoolFacts] = await Promise.all([
    organisationFacts(client, match?.organisation ?? null),
    organisationFacts(client, school),
  ]);
  return {
    match,
    school,
    facts: { ...(organisation ? { organisation } : {}), ...(schoolFacts ? { school: schoolFacts } : {}) },
  };
}

export const DEFLECTION_EVENTS = ["started", "suggestions_shown", "article_opened", "abandoned", "answered"] as const;
export type DeflectionEvent = (typeof DEFLECTION_EVENTS)[number];

/** Records a wizard event for the aggregated deflection report (no cookies: the run id lives in page memory). */
export async function recordDeflection(runId: string, event: DeflectionEvent): Promise<void> {
  const client = db();
  await client.deflectionRun.upsert({ where: { id: runId }, create: { id: runId }, update: {} });
  if (event === "suggestions_shown")
    await client.deflectionRun.update({ where: { id: runId }, data: { suggestionsShown: { increment: 1 } } });
  else if (event === "article_opened")
    await client.deflectionRun.update({ where: { id: runId }, data: { articlesOpened: { increment: 1 } } });
  else if (event === "abandoned" || event === "answered") await markRun(runId, event);
}

async function markRun(runId: string, outcome: "submitted" | "abandoned" | "answered") {
  // A submitted run stays submitted; "abandoned" never overwrites a real outcome.
  await db().deflectionRun.upsert({ where: { id: runId }, create: { id: runId, outcome }, update: {} });
  await db().deflectionRun.updateMany({
    where: { id: runId, outcome: outcome === "submitted" ? { not: "submitted" } : "open" },
    data: { outcome },
  });
}
