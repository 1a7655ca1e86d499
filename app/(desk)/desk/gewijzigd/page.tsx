// GET /desk/gewijzigd — "Gewijzigd sinds uw antwoord" (issue #19): tickets of the agent's desks whose reply relied on
// an article revision or a protocol rule version that has changed since; open ones first. Per ticket: what changed,
// the diff and "Stuur correctie".
import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/app/_components/Breadcrumbs";
import { db } from "@/app/_core/db";
import { env } from "@/app/_core/env";
import { requirePageRole } from "@/app/_core/guard";
import { listChangedSinceReply } from "@/app/_modules/provenance/changed";
import { correctionText } from "@/app/_modules/provenance/correction";
import { parseReference } from "@/app/_modules/tickets/reference";
import { ChangeDiff } from "../wijzigingen/ChangeDiff";
import { deskLabel, formatDateTime, statusLabel } from "../labels";
import { CorrectionForm } from "./CorrectionForm";
import "../desk.css";

export const metadata: Metadata = { title: "Gewijzigd sinds uw antwoord" };
export const dynamic = "force-dynamic";

const one = (v: string | string[] | undefined) => parseReference(Array.isArray(v) ? v[0] : v);

export default async function ChangedSinceReplyPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageRole(["agent"], "/desk/gewijzigd");
  const sp = await searchParams;
  const sent = one(sp.verstuurd);
  const dismissed = one(sp.afgehandeld);
  const items = await listChangedSinceReply(db(), user);
  const appUrl = env().APP_URL.replace(/\/$/, "");
  return (
    <div className="container desk">
      <Breadcrumbs trail={[{ href: "/desk", label: "Werkbak" }]} current="Gewijzigd sinds uw antwoord" />
      <h1>Gewijzigd sinds uw antwoord</h1>
      <p>
        Bij deze vragen steunde een antwoord op een artikel of een regel die daarna is veranderd. Kijk wat er anders is.
        Klopt het antwoord niet meer? Stuur de beller dan een correctie. Open vragen staan bovenaan.
      </p>
      {(sent || dismissed) && (
        <p className="alert alert-success" role="status">
          {sent ? `De correctie voor ${sent} is verstuurd.` : `${dismissed} is afgehandeld zonder correctie.`}
        </p>
      )}
      {items.length === 0 ? (
        <p role="status">Er zijn geen vragen met een gewijzigde bron.</p>
      ) : (
        <ol className="changes-list">
          {items.map((t) => (
            <li key={t.ticketId} className="card change-item">
              <h2>
                <Link href={`/desk/tickets/${t.reference}`}>
                  {t.reference}: {t.subject}
                </Link>
              </h2>
              <p className="muted">
                {statusLabel(t.status)} · {deskLabel(t.deskId)} · {t.requesterName}
              </p>
              <ul className="plain-list">
                {t.changes.map((c) => (
                  <li key={c.sourceIds[0]}>
                    <p>
                      <strong>{c.kind === "article" ? "Artikel" : "Regel"}:</strong>{" "}
                      {c.slug ? <Link href={`/artikelen/${c.slug}`}>{c.title}</Link> : c.title} – {c.summary}{" "}
                      <span className="muted">(antwoord van {formatDateTime(c.repliedAt)})</span>
                    </p>
                    {c.diff && (
                      <details>
                        <summary>Bekijk wat er veranderd is</summary>
                        <ChangeDiff diff={c.diff} />
                      </details>
                    )}
                  </li>
                ))}
              </ul>
              <CorrectionForm reference={t.reference} text={correctionText(t, { appUrl, agentName: user.name })} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
