"use client";
// The writing side of a ticket: collision warning (presence polled every 10 s), the reply/note editor (a small
// Tiptap editor on the shared schema: bold, italic, lists, links), macros, links to articles found by search,
// and the keyboard shortcuts r / n / e / j / k (never while typing; announced in an aria-live region).
import { EditorContent, useEditor, useEditorState, type Editor, type JSONContent } from "@tiptap/react";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import { createEditorExtensions } from "@/app/_lib/tiptap/extensions";
import { LinkPanel } from "@/app/_components/editor/LinkPanel";
import { chosenFilesError } from "@/app/_modules/storage/file-type";
import { replySchema } from "@/app/_modules/tickets/desk-schema";
import { findArticlesAction, replyAction, statusAction } from "../../actions";
import { isTypingTarget, QUEUE_STORAGE_KEY } from "../../QueueKeyboard";
import { replyDocToText, textToReplyDoc } from "@/app/_components/editor/reply-text";

type Props = {
  reference: string;
  status: string;
  canReply: boolean;
  canNote: boolean;
  canResolve: boolean;
  appUrl: string;
  macros: { id: string; title: string; text: string }[];
};

type Other = { name: string; mode: "viewing" | "replying" };
const POLL_MS = 10_000;
const EMPTY: JSONContent = { type: "doc", content: [{ type: "paragraph" }] };

