import Link from "next/link";
import { getSessionUser } from "@/app/_core/auth";
import { CALLER_ROLE, hasRole } from "@/app/_core/session";
import { PUBLIC_NAV } from "./nav";
import { LogoutButton } from "./LogoutButton";

/** Portal header: name, main navigation, a search box, "Mijn vragen" for callers, the staff menu when logged in. */
export async function SiteHeader() {
  const user = await getSessionUser();
  return (
    <header className="site-header">
      <div className="container">
        <Link href="/" className="brand">
          Onderwijs Helpdesk
          <small>Verzuim, leerplicht en verlof</small>
        </Link>
        <form
          role="search"
          action="/zoeken"
          method="get"
          className="header-search"
          aria-label="Zoeken in de veelgestelde vragen"
        >
          <div className="combobox-row">
            <label htmlFor="header-q" className="visually-hidden">
              Zoek een antwoord
            </label>
            <input
              id="header-q"
              name="q"
              type="search"
              placeholder="Zoek een antwoord"
              autoComplete="off"
              maxLength={200}
            />
            <button className="btn btn-secondary" type="submit">
              Zoeken
            </button>
          </div>
        </form>
        <nav className="site-nav" aria-label="Hoofdmenu">
          {PUBLIC_NAV.map((n) => (
            <Link key={n.href} href={n.href}>
              {n.label}
            </Link>
          ))}
          {(!user || user.role === CALLER_ROLE) && <Link href="/mijn-vragen">Mijn vragen</Link>}
          {user && hasRole(user, ["agent"]) && <Link href="/desk">Werkbak</Link>}
          {user && hasRole(user, ["editor"]) && <Link href="/redactie">Redactie</Link>}
          {user && <LogoutButton name={user.name} />}
        </nav>
      </div>
    </header>
  );
}
