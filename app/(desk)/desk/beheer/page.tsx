// GET /desk/beheer — administration (admins only): staff accounts (create, role and desks, deactivate, one-time
// password links) and API tokens for other systems. Every change is audited (see /desk/audit).
import type { Metadata } from "next";
import { db } from "@/app/_core/db";
import { requirePageRole } from "@/app/_core/guard";
import { listApiTokens, SCOPE_LABELS } from "@/app/_modules/apitokens/service";
import { AdminPanel } from "./AdminPanel";
import "../desk.css";

export const metadata: Metadata = { title: "Beheer" };
export const dynamic = "force-dynamic";

export default async function AdminPage() {
  const me = await requirePageRole(["admin"], "/desk/beheer");
  const [users, tokens] = await Promise.all([
    db().user.findMany({ orderBy: [{ active: "desc" }, { name: "asc" }], include: { desks: true } }),
    listApiTokens(db()),
  ]);
  return (
    <main id="inhoud" className="container desk">
      <h1>Beheer</h1>
      <AdminPanel
        meId={me.id}
        users={users.map((u) => ({ id: u.id, name: u.name, email: u.email, role: u.role, active: u.active, desks: u.desks.map((d) => d.deskId).sort() }))}
        tokens={tokens.map((t) => ({
          id: t.id, name: t.name, prefix: t.prefix, desks: t.desks, scopes: t.scopes,
          expiresAt: t.expiresAt?.toISOString() ?? null, lastUsedAt: t.lastUsedAt?.toISOString() ?? null, revokedAt: t.revokedAt?.toISOString() ?? null,
        }))}
        scopeLabels={SCOPE_LABELS}
      />
    </main>
  );
}
