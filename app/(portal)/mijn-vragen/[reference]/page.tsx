import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/app/_core/db";
import { isExpectedError } from "@/app/_core/errors";
import { requirePageRole } from "@/app/_core/guard";
import { CALLER_ROLE } from "@/app/_core/session";
import { getCallerTicket } from "@/app/_modules/callers/tickets";
import { CallerTicket } from "../../mijn-vraag/CallerTicket";

export const metadata: Metadata = { title: "Uw vraag", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

// GET /mijn-vragen/[reference] — one question of the signed-in caller (or a colleague's, when their organisation
// shares): read, reply with files, close. A question outside their scope is a 404.
export default async function MyQuestionPage({ params }: { params: Promise<{ reference: string }> }) {
  const { reference } = await params;
  const user = await requirePageRole([CALLER_ROLE], `/mijn-vragen/${encodeURIComponent(reference)}`);
  let view;
  try {
    view = await getCallerTicket(db(), { user, reference });
  } catch (e) {
    if (isExpectedError(e) && e.status === 404) notFound();
    throw e;
  }
  const { ticket, mine } = view;
  return (
    <CallerTicket
      ticket={ticket}
      mergedFrom={Boolean(view.mergedFrom)}
      breadcrumbs={
        <>
          <Link href="/mijn-vragen">Mijn vragen</Link> › {ticket.reference}
        </>
      }
      facts={
        !mine && (
          <>
            <dt>Gesteld door</dt>
            <dd style={{ margin: 0 }}>{ticket.requester.name} (een collega van uw organisatie)</dd>
          </>
        )
      }
      notice={
        !mine && (
          <div className="alert" role="status">
            <p>
              Dit is de vraag van een collega. Uw organisatie deelt vragen met collega&apos;s. De helpdesk ziet dat u
              deze vraag heeft bekeken.
            </p>
          </div>
        )
      }
      callerLabel={(m) =>
        m.otherSender && m.emailFrom
          ? m.emailFrom === user.email
            ? "U"
            : m.emailFrom
          : mine
            ? "U"
            : ticket.requester.name
      }
      attachmentHref={(id) => `/mijn-vragen/${ticket.reference}/bijlagen/${id}`}
      target={{ reference: ticket.reference }}
    />
  );
}