export function TicketWorkspace({ reference, status, canReply, canNote, canResolve, appUrl, macros }: Props) {
  const router = useRouter();
  const id = useId();
  const [kind, setKind] = useState<"reply" | "note">(canReply ? "reply" : "note");
  const [statusAfter, setStatusAfter] = useState<"" | "waiting" | "resolved">("");
  const [announce, setAnnounce] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [others, setOthers] = useState<Other[]>([]);
  const [writing, setWriting] = useState(false);
  const [macroId, setMacroId] = useState(macros[0]?.id ?? "");
  const [linkOpen, setLinkOpen] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const composeRef = useRef<HTMLElement>(null);

  const extensions = useMemo(() => createEditorExtensions(), []);
  const editor = useEditor({
    extensions,
    content: EMPTY,
    immediatelyRender: false,
    editorProps: {
      attributes: {
        "aria-label": "Tekst van uw bericht",
        "aria-multiline": "true",
        role: "textbox",
        class: "editor-content",
        "aria-describedby": `${id}-hint`,
      },
      handleKeyDown: (view, event) => {
        if (event.key === "Escape") {
          (view.dom as HTMLElement).blur();
          composeRef.current?.focus();
          return true;
        }
        return false;
      },
    },
    onUpdate: ({ editor: e }) => setWriting(!e.isEmpty),
  });

  // Collision warning: report viewing/replying and hear who else is here.
  const mode = writing ? "replying" : "viewing";
  useEffect(() => {
    let stopped = false;
    const touch = async () => {
      try {
        const res = await fetch("/api/v1/desk/presence", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ reference, mode }),
        });
        if (!res.ok || stopped) return;
        const data = (await res.json()) as { others: Other[] };
        setOthers(data.others);
      } catch {
        // offline for a moment: try again at the next tick
      }
    };
    void touch();
    const timer = setInterval(touch, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [reference, mode]);
  useEffect(() => {
    const leave = () => navigator.sendBeacon?.("/api/v1/desk/presence", JSON.stringify({ reference, mode: "leaving" }));
    window.addEventListener("pagehide", leave);
    return () => {
      window.removeEventListener("pagehide", leave);
      leave();
    };
  }, [reference]);

  const startWriting = useCallback(
    (k: "reply" | "note") => {
      if (k === "reply" && !canReply)
        return setAnnounce("Op deze vraag kunt u geen antwoord meer sturen. U kunt wel een interne notitie maken.");
      if (k === "note" && !canNote) return setAnnounce("U kunt hier geen notitie maken.");
      setKind(k);
      setAnnounce(k === "reply" ? "Antwoord aan de beller schrijven." : "Interne notitie schrijven.");
      editor?.commands.focus("end");
    },
    [canReply, canNote, editor],
  );

  const resolve = useCallback(async () => {
    if (!canResolve) return setAnnounce("Deze vraag kan nu niet op opgelost.");
    setAnnounce("Vraag wordt op opgelost gezet…");
    const r = await statusAction({ reference, status: "resolved" });
    if (r.ok) {
      setAnnounce("De vraag staat nu op opgelost.");
      router.refresh();
    } else setAnnounce(r.error);
  }, [canResolve, reference, router]);

  // Keyboard shortcuts (not while typing in a field or the editor).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target)) return;
      if (e.key === "r" || e.key === "n") {
        e.preventDefault();
        startWriting(e.key === "r" ? "reply" : "note");
      } else if (e.key === "e") {
        e.preventDefault();
        void resolve();
      } else if (e.key === "j" || e.key === "k") {
        let refs: string[] = [];
        try {
          refs =
            (JSON.parse(sessionStorage.getItem(QUEUE_STORAGE_KEY) ?? "null") as { refs?: string[] } | null)?.refs ?? [];
        } catch {}
        const i = refs.indexOf(reference);
        const next = i < 0 ? undefined : refs[e.key === "j" ? i + 1 : i - 1];
        e.preventDefault();
        if (next) {
          setAnnounce(`Naar vraag ${next}.`);
          router.push(`/desk/tickets/${next}`);
        } else
          setAnnounce(
            i < 0
              ? "Deze vraag staat niet in uw laatst bekeken lijst."
              : e.key === "j"
                ? "Dit is de laatste vraag van de lijst."
                : "Dit is de eerste vraag van de lijst.",
          );
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [reference, router, startWriting, resolve]);

  const insertMacro = () => {
    const m = macros.find((x) => x.id === macroId);
    if (!m || !editor) return;
    const doc = textToReplyDoc(m.text);
    editor
      .chain()
      .focus()
      .insertContent(doc.content as JSONContent[])
      .run();
    setAnnounce(`Macro ‘${m.title}’ ingevoegd.`);
  };

  const insertArticle = (a: { slug: string; title: string }) => {
    if (!editor) return;
    const href = `${appUrl}/artikelen/${a.slug}`;
    editor
      .chain()
      .focus()
      .insertContent([
        { type: "text", text: a.title, marks: [{ type: "link", attrs: { href } }] },
        { type: "text", text: " " },
      ])
      .run();
    setAnnounce(`Link naar ‘${a.title}’ ingevoegd.`);
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!editor) return;
    const json = editor.getJSON();
    const body = replyDocToText(json);
    const input = {
      kind,
      body,
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
    fd.set("reference", reference);
    fd.set("kind", input.kind);
    fd.set("body", input.body);
    fd.set("bodyJson", JSON.stringify(input.bodyJson));
    if (input.statusAfter) fd.set("statusAfter", input.statusAfter);
    for (const f of files) fd.append("attachments", f);
    const r = await replyAction(fd).catch(() => ({
      ok: false as const,
      error: "Versturen lukte niet. Controleer de verbinding en probeer het opnieuw.",
      fieldErrors: {} as Record<string, string>,
    }));
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
    editor.commands.setContent(EMPTY);
    setWriting(false);
    setStatusAfter("");
    setAnnounce(
      kind === "reply" ? "Uw antwoord is verstuurd en gemaild naar de beller." : "Uw interne notitie is opgeslagen.",
    );
    router.refresh();
  };

  const writers = others.filter((o) => o.mode === "replying");
  const viewers = others.filter((o) => o.mode === "viewing");

  return (
    <>
      <div aria-live="polite" role="status" className="presence">
        {writers.length > 0 && (
          <p className="alert alert-warning">
            <strong>Let op:</strong> {writers.map((w) => w.name).join(" en ")}{" "}
            {writers.length === 1 ? "schrijft" : "schrijven"} nu een bericht op deze vraag.
          </p>
        )}
        {viewers.length > 0 && (
          <p className="alert">
            {viewers.map((w) => w.name).join(" en ")} {viewers.length === 1 ? "heeft" : "hebben"} deze vraag ook open.
          </p>
        )}
      </div>

      <section aria-labelledby="compose-title" className={`compose compose-${kind}`} ref={composeRef} tabIndex={-1}>
        <h2 id="compose-title">{kind === "reply" ? "Antwoord aan de beller" : "Interne notitie"}</h2>
        {!canReply && !canNote ? (
          <p>Op deze vraag kunt u niets meer schrijven.</p>
        ) : (
          <form onSubmit={submit} noValidate>
            <fieldset className="compose-kind">
              <legend>Soort bericht</legend>
              <label className="choice">
                <input
                  type="radio"
                  name="kind"
                  value="reply"
                  checked={kind === "reply"}
                  disabled={!canReply}
                  onChange={() => setKind("reply")}
                />
                Antwoord aan de beller (wordt gemaild met de link naar de vraag)
              </label>
              <label className="choice">
                <input
                  type="radio"
                  name="kind"
                  value="note"
                  checked={kind === "note"}
                  disabled={!canNote}
                  onChange={() => setKind("note")}
                />
                Interne notitie (alleen voor collega’s, de beller ziet dit niet)
              </label>
            </fieldset>

            <div className="compose-tools">
              {macros.length > 0 && (
                <div className="field inline-field">
                  <label htmlFor={`${id}-macro`}>Macro</label>
                  <select id={`${id}-macro`} value={macroId} onChange={(e) => setMacroId(e.target.value)}>
                    {macros.map((m) => (
                      <option key={m.id} value={m.id}>
                        {m.title}
                      </option>
                    ))}
                  </select>
                  <button type="button" className="btn btn-secondary btn-small" onClick={insertMacro}>
                    Macro invoegen
                  </button>
                </div>
              )}
              <ArticleFinder onPick={insertArticle} />
            </div>

            <MiniToolbar editor={editor} linkOpen={linkOpen} setLinkOpen={setLinkOpen} />
            {linkOpen && editor && (
              <LinkPanel editor={editor} allowRelative={false} onDone={() => setLinkOpen(false)} />
            )}
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

            <div className="field">
              <label htmlFor={`${id}-files`}>
                Bijlagen <span className="muted">(niet verplicht)</span>
              </label>
              <span className="hint" id={`${id}-files-hint`}>
                Maximaal 3 bestanden van 5 MB: png, jpg, pdf, txt of csv.{" "}
                {kind === "reply" ? "De beller kan ze downloaden." : "Alleen collega’s zien ze."}
              </span>
              <input
                id={`${id}-files`}
                ref={fileInput}
                type="file"
                multiple
                accept=".png,.jpg,.jpeg,.pdf,.txt,.csv"
                aria-invalid={fileError ? true : undefined}
                aria-describedby={`${id}-files-hint${fileError ? ` ${id}-files-error` : ""}`}
                onChange={(e) => {
                  const chosen = Array.from(e.target.files ?? []);
                  const problem = chosenFilesError(chosen);
                  setFileError(problem);
                  setFiles(problem ? [] : chosen);
                }}
              />
              {files.length > 0 && <p className="muted">Gekozen: {files.map((f) => f.name).join(", ")}</p>}
              {fileError && (
                <p id={`${id}-files-error`} className="field-error" role="alert">
                  {fileError}
                </p>
              )}
            </div>

            {kind === "reply" && (
              <div className="field inline-field">
                <label htmlFor={`${id}-after`}>Status na versturen</label>
                <select
                  id={`${id}-after`}
                  value={statusAfter}
                  onChange={(e) => setStatusAfter(e.target.value as typeof statusAfter)}
                >
                  <option value="">{status === "new" ? "Open" : "Niet wijzigen"}</option>
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
        )}
      </section>
      <p className="visually-hidden" aria-live="polite" role="status">
        {announce}
      </p>
    </>
  );
}

function MiniToolbar({
  editor,
  linkOpen,
  setLinkOpen,
}: {
  editor: Editor | null;
  linkOpen: boolean;
  setLinkOpen: (v: boolean) => void;
}) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e?.isActive("bold") ?? false,
      italic: e?.isActive("italic") ?? false,
      bullet: e?.isActive("bulletList") ?? false,
      ordered: e?.isActive("orderedList") ?? false,
      link: e?.isActive("link") ?? false,
    }),
  });
  if (!editor || !state) return <div className="tiptap-toolbar" aria-busy="true" />;
  const b = (label: string, active: boolean, run: () => void, text: React.ReactNode) => (
    <button
      type="button"
      aria-label={label}
      title={label}
      aria-pressed={active}
      onMouseDown={(e) => e.preventDefault()}
      onClick={run}
    >
      {text}
    </button>
  );
  return (
    <div className="tiptap-toolbar" role="toolbar" aria-label="Opmaak">
      {b("Vet", state.bold, () => editor.chain().focus().toggleBold().run(), <strong>B</strong>)}
      {b("Schuin", state.italic, () => editor.chain().focus().toggleItalic().run(), <em>I</em>)}
      {b("Lijst met opsommingstekens", state.bullet, () => editor.chain().focus().toggleBulletList().run(), "• Lijst")}
      {b("Genummerde lijst", state.ordered, () => editor.chain().focus().toggleOrderedList().run(), "1. Lijst")}
      {b(
        state.link ? "Link bewerken of verwijderen" : "Link toevoegen",
        state.link || linkOpen,
        () => setLinkOpen(!linkOpen),
        "Link",
      )}
    </div>
  );
}

