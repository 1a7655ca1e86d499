// Dutch labels of the agent workspace (staff wording: the caller-facing labels live in tickets/schema.ts).
import type { DeskId } from "@/app/_core/session";
import type { SlaState } from "@/app/_modules/tickets/desk-sla";
import type { TicketStatus } from "@/app/_modules/tickets/schema";
import { CALLER_TYPE_LABELS, SECTOR_LABELS, type CallerType, type Sector } from "@/app/_modules/triage/schema";

export const DESK_LABELS: Record<DeskId, string> = { po: "BRON PO", "vo-mbo": "IPO (VO/MBO)" };

export const AGENT_STATUS_LABELS: Record<TicketStatus, string> = {
  new: "Nieuw",
  open: "Open",
  waiting: "Wacht op beller",
  resolved: "Opgelost",
  closed: "Gesloten",
};

/** Text for an SLA state: the meaning is in the words, the colour only repeats it. */
export const SLA_LABELS: Record<SlaState, string> = {
  ok: "Op tijd",
  "at-risk": "Bijna te laat",
  breached: "Te laat",
  met: "Gehaald",
  late: "Te laat gehaald",
  paused: "Gepauzeerd",
  none: "Geen termijn",
};

export const deskLabel = (id: string) => DESK_LABELS[id as DeskId] ?? id;
export const statusLabel = (s: string) => AGENT_STATUS_LABELS[s as TicketStatus] ?? s;
export const callerTypeLabel = (c: string) => CALLER_TYPE_LABELS[c as CallerType] ?? c;
export const sectorLabel = (s: string | null) => (s ? (SECTOR_LABELS[s as Sector] ?? s) : "Niet ingevuld");

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  "ticket.created": "Vraag binnengekomen",
  "ticket.replied": "Antwoord verstuurd",
  "ticket.note_added": "Interne notitie",
  "ticket.correction_sent": "Correctie verstuurd (bron gewijzigd)",
  "ticket.correction_skipped": "Geen correctie nodig (bron gewijzigd)",
  "ticket.status_changed": "Status gewijzigd",
  "ticket.assigned": "Toegewezen",
  "ticket.topic_changed": "Onderwerp gewijzigd",
  "ticket.tags_changed": "Tags gewijzigd",
  "ticket.transferred": "Doorgestuurd",
  "ticket.merged": "Samengevoegd (dubbele vraag)",
  "ticket.merge_received": "Vraag ontvangen bij samenvoegen",
  "ticket.linked": "Gekoppeld",
  "ticket.unlinked": "Koppeling verwijderd",
  "ticket.caller_reply": "Reactie van beller",
  "ticket.closed_by_caller": "Gesloten door beller",
  "ticket.reopened_by_caller": "Heropend door beller",
  "ticket.follow_up_link_renewed": "Vervolglink vernieuwd",
  "tag.created": "Tag aangemaakt",
  "contact.logged": "Telefoongesprek vastgelegd",
  "callback.done": "Teruggebeld",
  "user.created": "Account aangemaakt",
  "user.updated": "Rol of helpdesks gewijzigd",
  "user.deactivated": "Account uitgezet",
  "user.reactivated": "Account aangezet",
  "user.reset_link": "Wachtwoordlink gemaakt",
  "user.password_set": "Wachtwoord gekozen",
  "apitoken.created": "API-token aangemaakt",
  "apitoken.revoked": "API-token ingetrokken",
  "macro.created": "Macro aangemaakt",
  "macro.updated": "Macro gewijzigd",
  "macro.deleted": "Macro verwijderd",
  "article.created": "Artikel aangemaakt",
  "article.submitted": "Artikel ter controle aangeboden",
  "article.published": "Artikel gepubliceerd",
  "article.rejected": "Artikel teruggestuurd",
  "article.archived": "Artikel gearchiveerd",
  "article.restored": "Artikelversie teruggezet",
  "article.returned_to_draft": "Artikel terug naar concept",
  "desk.settings_changed": "Instellingen helpdesk gewijzigd",
};

