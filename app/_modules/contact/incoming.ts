// Calls announced by a phone system (POST /api/v1/contacts): matched to known callers by number and listed for
// their desk ("Binnenkomende gesprekken") for a few minutes, with a link that opens the contact screen pre-filled.
import "server-only";
import type { ApiPrincipal } from "@/app/_core/api-token";
import type { Db } from "@/app/_core/db";
import { env } from "@/app/_core/env";
import { ForbiddenError, ValidationError } from "@/app/_core/errors";
import type { DeskId } from "@/app/_core/session";
import { normalisePhone, phoneVariants } from "./phone";

/** How long an announced call stays in the desk's list. */
export const INCOMING_CALL_MINUTES = 10;

export type CallerMatch = {
  name: string;
  organisation: string;
  email: string;
  phone: string | null;
  lastReference: string | null;
};

/** Known callers with this number (newest first, one per e-mail address) and their latest ticket. */
export async function callersByPhone(db: Db, number: string, limit = 5): Promise<CallerMatch[]> {
  const rows = await db.requester.findMany({
    where: { phone: { in: phoneVariants(number) } },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: {
      name: true,
      organisation: true,
      email: true,
      phone: true,
      tickets: { orderBy: { createdAt: "desc" }, take: 1, select: { reference: true } },
    },
  });
  const seen = new Set<string>();
  const out: CallerMatch[] = [];
  for (const r of rows) {
    if (seen.has(r.email)) continue;
    seen.add(r.email);
    out.push({
      name: r.name,
      organisation: r.organisation,
      email: r.email,
      phone: r.phone,
      lastReference: r.tickets[0]?.reference ?? null,
    });
    if (out.length >= limit) break;
  }
  return out;
}

/** The desk a call is for: the one asked for, the desk whose number was called, or the token's only desk. */
async function deskForCall(
  db: Db,
  principal: ApiPrincipal,
  desk: DeskId | undefined,
  calledNumber: string | undefined,
): Promise<DeskId> {
  if (desk) {
    if (!principal.desks.includes(desk)) throw new ForbiddenError(`Deze token geldt niet voor de desk ${desk}.`);
    return desk;
  }
  if (calledNumber) {
    const called = normalisePhone(calledNumber)?.e164;
    const desks = await db.desk.findMany({ select: { id: true, phoneHref: true } });
    const hit = desks.find((d) => called && normalisePhone(d.phoneHref)?.e164 === called);
    if (hit) {
      if (!principal.desks.includes(hit.id as DeskId))
        throw new ForbiddenError(`Deze token geldt niet voor de desk ${hit.id}.`);
      return hit.id as DeskId;
    }
  }
  if (principal.desks.length === 1) return principal.desks[0]!;
  throw new ValidationError("Voor welke desk is dit gesprek?", [
    { path: "desk", message: "Geef desk (po of vo-mbo) of het gebelde nummer van een desk." },
  ]);
}

/** Records an announced call and answers the matching callers and the contact screen's URL. */
export async function announceCall(
  db: Db,
  principal: ApiPrincipal,
  body: { callerNumber: string; calledNumber?: string; at?: string; desk?: DeskId },
  now = new Date(),
) {
  const caller = normalisePhone(body.callerNumber);
  if (!caller)
    throw new ValidationError("Het nummer van de beller klopt niet.", [
      { path: "callerNumber", message: "Dit is geen geldig telefoonnummer." },
    ]);
  const deskId = await deskForCall(db, principal, body.desk, body.calledNumber);
  const at = body.at ? new Date(body.at) : now;
  const call = await db.incomingCall.create({
    data: {
      deskId,
      callerNumber: caller.e164,
      calledNumber: body.calledNumber ?? null,
      at,
      tokenId: principal.tokenId,
    },
  });
  const matches = await callersByPhone(db, caller.e164);
  return {
    callId: call.id,
    desk: deskId,
    callerNumber: caller.e164,
    matches,
    deskUrl: `${env().APP_URL.replace(/\/$/, "")}/desk/contact?gesprek=${call.id}`,
  };
}

/** The calls announced for these desks in the last few minutes, newest first. */
export async function recentIncomingCalls(db: Db, desks: readonly DeskId[], now = new Date()) {
  if (!desks.length) return [];
  return db.incomingCall.findMany({
    where: { deskId: { in: [...desks] }, at: { gte: new Date(now.getTime() - INCOMING_CALL_MINUTES * 60_000) } },
    orderBy: { at: "desc" },
    take: 20,
  });
}
