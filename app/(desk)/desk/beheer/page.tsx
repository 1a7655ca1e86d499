// GET /desk/beheer — administration (admins only): staff accounts (create, role and desks, deactivate, one-time
// password links), API tokens for other systems, desk settings (phone, hours, SLA terms) and webhooks. Every change is audited (see /desk/audit).
import type { Metadata } from "next";
import { db } from "@/app/_core/db";
import { requirePageRole } from "@/app/_core/guard";
import { listApiTokens, SCOPE_LABELS } from "@/app/_modules/apitokens/service";
import { EVENT_LABELS } from "@/app/_modules/webhooks/schema";
import { listDeliveries, listWebhooks } from "@/app/_modules/webhooks/service";
import { deskHoursColumn } from "@/app/_modules/desks/columns";
import { AdminPanel } from "./AdminPanel";
import { DeskSettingsSection } from "./DeskSettingsSection";
import { WebhookPanel } from "./WebhookPanel";
import "../desk.css";

export const metadata: Metadata = { title: "Beheer" };
export const dynamic = "force-dynamic";

export default async function AdminPage() {
  const me = await requirePageRole(["admin"], "/desk/beheer");
  const [users, tokens, hooks, deliveries, desks] = await Promise.all([
    db().user.findMany({ orderBy: [{ active: "desc" }, { name: "asc" }], include: { desks: true } }),
    listApiTokens(db()),
    listWebhooks(db()),
    listDeliveries(db(), 50),
    db().desk.findMany({ orderBy: { id: "asc" } }),
  ]);
  return (
    <div className="container desk">
      <h1>Beheer</h1>
      <AdminPanel
        meId={me.id}
        users={users.map((u) => ({
          id: u.id,
          name: u.name,
          email: u.email,
          role: u.role,
          active: u.active,
          desks: u.desks.map((d) => d.deskId).sort(),
        }))}
        tokens={tokens.map((t) => ({
          id: t.id,
          name: t.name,
          prefix: t.prefix,
          desks: t.desks,
          scopes: t.scopes,
          expiresAt: t.expiresAt?.toISOString() ?? null,
          lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
          revokedAt: t.revokedAt?.toISOString() ?? null,
        }))}
        scopeLabels={SCOPE_LABELS}
      />
      <DeskSettingsSection
        desks={desks.map((d) => {
          const h = deskHoursColumn.decode(d.hours);
          return {
            id: d.id,
            name: d.name,
            phone: d.phone,
            days: [...h.days],
            open: h.open,
            close: h.close,
            firstResponseBusinessDays: d.firstResponseBusinessDays,
            resolutionBusinessDays: d.resolutionBusinessDays,
          };
        })}
      />
      <WebhookPanel
        hooks={hooks.map((h) => ({
          id: h.id,
          url: h.url,
          events: h.events,
          enabled: h.enabled,
          secretHint: h.secretHint,
        }))}
        deliveries={deliveries.map((d) => ({
          id: d.id,
          url: d.url,
          event: d.event,
          status: d.status,
          attempts: d.attempts,
          responseStatus: d.responseStatus,
          lastError: d.lastError,
          responseExcerpt: d.responseExcerpt,
          createdAt: d.createdAt.toISOString(),
          nextAttemptAt: d.nextAttemptAt?.toISOString() ?? null,
          deliveredAt: d.deliveredAt?.toISOString() ?? null,
        }))}
        eventLabels={EVENT_LABELS}
      />
    </div>
  );
}
