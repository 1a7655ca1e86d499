// The notices above a ticket: merged or transferred here, earlier numbers, a bounced mail address, a removed
// personal number, a desk the analysis suggested for a mail, and the tickets merged into this one.
import { readTicketTriage } from "@/app/_modules/tickets/ticket-json";
import { deskLabel, formatDateTime } from "../../../labels";

/** The desk the question analysis suggested, when it differs from the ticket's desk. */
function suggestedDesk(triage: string | null, deskId: string): string | null {
  const d = readTicketTriage(triage)?.desk;
  return d && (d === "po" || d === "vo-mbo") && d !== deskId ? d : null;
}

export function TicketNotices({
  ticket,
  mergedFromRef,
  formerRef,
  bounce,
}: {
  ticket: {
    reference: string;
    channel: string;
    triage: string | null;
    deskId: string;
    desk: { name: string };
    formerReferences: string[];
    personalNumberRemoved: boolean;
    mergedFrom: { reference: string }[];
  };
  mergedFromRef: string | null;
  formerRef: string | null;
  bounce: { email: string; bouncedAt: Date; reason: string | null } | null;
}) {
  const suggested = ticket.channel === "email" ? suggestedDesk(ticket.triage, ticket.deskId) : null;
  return (
    <>
      {mergedFromRef && (
        <div className="alert alert-success" role="status">
          <p>
            Vraag {mergedFromRef} is samengevoegd met deze vraag. U ziet nu vraag {ticket.reference}.
          </p>
        </div>
      )}
      {formerRef && formerRef !== ticket.reference && (
        <div className="alert" role="status" data-former-notice>
          <p>
            Vraag {formerRef} is doorgestuurd en heeft nu vraagnummer {ticket.reference}.
          </p>
        </div>
      )}
      {ticket.formerReferences.length > 0 && (
        <p className="muted" data-former-references>
          Eerdere vraagnummers: {ticket.formerReferences.join(", ")}. Deze nummers verwijzen naar deze vraag.
        </p>
      )}
      {bounce && (
        <div className="alert alert-warning" role="status" data-email-bounced-notice>
          <p>
            Mail aan {bounce.email} kwam niet aan ({formatDateTime(bounce.bouncedAt)}
            {bounce.reason ? `: ${bounce.reason}` : ""}). Controleer het adres of bel de beller.
          </p>
        </div>
      )}
      {ticket.personalNumberRemoved && (
        <p className="alert" data-personal-number-removed>
          In een e-mail bij deze vraag stond een BSN of onderwijsnummer. Het nummer is verwijderd ([nummer verwijderd])
          en de afzender heeft daarover bericht gekregen.
        </p>
      )}
      {suggested && (
        <p className="alert" data-suggested-desk>
          De vraaganalyse past beter bij {deskLabel(suggested)}. De e-mail kwam binnen op het adres van{" "}
          {ticket.desk.name}.
        </p>
      )}
      {ticket.mergedFrom.length > 0 && (
        <p className="alert">
          Samengevoegde vragen: {ticket.mergedFrom.map((m) => m.reference).join(", ")}. Deze nummers verwijzen naar deze
          vraag.
        </p>
      )}
    </>
  );
}
