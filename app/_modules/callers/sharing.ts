// Sharing within an organisation ("Mijn vragen"), off by default. When an agent or admin sets an organisation to
// shared, its verified callers also see (and answer) the tickets their colleagues asked on its behalf.
//
// Who counts as a verified caller of an organisation: a signed-in caller whose verified e-mail address is on one of
// the organisation's e-mail domains (OrganisationDomain). Deliberately NOT the organisation a Requester row was
// matched to: the wizard takes a school code from anyone, so "I am from school X" would otherwise open X's tickets.
// Which tickets: those the organisation asked (Ticket.organisationId). A ticket where it is only the school
// concerned (a municipality asking about it) is the asker's, and stays out.
import "server-only";
import type { Db } from "@/app/_core/db";
import { NotFoundError } from "@/app/_core/errors";
import { CALLER_ROLE, hasRole, type SessionUser } from "@/app/_core/session";
import { recordAudit } from "@/app/_modules/audit/service";

/** The organisations whose tickets this caller shares: at most the one of their e-mail domain, when it shares. */
export async function sharedOrganisationIds(db: Db, user: SessionUser): Promise<string[]> {
  if (user.role !== CALLER_ROLE) return [];
  const domain = user.email.split("@")[1]?.toLowerCase();
  if (!domain) return [];
  const row = await db.organisationDomain.findUnique({ where: { domain }, select: { organisationId: true } });
  let id = row?.organisationId ?? null;
  // A duplicate merged into another organisation leads there (a short chain at most).
  for (let hops = 0; id && hops < 5; hops++) {
    const org = await db.organisation.findUnique({
      where: { id },
      select: { id: true, shared: true, mergedIntoId: true },
    });
    if (!org) return [];
    if (!org.mergedIntoId) return org.shared ? [org.id] : [];
    id = org.mergedIntoId;
  }
  return [];
}

/** An agent or admin switches sharing on or off (audited with before and after). Editors and callers: 404. */
export async function setOrganisationSharing(
  db: Db,
  opts: { user: SessionUser; organisationId: string; shared: boolean },
): Promise<{ shared: boolean }> {
  if (!hasRole(opts.user, ["agent"])) throw new NotFoundError();
  return db.$transaction(async (tx) => {
    const org = await tx.organisation.findUnique({ where: { id: opts.organisationId }, select: { shared: true } });
    if (!org) throw new NotFoundError("Deze organisatie bestaat niet (meer).");
    if (org.shared !== opts.shared) {
      await tx.organisation.update({ where: { id: opts.organisationId }, data: { shared: opts.shared } });
      await recordAudit(tx, {
        actorId: opts.user.id,
        action: opts.shared ? "organisation.sharing_on" : "organisation.sharing_off",
        entityType: "organisation",
        entityId: opts.organisationId,
        before: { shared: org.shared },
        after: { shared: opts.shared },
      });
    }
    return { shared: opts.shared };
  });
}
