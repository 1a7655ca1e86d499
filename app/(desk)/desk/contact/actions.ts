"use server";
// Server actions of the contact screen, all through the one action() wrapper (role check, zod, error mapping).
import { z } from "zod";
import { action } from "@/app/_core/action";
import { db } from "@/app/_core/db";
import { getPublishedArticle } from "@/app/_modules/articles/service";
import { completeCallback, logContact, searchCallers } from "@/app/_modules/contact/service";
import { callbackDoneSchema, callerSearchSchema } from "@/app/_modules/contact/schema";
import { directoryQuerySchema } from "@/app/_modules/organisations/directory";
import { lastTicketsOf, liveOrganisation, searchOrganisations } from "@/app/_modules/organisations/service";
import { kickOutbox } from "@/app/_modules/mail/outbox";
import { kickWebhooks } from "@/app/_modules/webhooks/worker";

export const searchCallersAction = action(
  { name: "contact.searchCallers", roles: ["agent"], schema: callerSearchSchema },
  async ({ q }, { user }) =>
    (await searchCallers(db(), user, q)).map((h) => ({
      ...h,
      tickets: h.tickets.map((t) => ({ ...t, createdAt: t.createdAt.toISOString() })),
    })),
);

/** The contact screen's typeaheads: organisations (or schools only) by name, code or place. */
export const searchOrganisationsAction = action(
  { name: "contact.searchOrganisations", roles: ["agent"], schema: directoryQuerySchema },
  async ({ q, kind }) => searchOrganisations(db(), { q, kinds: kind ? [kind] : undefined, limit: 8 }),
);

/** The chosen organisation's last tickets on the agent's desks (by it or about it). */
export const organisationTicketsAction = action(
  {
    name: "contact.organisationTickets",
    roles: ["agent"],
    schema: z.object({ id: z.string().regex(/^[a-z0-9]{8,40}$/, "Onbekende organisatie.") }),
  },
  async ({ id }, { user }) => {
    const client = db();
    if (!(await liveOrganisation(client, id))) return [];
    const rows = await lastTicketsOf(client, { organisationId: id, user, limit: 5 });
    return rows.map((t) => ({ ...t, createdAt: t.createdAt.toISOString() }));
  },
);

// The full schema (with its cross-field rules) runs in logContact; here only the shape is passed on.
export const logContactAction = action(
  { name: "contact.log", roles: ["agent"], schema: z.record(z.string(), z.unknown()) },
  async (input, { user }) => {
    const r = await logContact(db(), user, input as never);
    void kickOutbox(db());
    void kickWebhooks(db());
    return r;
  },
);

export const completeCallbackAction = action(
  { name: "contact.callbackDone", roles: ["agent"], schema: callbackDoneSchema },
  async (input, { user }) => {
    const r = await completeCallback(db(), user, input);
    void kickWebhooks(db());
    return r;
  },
);

export const articlePreviewAction = action(
  { name: "contact.articlePreview", roles: ["agent"], schema: z.object({ slug: z.string().max(120) }) },
  async ({ slug }) => {
    const a = await getPublishedArticle(slug);
    return a ? { slug: a.slug, title: a.title, summary: a.summary } : null;
  },
);
