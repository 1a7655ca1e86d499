import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@/app/_core/db";
import { requirePageRole } from "@/app/_core/guard";
import { SharingToggle } from "../../SharingToggle";

export const metadata: Metadata = { title: "Delen bij Mijn vragen" };
export const dynamic = "force-dynamic";

// GET /desk/organisaties/[id]/delen — agents and admins switch "Mijn vragen" sharing for one organisation.
export default async function OrganisationSharingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePageRole(["agent", "admin"], `/desk/organisaties/${encodeURIComponent(id)}/delen`);
  const org = await db().organisation.findUnique({
    where: { id },
    select: { id: true, name: true, code: true, shared: true, domains: { select: { domain: true } } },
  });
  if (!org) notFound();
  return (
    <div className="container">
      <h1>Delen bij Mijn vragen: {org.name}</h1>
      <p>
        Staat delen aan, dan zien de bellers van {org.name} bij Mijn vragen ook de vragen van hun collega&apos;s, en
        kunnen ze erop reageren. Dat helpt bij vakanties en wisselingen van personeel. Standaard staat delen uit.
      </p>
      <p>
        E-maildomeinen:{" "}
        {org.domains.length ? (
          org.domains.map((d) => d.domain).join(", ")
        ) : (
          <strong>geen. Zonder e-maildomein ziet niemand de vragen van collega&apos;s.</strong>
        )}
      </p>
      <SharingToggle organisationId={org.id} shared={org.shared} />
    </div>
  );
}