export const auditActionLabel = (a: string) => AUDIT_ACTION_LABELS[a] ?? a;

const dateTime = new Intl.DateTimeFormat("nl-NL", {
  timeZone: "Europe/Amsterdam",
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});
/** "3 mrt 2026, 10:15" in Amsterdam time. */
export const formatDateTime = (d: Date | string) => dateTime.format(typeof d === "string" ? new Date(d) : d);

/** Short JSON of an audit before/after value, for the log tables. */
export function auditValue(v: unknown): string {
  if (v === null || v === undefined) return "";
  const s = typeof v === "string" ? v : JSON.stringify(v);
  return s.length > 300 ? `${s.slice(0, 297)}…` : s;
}

const AUDIT_FIELD_LABELS: Record<string, string> = {
  status: "Status",
  deskId: "Helpdesk",
  reference: "Vraagnummer",
  name: "Behandelaar",
  reason: "Reden",
  tags: "Tags",
  topic: "Onderwerp",
  linked: "Gekoppeld met",
  mergedInto: "Samengevoegd met",
  mergedFrom: "Samengevoegd vanuit",
  movedMessages: "Verplaatste berichten",
  kind: "Soort bericht",
  firstRespondedAt: "Eerste reactie",
  firstResponseDueAt: "Eerste reactie vóór",
  resolutionDueAt: "Oplossen vóór",
  slaPausedMs: "Gepauzeerd (totaal)",
  slaPausedAt: "Gepauzeerd sinds",
  source: "Via",
  revision: "Versie",
  scheduledAt: "Publiceren op",
  note: "Notitie",
  title: "Titel",
  slug: "Adres",
  body: "Tekst",
  deskName: "Helpdesk",
};
const KIND_LABELS: Record<string, string> = {
  reply: "Antwoord",
  note: "Interne notitie",
  caller: "Bericht van beller",
  system: "Systeembericht",
};
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function auditText(key: string, v: unknown): string {
  if (v === null || v === undefined || v === "") return "—";
  if (key === "status" && typeof v === "string") return statusLabel(v);
  if (key === "deskId" && typeof v === "string") return deskLabel(v);
  if (key === "kind" && typeof v === "string") return KIND_LABELS[v] ?? v;
  if (key === "slaPausedMs" && typeof v === "number") return `${Math.round(v / 60_000)} min`;
  if (typeof v === "string" && ISO_DATE.test(v)) return formatDateTime(v);
  if (typeof v === "boolean") return v ? "ja" : "nee";
  if (Array.isArray(v))
    return v.length ? v.map((x) => (typeof x === "string" ? x : JSON.stringify(x))).join(", ") : "—";
  if (typeof v === "object") return JSON.stringify(v);
  const s = String(v);
  return s.length > 200 ? `${s.slice(0, 197)}…` : s;
}

export type AuditChange = { field: string; label: string; before: string; after: string };

/**
 * The fields an audit event changed, in words: "Status: Nieuw → Open", "Helpdesk: BRON PO → IPO (VO/MBO)". Fields
 * equal on both sides are left out, and so are internal ids (the names next to them say who). An event with only an
 * "after" (created, linked) lists what it recorded.
 */
export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  const obj = (v: unknown): Record<string, unknown> =>
    v && typeof v === "object" && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : v === null || v === undefined
        ? {}
        : { waarde: v };
  const b = obj(before);
  const a = obj(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !/Id$/.test(k) || k === "deskId");
  const out: AuditChange[] = [];
  for (const k of keys) {
    if (k in b && k in a && JSON.stringify(b[k]) === JSON.stringify(a[k])) continue;
    out.push({
      field: k,
      label: AUDIT_FIELD_LABELS[k] ?? k,
      before: k in b ? auditText(k, b[k]) : "",
      after: k in a ? auditText(k, a[k]) : "",
    });
  }
  return out;
}
