"use client";
// The article editor (also used for staff replies). It only edits JSON: no data fetching here;
// the page passes the rule list in and saves what onChange reports.
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from "react";
import { EditorContent, useEditor, useEditorState, type Editor, type JSONContent } from "@tiptap/react";
import { LinkPanel } from "./LinkPanel";
import { createEditorExtensions } from "@/app/_lib/tiptap/extensions";
import { isValidId, NODE } from "@/app/_lib/tiptap/doc-types";

export interface RuleOption {
  protocolId: string;
  id: string;
  title: string;
  thresholdText: string;
}

export interface ArticleEditorProps {
  value: JSONContent | null;
  onChange: (json: JSONContent) => void;
  /** Rules the protocol picker offers; leave empty to hide it (e.g. for ticket replies). */
  rules?: RuleOption[];
  /** Protocol that `{{regel:id}}` means without a prefix. */
  defaultProtocol?: string;
  /** Accessible name of the text area. */
  label?: string;
  disabled?: boolean;
}

const EMPTY: JSONContent = { type: "doc", content: [{ type: "paragraph" }] };

type Panel = null | "link" | "article" | "rule";

function ToolbarButton(props: {
  label: string;
  onClick: () => void;
  active?: boolean;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={props.active ? "editor-button is-active" : "editor-button"}
      aria-label={props.label}
      title={props.label}
      aria-pressed={props.active ?? undefined}
      disabled={props.disabled}
      onMouseDown={(e) => e.preventDefault() /* keep the text selection */}
      onClick={props.onClick}
    >
      {props.children}
    </button>
  );
}

/** Rich-text editor for articles with the shared schema; controlled through `value` / `onChange`. */
export function ArticleEditor({
  value,
  onChange,
  rules = [],
  defaultProtocol = "stellingwerf-college",
  label = "Tekst van het artikel",
  disabled = false,
}: ArticleEditorProps) {
  // Rule chips read as the reader sees them (title and threshold), from the rule list the page passed in.
  const rulesRef = useRef({ rules, defaultProtocol });
  rulesRef.current = { rules, defaultProtocol };
  const extensions = useMemo(
    () =>
      createEditorExtensions([], {
        describeRule: (ref) =>
          rulesRef.current.rules.find((r) => r.id === ref.ruleId && r.protocolId === ref.protocol) ?? null,
      }),
    [],
  );
  const editor = useEditor({
    extensions,
    content: value ?? EMPTY,
    editable: !disabled,
    immediatelyRender: false,
    editorProps: {
      attributes: { "aria-label": label, "aria-multiline": "true", role: "textbox", class: "editor-content" },
    },
    onUpdate: ({ editor: e }) => onChange(e.getJSON()),
  });

  // Outside changes (restore a revision, reset a form) replace the content; our own echo does not.
  useEffect(() => {
    if (!editor || !value) return;
    if (JSON.stringify(editor.getJSON()) !== JSON.stringify(value))
      editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, value]);

  useEffect(() => {
    editor?.setEditable(!disabled);
  }, [editor, disabled]);

  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      h2: e?.isActive("heading", { level: 2 }) ?? false,
      h3: e?.isActive("heading", { level: 3 }) ?? false,
      bold: e?.isActive("bold") ?? false,
      italic: e?.isActive("italic") ?? false,
      bullet: e?.isActive("bulletList") ?? false,
      ordered: e?.isActive("orderedList") ?? false,
      link: e?.isActive("link") ?? false,
      callout: e?.isActive(NODE.callout) ?? false,
      table: e?.isActive("table") ?? false,
    }),
  });

  const [panel, setPanel] = useState<Panel>(null);
  if (!editor || !state) return <div className="article-editor" aria-busy="true" />;

  return (
    <div className="article-editor">
      <div className="editor-toolbar" role="toolbar" aria-label="Opmaak">
        <FormatButtons editor={editor} state={state} disabled={disabled} />
        <ToolbarButton
          label={state.link ? "Link bewerken of verwijderen" : "Link toevoegen"}
          active={state.link}
          disabled={disabled}
          onClick={() => setPanel(panel === "link" ? null : "link")}
        >
          Link
        </ToolbarButton>
        <ToolbarButton
          label="Tabel invoegen"
          active={state.table}
          disabled={disabled || state.table}
          onClick={() => editor.chain().focus().insertTable({ rows: 3, cols: 2, withHeaderRow: true }).run()}
        >
          Tabel
        </ToolbarButton>
        {state.table && <TableButtons editor={editor} disabled={disabled} />}
        <ToolbarButton
          label={state.callout ? "Kader weghalen" : "Infokader"}
          active={state.callout}
          disabled={disabled}
          onClick={() => toggleCallout(editor, "info", state.callout)}
        >
          Info
        </ToolbarButton>
        <ToolbarButton
          label="Waarschuwingskader"
          disabled={disabled || state.callout}
          onClick={() => toggleCallout(editor, "waarschuwing", false)}
        >
          Let op
        </ToolbarButton>
        <ToolbarButton
          label="Link naar een ander artikel"
          disabled={disabled}
          onClick={() => setPanel(panel === "article" ? null : "article")}
        >
          Artikel
        </ToolbarButton>
        {rules.length > 0 && (
          <ToolbarButton
            label="Regel uit het verzuimprotocol invoegen"
            disabled={disabled}
            onClick={() => setPanel(panel === "rule" ? null : "rule")}
          >
            Regel
          </ToolbarButton>
        )}
      </div>

      {panel === "link" && <LinkPanel editor={editor} onDone={() => setPanel(null)} />}
      {panel === "article" && <ArticleLinkPanel editor={editor} onDone={() => setPanel(null)} />}
      {panel === "rule" && (
        <RulePanel editor={editor} rules={rules} defaultProtocol={defaultProtocol} onDone={() => setPanel(null)} />
      )}

      <EditorContent editor={editor} />
    </div>
  );
}

