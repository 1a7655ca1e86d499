"use server";
// Server actions of the organisation pages: a note, merging a duplicate, the "shared" flag, and linking a caller
// (from the ticket page). Each goes through the action() wrapper (role agent, zod input); plain forms post here
// and land back on the page with a message, so the pages work without JavaScript.
import { redirect } from "next/navigation";
import { z } from "zod";
import { action } from "@/app/_core/action";
import { db } from "@/app/_core/db";
import {
  addOrganisationNote,
  linkRequester,
  mergeOrganisations,
  setOrganisationShared,
} from "@/app/_modules/organisations/service";

const AGENT = ["agent"] as const;
const id = z
  .string({ error: "Kies een organisatie." })
  .trim()
  .regex(/^[a-z0-9]{8,40}$/, "Kies een organisatie.");

export const noteAction = action(
  { name: "organisations.note", roles: AGENT, schema: z.object({ organisationId: id, body: z.string().max(4000) }) },
  async (input, { user }) => addOrganisationNote(db(), { ...input, user }),
);

export const mergeAction = action(
  { name: "organisations.merge", roles: AGENT, schema: z.object({ duplicateId: id, intoId: id }) },
  async (input, { user }) => mergeOrganisations(db(), { ...input, user }),
);

export const sharedAction = action(
  {
    name: "organisations.shared",
    roles: AGENT,
    schema: z.object({ organisationId: id, shared: z.enum(["on", "off"]) }),
  },
  async (input, { user }) =>
    setOrganisationShared(db(), { organisationId: input.organisationId, shared: input.shared === "on", user }),
);

export const linkAction = action(
  {
    name: "organisations.link",
    roles: AGENT,
    schema: z.object({ requesterId: id, organisationId: id.or(z.literal("")), reference: z.string().max(40) }),
  },
  async (input, { user }) =>
    linkRequester(db(), { requesterId: input.requesterId, organisationId: input.organisationId || null, user }),
);

const fields = (form: FormData) => Object.fromEntries([...form].filter(([, v]) => typeof v === "string"));
const back = (path: string, r: { ok: true } | { ok: false; error: string; fieldErrors: Record<string, string> }) =>
  redirect(
    `${path}?${new URLSearchParams(r.ok ? { gelukt: "1" } : { fout: Object.values(r.fieldErrors)[0] ?? r.error })}`,
  );

/** Form posts (no JavaScript needed). */
export async function noteForm(form: FormData) {
  const f = fields(form);
  back(`/desk/organisaties/${encodeURIComponent(String(f.organisationId))}`, await noteAction(f));
}
export async function mergeForm(form: FormData) {
  const f = fields(form);
  const r = await mergeAction(f);
  back(`/desk/organisaties/${encodeURIComponent(String(r.ok ? f.intoId : f.duplicateId))}`, r);
}
export async function sharedForm(form: FormData) {
  const f = fields(form);
  back(`/desk/organisaties/${encodeURIComponent(String(f.organisationId))}`, await sharedAction(f));
}
export async function linkForm(form: FormData) {
  const f = fields(form);
  back(`/desk/tickets/${encodeURIComponent(String(f.reference))}`, await linkAction(f));
}
