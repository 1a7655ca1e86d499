import Link from "next/link";
import { requirePageRole } from "@/app/_core/guard";

// Editor workspace: editors and admins only — checked on the server for every request under /redactie.
export default async function EditorLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageRole(["editor"], "/redactie");
  return (
    <>
      <nav className="workspace-nav" aria-label="Redactie">
        <div className="container">
          <Link href="/redactie">Artikelen</Link>
          <Link href="/redactie/artikelen/nieuw">Nieuw artikel</Link>
          <Link href="/redactie/hiaten">Wat ontbreekt er?</Link>
          <Link href="/redactie/protocollen">Protocollen</Link>
          <span className="muted">
            Ingelogd als {user.name} ({user.role === "admin" ? "beheerder" : "redacteur"})
          </span>
        </div>
      </nav>
      {children}
    </>
  );
}
