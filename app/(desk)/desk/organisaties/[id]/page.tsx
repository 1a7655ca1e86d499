// GET /desk/organisaties/[id] — an organisation for the agent: its details, tickets by it and about it (school
// concerned) on the agent's desks, its people, notes, its schools (bestuur) or the schools in it (municipality),
// the "shared" flag, and merging a duplicate into another organisation. A merged duplicate redirects.
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { db } from "@/app/_core/db";
import { NotFoundError } from "@/app/_core/errors";
import { requirePageRole } from "@/app/_core/guard";
import { organisationPage, searchOrganisations } from "@/app/_modules/organisations/service";
import { Breadcrumbs } from "@/app/_components/Breadcrumbs";
import { deskLabel } from "../../labels";
import {
  ManageSection,
  NotesSection,
  OrganisationFacts,
  PeopleSection,
  SchoolsSection,
  TicketTable,
  type Row,
} from "./sections";
import "../../desk.css";

export const metadata: Metadata = { title: "Organisatie", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

export default async function OrganisationPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const user = await requirePageRole(["agent"], `/desk/organisaties/${encodeURIComponent(id)}`);
  const sp = await searchParams;
  if (!/^[a-z0-9]{8,40}$/.test(id)) notFound();
  let page;
  try {
    page = await organisationPage(db(), { id, user });
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
  if ("redirectTo" in page) redirect(`/desk/organisaties/${page.redirectTo}`);
  const o = page.organisation;
  // Merge candidates: same kind, sharing the name's longest word.
  const word = o.name.split(/\s+/).sort((a, b) => b.length - a.length)[0] ?? "";
  const candidates = (await searchOrganisations(db(), { q: word, kinds: [o.kind], limit: 20 })).filter(
    (c) => c.id !== o.id,
  );
  const error = typeof sp.fout === "string" ? sp.fout.slice(0, 300) : null;
  return (
    <div className="container desk" data-organisation={o.id}>
      <Breadcrumbs trail={[{ href: "/desk/organisaties", label: "Organisaties" }]} current={o.name} />
      <h1>{o.name}</h1>
      {error && (
        <p role="alert" className="notice notice-error">
          {error}
        </p>
      )}
      {sp.gelukt && !error && (
        <p role="status" className="notice">
          Opgeslagen.
        </p>
      )}
      <OrganisationFacts o={o} counts={page.counts} />

      <section aria-labelledby="by-title">
        <h2 id="by-title">Vragen van deze organisatie</h2>
        <TicketTable
          rows={page.byTickets as Row[]}
          caption="Vragen van deze organisatie, nieuwste eerst"
          other="school"
        />
      </section>
      {o.kind === "school" && (
        <section aria-labelledby="about-title">
          <h2 id="about-title">Vragen over deze school (namens de school gesteld)</h2>
          <TicketTable
            rows={page.aboutTickets as Row[]}
            caption="Vragen die anderen over deze school stelden, nieuwste eerst"
            other="organisation"
          />
        </section>
      )}
      <SchoolsSection o={o} schools={page.schools} />
      <PeopleSection people={page.people} />
      <NotesSection o={o} notes={page.notes} />
      <ManageSection o={o} candidates={candidates} />
      <p className="muted">Alleen vragen van uw desks ({user.desks.map(deskLabel).join(", ") || "alle"}) staan hier.</p>
    </div>
  );
}
