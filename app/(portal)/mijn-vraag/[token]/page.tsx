import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@/app/_core/db";
import { isExpectedError } from "@/app/_core/errors";
import { getCallerView } from "@/app/_modules/tickets/caller-service";
import { CallerTicket } from "../CallerTicket";

export const metadata: Metadata = { title: "Uw vraag", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

// GET /mijn-vraag/[token] — the caller follows their question through the private link from the mail.
export default async function FollowUpPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  let view;
  try {
    view = await getCallerView(db(), token);
  } catch (e) {
    if (isExpectedError(e) && e.status === 404) notFound();
    throw e;
  }
  return (
    <CallerTicket
      ticket={view.ticket}
      mergedFrom={Boolean(view.mergedFrom)}
      breadcrumbs="Uw vraag"
      callerLabel={() => "U"}
      attachmentHref={(id) => `/mijn-vraag/${token}/bijlagen/${id}`}
      target={{ token }}
    />
  );
}
