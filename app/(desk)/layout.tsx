import Link from "next/link";
import { requirePageRole } from "@/app/_core/guard";
import { ContactShortcut } from "./desk/ContactShortcut";

// Agent workspace: agents and admins only — checked on the server for every request under /desk.
export default async function DeskLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageRole(["agent"], "/desk");
  return (
    <>
      <nav className="workspace-nav" aria-label="Werkbak">
        <div className="container">
          <Link href="/desk">Werkbak</Link>
          <Link href="/desk/terugbellen">Terugbellen</Link>
          <Link href="/desk/organisaties">Organisaties</Link>
          <Link href="/desk/rapportages">Rapportages</Link>
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
