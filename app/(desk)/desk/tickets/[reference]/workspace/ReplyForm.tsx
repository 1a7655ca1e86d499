"use client";
// The reply/note form: kind of message, tools, the editor, attachments and the status after sending. Checks the text
// with the server's schema first, then sends everything (files included) as FormData to replyAction.
import { EditorContent, type Editor } from "@tiptap/react";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { LinkPanel } from "@/app/_components/editor/LinkPanel";
import { replyDocToText } from "@/app/_components/editor/reply-text";
import { chosenFilesError } from "@/app/_modules/storage/file-type";
import { replySchema } from "@/app/_modules/tickets/desk-schema";
import { replyAction } from "../../../actions";
import { AttachmentField } from "./AttachmentField";
import { ComposeTools } from "./ComposeTools";
import { MiniToolbar } from "./MiniToolbar";
import { EMPTY_REPLY } from "./useReplyEditor";

type Kind = "reply" | "note";
type StatusAfter = "" | "waiting" | "resolved";

const SEND_FAILED = {
  ok: false as const,
  error: "Versturen lukte niet. Controleer de verbinding en probeer het opnieuw.",
  fieldErrors: {} as Record<string, string>,
};

export function ReplyForm(p: {
  id: string;
  reference: string;
  status: string;
  canReply: boolean;
  canNote: boolean;
  appUrl: string;
  macros: { id: string; title: string; text: string }[];
  editor: Editor | null;
  kind: Kind;
  setKind: (kind: Kind) => void;
  announce: (message: string) => void;
  onSent: () => void;
}) {
  const { id, editor, kind } = p;
  const router = useRouter();
  const [statusAfter, setStatusAfter] = useState<StatusAfter>("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [linkOpen, setLinkOpen] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!editor) return;
    const json = editor.getJSON();
    const input = {
      kind,
      body: replyDocToText(json),
      bodyJson: json as Record<string, unknown>,
      statusAfter: kind === "reply" && statusAfter ? statusAfter : undefined,
    };
    const check = replySchema.safeParse(input);
    if (!check.success) {
      setError(check.error.issues[0]?.message ?? "Controleer de tekst.");
      editor.commands.focus();
      return;
    }
    const fileProblem = chosenFilesError(files);
    if (fileProblem) {
      setFileError(fileProblem);
      return;
    }
    setBusy(true);
    setError(null);
    // FormData carries the files; the server derives the stored text from bodyJson itself.
    const fd = new FormData();
    fd.set("reference", p.reference);
    fd.set("kind", input.kind);
    fd.set("body", input.body);
    fd.set("bodyJson", JSON.stringify(input.bodyJson));
    if (input.statusAfter) fd.set("statusAfter", input.statusAfter);
    for (const f of files) fd.append("attachments", f);
    const r = await replyAction(fd).catch(() => SEND_FAILED);
    setBusy(false);
    if (!r.ok) {
      const fileIssue = Object.entries(r.fieldErrors).find(([k]) => k.startsWith("attachments"));
      setFileError(fileIssue ? fileIssue[1] : null);
      setError(r.fieldErrors.body ?? r.fieldErrors.statusAfter ?? (fileIssue ? null : r.error));
      return;
    }
    setFiles([]);
    setFileError(null);
    if (fileInput.current) fileInput.current.value = "";
    editor.commands.setContent(EMPTY_REPLY);
    p.onSent();
    setStatusAfter("");
    p.announce(
      kind === "reply" ? "Uw antwoord is verstuurd en gemaild naar de beller." : "Uw interne notitie is opgeslagen.",
    );
    router.refresh();
  };

  return (
    <form onSubmit={submit} noValidate>
      <KindChoice kind={kind} setKind={p.setKind} canReply={p.canReply} canNote={p.canNote} />
      <ComposeTools id={id} editor={editor} macros={p.macros} appUrl={p.appUrl} announce={p.announce} />

      <MiniToolbar editor={editor} linkOpen={linkOpen} setLinkOpen={setLinkOpen} />
      {linkOpen && editor && <LinkPanel editor={editor} allowRelative={false} onDone={() => setLinkOpen(false)} />}
      <div className="tiptap-surface">
        <EditorContent editor={editor} />
      </div>
      <p id={`${id}-hint`} className="hint">
        {kind === "reply"
          ? "De beller krijgt deze tekst per e-mail. Zet geen BSN of onderwijsnummer in uw bericht."
          : "Alleen collega’s zien deze notitie."}{" "}
        Druk op Esc om de editor te verlaten.
      </p>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}

      <AttachmentField
        id={id}
        kind={kind}
        files={files}
        fileError={fileError}
        fileInput={fileInput}
        onChosen={(chosen, problem) => {
          setFileError(problem);
          setFiles(problem ? [] : chosen);
        }}
      />

      {kind === "reply" && (
        <div className="field inline-field">
          <label htmlFor={`${id}-after`}>Status na versturen</label>
          <select
            id={`${id}-after`}
            value={statusAfter}
            onChange={(e) => setStatusAfter(e.target.value as StatusAfter)}
          >
            <option value="">{p.status === "new" ? "Open" : "Niet wijzigen"}</option>
            <option value="waiting">Wacht op beller</option>
            <option value="resolved">Opgelost</option>
          </select>
        </div>
      )}
      <div className="btn-row">
        <button type="submit" className="btn" disabled={busy || !editor}>
          {busy ? "Bezig…" : kind === "reply" ? "Antwoord versturen" : "Notitie opslaan"}
        </button>
      </div>
    </form>
  );
}

function KindChoice(p: { kind: Kind; setKind: (kind: Kind) => void; canReply: boolean; canNote: boolean }) {
  return (
    <fieldset className="compose-kind">
      <legend>Soort bericht</legend>
      <label className="choice">
        <input
          type="radio"
          name="kind"
          value="reply"
          checked={p.kind === "reply"}
          disabled={!p.canReply}
          onChange={() => p.setKind("reply")}
        />
        Antwoord aan de beller (wordt gemaild met de link naar de vraag)
      </label>
      <label className="choice">
        <input
          type="radio"
          name="kind"
          value="note"
          checked={p.kind === "note"}
          disabled={!p.canNote}
          onChange={() => p.setKind("note")}
        />
        Interne notitie (alleen voor collega’s, de beller ziet dit niet)
      </label>
    </fieldset>
  );
}
