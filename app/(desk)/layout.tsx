import Link from "next/link";
import { db } from "@/app/_core/db";
import { requirePageRole } from "@/app/_core/guard";
import { visibleDesks } from "@/app/_core/session";
import { unreadChangeCount } from "@/app/_modules/changes/feed";
import { ContactShortcut } from "./desk/ContactShortcut";

// Agent workspace: agents and admins only — checked on the server for every request under /desk.
export default async function DeskLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageRole(["agent"], "/desk");
  const unread = await unreadChangeCount(db(), { userId: user.id, deskIds: visibleDesks(user) });
  return (
    <>
      <nav className="workspace-nav" aria-label="Werkbak">
        <div className="container">
          <Link href="/desk">Werkbak</Link>
          <Link href="/desk/terugbellen">Terugbellen</Link>
          <Link href="/desk/organisaties">Organisaties</Link>
          <Link href="/desk/rapportages">Rapportages</Link>
          <Link href="/desk/wijzigingen" data-unread={unread}>
            Wijzigingen
            {unread > 0 && <span className="tag tag-new"> {unread} ongelezen</span>}
          </Link>
          {user.role === "admin" && <Link href="/desk/macros">Macro&apos;s</Link>}
          {user.role === "admin" && <Link href="/desk/audit">Auditlog</Link>}
          {user.role === "admin" && <Link href="/desk/beheer">Beheer</Link>}
          <Link href="/desk/contact" className="btn btn-small" aria-keyshortcuts="c">
            Contact vastleggen <kbd>c</kbd>
          </Link>
          <span className="muted">
            Ingelogd als {user.name} (
            {user.role === "admin"
              ? "beheerder"
              : `helpdesk ${user.desks.map((d) => (d === "po" ? "PO" : "VO/MBO")).join(" en ")}`}
            )
          </span>
        </div>
      </nav>
      <ContactShortcut />
      {children}
    </>
  );
}
