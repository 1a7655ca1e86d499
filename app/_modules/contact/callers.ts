// The contact screen's caller search: callers by name, e-mail, phone number or school code, with their recent
// tickets on the agent's desks and the organisation they are linked to.
import "server-only";
import type { Db, Prisma } from "@/app/_core/db";
import { visibleDesks, type SessionUser } from "@/app/_core/session";
import { phoneVariants } from "./phone";

export type CallerHit = {
  key: string;
  name: string;
  email: string;
  phone: string | null;
  organisation: string;
  callerType: string;
  schoolCode: string | null;
  /** The organisation the caller is linked to (by domain, school code, choice or an agent), if any. */
  linkedOrganisation: { id: string; name: string } | null;
  tickets: { reference: string; subject: string; status: string; createdAt: Date }[];
};

/**
 * Finds callers by name, e-mail, phone number (normalised) or school code, with their recent tickets on the
 * user's desks. Case-insensitive matching is not portable in Prisma, so names match as typed and capitalised.
 */
export async function searchCallers(db: Db, user: SessionUser, q: string): Promise<CallerHit[]> {
  const desks = visibleDesks(user);
  const term = q.trim();
  if (term.length < 2 || !desks.length) return [];
  const cap = term.charAt(0).toUpperCase() + term.slice(1);
  const or: Prisma.RequesterWhereInput[] = [
    { email: { startsWith: term.toLowerCase() } },
    { name: { contains: term } },
    { name: { contains: cap } },
    { organisation: { contains: term } },
    { organisation: { contains: cap } },
    { schoolCode: term.toUpperCase() },
  ];
  if (/^[+0-9][0-9 ()-]{5,}$/.test(term)) or.push({ phone: { in: phoneVariants(term) } });
  const rows = await db.requester.findMany({
    where: { OR: or, tickets: { some: { deskId: { in: desks } } } },
    orderBy: { createdAt: "desc" },
    take: 60,
    include: {
      org: { select: { id: true, name: true, mergedIntoId: true } },
      tickets: {
        where: { deskId: { in: desks } },
        orderBy: { createdAt: "desc" },
        take: 3,
        select: { reference: true, subject: true, status: true, createdAt: true },
      },
    },
  });
  const hits = new Map<string, CallerHit>();
  for (const r of rows) {
    const key = `${r.email || r.phone || r.name}|${r.organisation}`.toLowerCase();
    const hit = hits.get(key);
    if (hit) {
      for (const t of r.tickets) if (!hit.tickets.some((x) => x.reference === t.reference)) hit.tickets.push(t);
      hit.tickets.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).splice(3);
      continue;
    }
    if (hits.size >= 8) continue;
    hits.set(key, {
      key,
      name: r.name,
      email: r.email,
      phone: r.phone,
      organisation: r.organisation,
      callerType: r.callerType,
      schoolCode: r.schoolCode,
      linkedOrganisation: r.org && !r.org.mergedIntoId ? { id: r.org.id, name: r.org.name } : null,
      tickets: [...r.tickets],
    });
  }
  return [...hits.values()];
}
