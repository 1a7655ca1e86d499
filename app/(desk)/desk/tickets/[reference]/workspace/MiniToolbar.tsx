"use client";
// The reply editor's formatting toolbar: bold, italic, the two lists and the link panel toggle.
import { useEditorState, type Editor } from "@tiptap/react";

export function MiniToolbar({
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
