"use client";
// The writing side of a ticket: collision warning (presence polled every 10 s), the reply/note editor (a small
// Tiptap editor on the shared schema: bold, italic, lists, links), macros, links to articles found by search,
// and the keyboard shortcuts r / n / e / j / k (never while typing; announced in an aria-live region).
// The pieces live in ./workspace.
import { useRouter } from "next/navigation";
import { useCallback, useId, useRef, useState } from "react";
import { statusAction } from "../../actions";
import { PresenceNotice, usePresence } from "./workspace/Presence";
import { ReplyForm } from "./workspace/ReplyForm";
import { useReplyEditor } from "./workspace/useReplyEditor";
import { useTicketShortcuts } from "./workspace/useTicketShortcuts";

type Props = {
  reference: string;
  status: string;
  canReply: boolean;
  canNote: boolean;
  canResolve: boolean;
  appUrl: string;
  macros: { id: string; title: string; text: string }[];
};

export function TicketWorkspace({ reference, status, canReply, canNote, canResolve, appUrl, macros }: Props) {
  const router = useRouter();
  const id = useId();
  const [kind, setKind] = useState<"reply" | "note">(canReply ? "reply" : "note");
  const [announcement, announce] = useState("");
  const [writing, setWriting] = useState(false);
  const composeRef = useRef<HTMLElement>(null);
  const editor = useReplyEditor({ hintId: `${id}-hint`, composeRef, onWritingChange: setWriting });
  const { writers, viewers } = usePresence(reference, writing ? "replying" : "viewing");

  const startWriting = useCallback(
    (k: "reply" | "note") => {
      if (k === "reply" && !canReply)
        return announce("Op deze vraag kunt u geen antwoord meer sturen. U kunt wel een interne notitie maken.");
      if (k === "note" && !canNote) return announce("U kunt hier geen notitie maken.");
      setKind(k);
      announce(k === "reply" ? "Antwoord aan de beller schrijven." : "Interne notitie schrijven.");
      editor?.commands.focus("end");
    },
    [canReply, canNote, editor],
  );

  const resolve = useCallback(async () => {
    if (!canResolve) return announce("Deze vraag kan nu niet op opgelost.");
    announce("Vraag wordt op opgelost gezet…");
    const r = await statusAction({ reference, status: "resolved" });
    if (r.ok) {
      announce("De vraag staat nu op opgelost.");
      router.refresh();
    } else announce(r.error);
  }, [canResolve, reference, router]);

  useTicketShortcuts({ reference, startWriting, resolve, announce });

  return (
    <>
      <PresenceNotice writers={writers} viewers={viewers} />

      <section aria-labelledby="compose-title" className={`compose compose-${kind}`} ref={composeRef} tabIndex={-1}>
        <h2 id="compose-title">{kind === "reply" ? "Antwoord aan de beller" : "Interne notitie"}</h2>
        {!canReply && !canNote ? (
          <p>Op deze vraag kunt u niets meer schrijven.</p>
        ) : (
          <ReplyForm
            id={id}
            reference={reference}
            status={status}
            canReply={canReply}
            canNote={canNote}
            appUrl={appUrl}
            macros={macros}
            editor={editor}
            kind={kind}
            setKind={setKind}
            announce={announce}
            onSent={() => setWriting(false)}
          />
        )}
      </section>
      <p className="visually-hidden" aria-live="polite" role="status">
        {announcement}
      </p>
    </>
  );
}
