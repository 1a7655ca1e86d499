// GET /desk/contact — "Contact vastleggen": log a phone call (who, what, outcome). ?gesprek=<id> pre-fills an
// announced call's number, ?terugbellen=<id> records a callback's result, ?kenmerk=<ref> adds a call to a ticket.
import type { Metadata } from "next";
import { db } from "@/app/_core/db";
import { isExpectedError } from "@/app/_core/errors";
import { requirePageRole } from "@/app/_core/guard";
import { visibleDesks } from "@/app/_core/session";
import { recentIncomingCalls } from "@/app/_modules/contact/incoming";
import { defaultCallbackDue, getCallback } from "@/app/_modules/contact/service";
import { getTaxonomy } from "@/app/_modules/content/store";
import { deskSlaSettings } from "@/app/_modules/tickets/desk-sla";
import { CALLER_TYPE_LABELS, CALLER_TYPES } from "@/app/_modules/triage/schema";
import { ContactScreen } from "./ContactScreen";
import "../desk.css";

export const metadata: Metadata = { title: "Contact vastleggen" };
export const dynamic = "force-dynamic";

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.slice(0, 60);

export default async function ContactPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageRole(["agent"], "/desk/contact");
  const sp = await searchParams;
  const client = db();
  const desks = visibleDesks(user);
  const now = new Date();
  const [deskRows, colleagues, incoming, taxonomy] = await Promise.all([
    client.desk.findMany({ where: { id: { in: desks } }, orderBy: { id: "asc" } }),
    client.user.findMany({
      where: { active: true, role: { in: ["agent", "admin"] } },
      select: { id: true, name: true, desks: { select: { deskId: true } } },
      orderBy: { name: "asc" },
    }),
    recentIncomingCalls(client, desks, now),
    getTaxonomy(),
  ]);
  const callId = one(sp.gesprek);
  const call = callId
    ? (incoming.find((c) => c.id === callId) ??
      (await client.incomingCall.findFirst({ where: { id: callId, deskId: { in: desks } } })))
    : null;
  let callback: Awaited<ReturnType<typeof getCallback>> | null = null;
  const callbackId = one(sp.terugbellen);
  if (callbackId) {
    try {
      callback = await getCallback(client, user, callbackId);
    } catch (e) {
      if (!isExpectedError(e)) throw e;
    }
  }
  return (
    <div className="container desk contact-page">
      <ContactScreen
        desks={deskRows.map((d) => ({
          id: d.id,
          name: d.name,
          defaultCallbackDue: defaultCallbackDue(now, deskSlaSettings(d).hours).toISOString(),
          colleagues: colleagues
            .filter((c) => c.desks.some((m) => m.deskId === d.id))
            .map((c) => ({ id: c.id, name: c.name })),
        }))}
        callerTypes={CALLER_TYPES.map((c) => ({ id: c, label: CALLER_TYPE_LABELS[c] }))}
        topics={taxonomy.topics.map((t) => ({ id: t.id, label: t.label }))}
        incoming={incoming.map((c) => ({ id: c.id, number: c.callerNumber, at: c.at.toISOString(), deskId: c.deskId }))}
        prefillNumber={call?.callerNumber ?? null}
        prefillDesk={call?.deskId ?? null}
        prefillReference={one(sp.kenmerk) ?? null}
        callback={
          callback
            ? {
                id: callback.id,
                reference: callback.ticket.reference,
                subject: callback.ticket.subject,
                dueAt: callback.dueAt.toISOString(),
                done: !!callback.doneAt,
                caller: {
                  name: callback.ticket.requester.name,
                  organisation: callback.ticket.requester.organisation,
                  phone: callback.ticket.requester.phone,
                },
              }
            : null
        }
      />
    </div>
  );
}
