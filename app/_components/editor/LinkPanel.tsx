"use client";
// Add, change or remove a link in a Tiptap editor. Article bodies may link to pages of the portal ("/…");
// staff replies are mailed, so they need full addresses (allowRelative false).
import type { Editor } from "@tiptap/core";
import { useId, useState } from "react";
import { isAllowedHref } from "@/app/_lib/tiptap/doc-types";

export function LinkPanel({
  editor,
  onDone,
  allowRelative = true,
}: {
  editor: Editor;
  onDone: () => void;
  allowRelative?: boolean;
}) {
  const id = useId();
  const [href, setHref] = useState<string>(() => (editor.getAttributes("link").href as string | undefined) ?? "");
  const [error, setError] = useState<string | null>(null);
  const apply = () => {
    const url = href.trim();
    if (!url) {
      editor.chain().focus().extendMarkRange("link").unsetLink().run();
      return onDone();
    }
    if (!isAllowedHref(url) || (!allowRelative && url.startsWith("/"))) {
      return setError(
        allowRelative
          ? "Gebruik een adres dat begint met https://, http://, mailto: of /."
          : "Gebruik een adres dat begint met https://, http:// of mailto:.",
      );
    }
    // Without a selection the address itself becomes the link text.
    if (editor.state.selection.empty)
      editor
        .chain()
        .focus()
        .insertContent([{ type: "text", text: url, marks: [{ type: "link", attrs: { href: url } }] }])
        .run();
    else editor.chain().focus().extendMarkRange("link").setLink({ href: url }).run();
    onDone();
  };
  return (
    <div className="editor-panel" role="group" aria-label="Link">
      <label htmlFor={`${id}-href`}>Adres van de link</label>
      <input
        id={`${id}-href`}
        type="url"
        value={href}
        aria-invalid={!!error}
        aria-describedby={error ? `${id}-err` : undefined}
        onChange={(e) => setHref(e.target.value)}
        onKeyDown={(e) => e.key === "Enter" && (e.preventDefault(), apply())}
        placeholder={allowRelative ? "https://… of /artikelen/…" : "https://…"}
        autoFocus
      />
      <button type="button" className="btn btn-small" onClick={apply}>
        {href.trim() ? "Link opslaan" : "Link verwijderen"}
      </button>
      <button type="button" className="btn btn-secondary btn-small" onClick={onDone}>
        Annuleren
      </button>
      {error && (
        <p id={`${id}-err`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
