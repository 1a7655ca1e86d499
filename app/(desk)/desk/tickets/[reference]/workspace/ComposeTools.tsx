"use client";
// Tools above the reply editor: insert a macro's text, or a link to an article found by search.
import type { Editor, JSONContent } from "@tiptap/react";
import { useState } from "react";
import { textToReplyDoc } from "@/app/_components/editor/reply-text";
import { ArticleFinder } from "./ArticleFinder";

export function ComposeTools({
  id,
  editor,
  macros,
  appUrl,
  announce,
}: {
  id: string;
  editor: Editor | null;
  macros: { id: string; title: string; text: string }[];
  appUrl: string;
  announce: (message: string) => void;
}) {
  const [macroId, setMacroId] = useState(macros[0]?.id ?? "");

  const insertMacro = () => {
    const m = macros.find((x) => x.id === macroId);
    if (!m || !editor) return;
    const doc = textToReplyDoc(m.text);
    editor
      .chain()
      .focus()
      .insertContent(doc.content as JSONContent[])
      .run();
    announce(`Macro ‘${m.title}’ ingevoegd.`);
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
    announce(`Link naar ‘${a.title}’ ingevoegd.`);
  };

  return (
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
  );
}
