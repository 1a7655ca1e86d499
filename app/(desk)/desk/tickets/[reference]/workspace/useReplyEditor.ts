"use client";
// The small reply/note editor: Tiptap on the shared schema (bold, italic, lists, links). Esc leaves the editor for the
// compose section; `onWritingChange` hears whether there is text (the presence poll reports "replying").
import { useEditor, type JSONContent } from "@tiptap/react";
import { useMemo, type RefObject } from "react";
import { createEditorExtensions } from "@/app/_lib/tiptap/extensions";

/** An empty reply. */
export const EMPTY_REPLY: JSONContent = { type: "doc", content: [{ type: "paragraph" }] };

export function useReplyEditor(opts: {
  hintId: string;
  composeRef: RefObject<HTMLElement | null>;
  onWritingChange: (writing: boolean) => void;
}) {
  const { hintId, composeRef, onWritingChange } = opts;
  const extensions = useMemo(() => createEditorExtensions(), []);
  return useEditor({
    extensions,
    content: EMPTY_REPLY,
    immediatelyRender: false,
    editorProps: {
      attributes: {
        "aria-label": "Tekst van uw bericht",
        "aria-multiline": "true",
        role: "textbox",
        class: "editor-content",
        "aria-describedby": hintId,
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
    onUpdate: ({ editor: e }) => onWritingChange(!e.isEmpty),
  });
}