function toggleCallout(editor: Editor, variant: "info" | "waarschuwing", active: boolean) {
  if (active) editor.chain().focus().lift(NODE.callout).run();
  else editor.chain().focus().wrapIn(NODE.callout, { variant }).run();
}

function ArticleLinkPanel({ editor, onDone }: { editor: Editor; onDone: () => void }) {
  const id = useId();
  const [slug, setSlug] = useState("");
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const apply = () => {
    const s = slug.trim();
    if (!isValidId(s)) return setError("Vul de slug van het artikel in, bijvoorbeeld verlof-aanvragen.");
    editor
      .chain()
      .focus()
      .insertContent({ type: NODE.articleLink, attrs: { slug: s, label: text.trim() || null } })
      .run();
    onDone();
  };
  return (
    <div className="editor-panel" role="group" aria-label="Link naar artikel">
      <label htmlFor={`${id}-slug`}>Slug van het artikel</label>
      <input
        id={`${id}-slug`}
        value={slug}
        aria-invalid={!!error}
        aria-describedby={error ? `${id}-err` : undefined}
        onChange={(e) => setSlug(e.target.value)}
        autoFocus
      />
      <label htmlFor={`${id}-text`}>Eigen tekst (leeg: de titel van het artikel)</label>
      <input id={`${id}-text`} value={text} onChange={(e) => setText(e.target.value)} />
      <button type="button" onClick={apply}>
        Invoegen
      </button>
      <button type="button" onClick={onDone}>
        Annuleren
      </button>
      {error && (
        <p id={`${id}-err`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function RulePanel({
  editor,
  rules,
  defaultProtocol,
  onDone,
}: {
  editor: Editor;
  rules: RuleOption[];
  defaultProtocol: string;
  onDone: () => void;
}) {
  const id = useId();
  const [choice, setChoice] = useState(0);
  const rule = rules[choice];
  const attrs = rule
    ? { ruleId: rule.id, protocol: rule.protocolId === defaultProtocol ? null : rule.protocolId }
    : undefined;
  return (
    <div className="editor-panel" role="group" aria-label="Regel uit het verzuimprotocol">
      <label htmlFor={`${id}-rule`}>Regel</label>
      <select id={`${id}-rule`} value={choice} onChange={(e) => setChoice(Number(e.target.value))} autoFocus>
        {rules.map((r, i) => (
          <option key={`${r.protocolId}/${r.id}`} value={i}>
            {r.title} — {r.thresholdText} ({r.protocolId})
          </option>
        ))}
      </select>
      <button
        type="button"
        disabled={!attrs}
        onClick={() => {
          editor.chain().focus().insertContent({ type: NODE.protocolRule, attrs }).run();
          onDone();
        }}
      >
        Als blok invoegen
      </button>
      <button
        type="button"
        disabled={!attrs}
        onClick={() => {
          editor.chain().focus().insertContent({ type: NODE.protocolThreshold, attrs }).run();
          onDone();
        }}
      >
        Drempel in de zin invoegen
      </button>
      <button type="button" onClick={onDone}>
        Annuleren
      </button>
    </div>
  );
}

export default ArticleEditor;

type FormatState = Record<"h2" | "h3" | "bold" | "italic" | "bullet" | "ordered", boolean>;

/** Headings, bold and italic, and the two kinds of list. */
function FormatButtons({ editor, state, disabled }: { editor: Editor; state: FormatState; disabled: boolean }) {
  return (
    <>
      <ToolbarButton
        label="Kopje (niveau 2)"
        active={state.h2}
        disabled={disabled}
        onClick={() => editor.chain().focus().toggleHeading({ level: 2 }).run()}
      >
        H2
      </ToolbarButton>
      <ToolbarButton
        label="Tussenkopje (niveau 3)"
        active={state.h3}
        disabled={disabled}
        onClick={() => editor.chain().focus().toggleHeading({ level: 3 }).run()}
      >
        H3
      </ToolbarButton>
      <ToolbarButton
        label="Vet"
        active={state.bold}
        disabled={disabled}
        onClick={() => editor.chain().focus().toggleBold().run()}
      >
        <strong>B</strong>
      </ToolbarButton>
      <ToolbarButton
        label="Schuin"
        active={state.italic}
        disabled={disabled}
        onClick={() => editor.chain().focus().toggleItalic().run()}
      >
        <em>I</em>
      </ToolbarButton>
      <ToolbarButton
        label="Lijst met opsommingstekens"
        active={state.bullet}
        disabled={disabled}
        onClick={() => editor.chain().focus().toggleBulletList().run()}
      >
        •
      </ToolbarButton>
      <ToolbarButton
        label="Genummerde lijst"
        active={state.ordered}
        disabled={disabled}
        onClick={() => editor.chain().focus().toggleOrderedList().run()}
      >
        1.
      </ToolbarButton>
    </>
  );
}

/** Rows and columns of the table the cursor is in. */
function TableButtons({ editor, disabled }: { editor: Editor; disabled: boolean }) {
  return (
    <>
      <ToolbarButton
        label="Rij toevoegen"
        disabled={disabled}
        onClick={() => editor.chain().focus().addRowAfter().run()}
      >
        + rij
      </ToolbarButton>
      <ToolbarButton
        label="Kolom toevoegen"
        disabled={disabled}
        onClick={() => editor.chain().focus().addColumnAfter().run()}
      >
        + kolom
      </ToolbarButton>
      <ToolbarButton
        label="Rij verwijderen"
        disabled={disabled}
        onClick={() => editor.chain().focus().deleteRow().run()}
      >
        − rij
      </ToolbarButton>
      <ToolbarButton
        label="Kolom verwijderen"
        disabled={disabled}
        onClick={() => editor.chain().focus().deleteColumn().run()}
      >
        − kolom
      </ToolbarButton>
      <ToolbarButton
        label="Tabel verwijderen"
        disabled={disabled}
        onClick={() => editor.chain().focus().deleteTable().run()}
      >
        Tabel weg
      </ToolbarButton>
    </>
  );
}
