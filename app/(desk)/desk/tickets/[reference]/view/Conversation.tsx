// The ticket's conversation, server-rendered: caller messages and system events as plain text, staff replies and
// notes through the sanitizing renderer, mail details (another sender, refused attachments, the full original) and
// attachment links.
import { renderPlainHtml } from "@/app/_modules/articles/render";
import { messageBodyJsonColumn, readRefusedAttachments } from "@/app/_modules/tickets/ticket-json";
import { formatDateTime } from "../../../labels";

/** One message as the conversation shows it (the mail fields are set only for mails). */
export type ConversationMessage = {
  id: string;
  kind: string;
  body: string;
  bodyJson: string | null;
  createdAt: Date;
  author: { name: string } | null;
  attachments: { id: string; fileName: string }[];
  emailFrom?: string | null;
  otherSender?: boolean;
  emailOriginal?: string | null;
  refusedAttachments?: string | null;
};

const KIND_CLASS: Record<string, string> = {
  caller: "msg-caller",
  reply: "msg-reply",
  note: "msg-note",
  system: "msg-system",
};

export function Conversation({
  reference,
  messages,
  requester,
}: {
  reference: string;
  messages: ConversationMessage[];
  requester: { name: string; email: string };
}) {
  return (
    <section aria-labelledby="conv-title">
      <h2 id="conv-title">Gesprek</h2>
      <p className="msg-legend muted">
        <span className="legend legend-caller">Beller</span>{" "}
        <span className="legend legend-reply">Antwoord aan beller</span>{" "}
        <span className="legend legend-note">Interne notitie (ziet de beller niet)</span>{" "}
        <span className="legend legend-system">Melding</span>
      </p>
      <ol className="plain-list conversation" aria-label="Berichten">
        {messages.map((m) => (
          <MessageItem key={m.id} m={m} reference={reference} requester={requester} />
        ))}
      </ol>
    </section>
  );
}

/** Who wrote a message, as its heading says. */
function messageAuthor(m: ConversationMessage, callerName: string): string {
  if (m.kind === "caller") return m.otherSender ? `E-mail van ${m.emailFrom}` : `Beller: ${callerName}`;
  if (m.kind === "reply") return `Antwoord van ${m.author?.name ?? "de helpdesk"}`;
  if (m.kind === "note") return `Interne notitie van ${m.author?.name ?? "onbekend"}`;
  return "Melding";
}

function MessageItem({
  m,
  reference,
  requester,
}: {
  m: ConversationMessage;
  reference: string;
  requester: { name: string; email: string };
}) {
  return (
    <li className={`msg ${KIND_CLASS[m.kind] ?? "msg-system"}`} data-kind={m.kind}>
      <div className="msg-head">
        <strong>{messageAuthor(m, requester.name)}</strong>
        {m.otherSender && (
          <span className="badge" data-other-sender>
            {" "}
            andere afzender
          </span>
        )}
        {m.emailFrom && !m.otherSender && <span className="muted"> per e-mail ({m.emailFrom})</span>}
        <time dateTime={m.createdAt.toISOString()}>{formatDateTime(m.createdAt)}</time>
      </div>
      {m.otherSender && (
        <p className="muted">
          Deze e-mail komt niet van het adres van de beller ({requester.email}). Controleer wie dit is voordat u
          antwoordt.
        </p>
      )}
      {m.kind === "caller" || m.kind === "system" ? <div className="msg-body">{m.body}</div> : <StaffBody m={m} />}
      {m.kind === "caller" && <MailDetails m={m} />}
      {m.attachments.length > 0 && (
        <p className="muted">
          Bijlagen:{" "}
          {m.attachments.map((a, i) => (
            <span key={a.id}>
              {i > 0 && ", "}
              <a href={`/desk/tickets/${reference}/bijlagen/${a.id}`} download>
                {a.fileName}
              </a>
            </span>
          ))}
        </p>
      )}
    </li>
  );
}

function StaffBody({ m }: { m: ConversationMessage }) {
  if (m.bodyJson) {
    try {
      // Staff rich text only through the sanitizing renderer.
      const html = renderPlainHtml(messageBodyJsonColumn.decode(m.bodyJson));
      if (html) return <div className="msg-body rich" dangerouslySetInnerHTML={{ __html: html }} />;
    } catch {
      // fall back to the plain text below
    }
  }
  return <div className="msg-body">{m.body}</div>;
}

/** Mail details of a caller message: sender (marked when not the caller), refused attachments, the full original. */
function MailDetails({ m }: { m: ConversationMessage }) {
  const refused = readRefusedAttachments(m.refusedAttachments);
  return (
    <>
      {refused.length > 0 && (
        <div className="muted" data-refused-attachments>
          <p>Niet opgeslagen bijlagen:</p>
          <ul>
            {refused.map((x, i) => (
              <li key={i}>
                {x.name}: {x.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      {m.emailOriginal && (
        <details data-mail-original>
          <summary>Toon de hele e-mail (met citaten en handtekening)</summary>
          <pre className="msg-body" style={{ whiteSpace: "pre-wrap" }}>
            {m.emailOriginal}
          </pre>
        </details>
      )}
    </>
  );
}
