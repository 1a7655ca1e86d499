// Demo accounts for the embedded default (listed in the README). Never seeded in production on PostgreSQL.
import "server-only";
import type { DeskId, Role } from "@/app/_core/session";

export const DEMO_PASSWORD = "demo-wachtwoord";

export const DEMO_USERS: { email: string; name: string; role: Role; desks: DeskId[] }[] = [
  { email: "agent.po@helpdesk.test", name: "Petra de Vries", role: "agent", desks: ["po"] },
  { email: "agent.vo@helpdesk.test", name: "Iris Bakker", role: "agent", desks: ["vo-mbo"] },
  { email: "agent.beide@helpdesk.test", name: "Daan Jansen", role: "agent", desks: ["po", "vo-mbo"] },
  { email: "redacteur@helpdesk.test", name: "Eva Smit", role: "editor", desks: [] },
  { email: "redacteur2@helpdesk.test", name: "Noor Visser", role: "editor", desks: [] },
  { email: "beheer@helpdesk.test", name: "Anne Mulder", role: "admin", desks: ["po", "vo-mbo"] },
];