function ArticleFinder({ onPick }: { onPick: (a: { slug: string; title: string }) => void }) {
  const id = useId();
  const [q, setQ] = useState("");
  const [hits, setHits] = useState<{ slug: string; title: string; summary: string }[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const find = async () => {
    setBusy(true);
    setError(null);
    const r = await findArticlesAction({ q });
    setBusy(false);
    if (!r.ok) {
      setHits(null);
      return setError(r.fieldErrors.q ?? r.error);
    }
    setHits(r.data);
  };
  return (
    <div className="article-finder">
      <div className="field inline-field">
        <label htmlFor={`${id}-q`}>Artikel zoeken om te linken</label>
        <input
          id={`${id}-q`}
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          maxLength={200}
          aria-invalid={!!error}
          aria-describedby={error ? `${id}-err` : undefined}
          onKeyDown={(e) => e.key === "Enter" && (e.preventDefault(), void find())}
        />
        <button type="button" className="btn btn-secondary btn-small" onClick={() => void find()} disabled={busy}>
          Zoeken
        </button>
      </div>
      {error && (
        <p id={`${id}-err`} className="field-error">
          {error}
        </p>
      )}
      <div aria-live="polite">
        {hits && hits.length === 0 && <p className="muted">Geen artikelen gevonden.</p>}
        {hits && hits.length > 0 && (
          <ul className="plain-list article-hits" aria-label="Gevonden artikelen">
            {hits.map((h) => (
              <li key={h.slug}>
                <span className="block">
                  <strong>{h.title}</strong>
                </span>
                <span className="muted block">{h.summary}</span>
                <button
                  type="button"
                  className="btn btn-secondary btn-small"
                  onClick={() => onPick(h)}
                  aria-label={`Link naar ‘${h.title}’ invoegen`}
                >
                  Link invoegen
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
