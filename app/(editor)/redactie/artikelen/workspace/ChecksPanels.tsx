// The checks beside the text: plain-language tips (B1) for the title, summary and body, and links to other
// articles that do not exist or are not online.
import Link from "next/link";
import { useEffect, useMemo, useState } from "react";
import type { JSONContent } from "@tiptap/core";
import { checkDocPlainLanguage, checkPlainLanguage } from "@/app/_modules/articles/plain-language";
import { checkLinks } from "../../actions";
import { KIND_LABELS, type LinkFinding } from "./shared";

export function PlainLanguagePanel({
  uid,
  body,
  title,
  summary,
  onShowInText,
}: {
  uid: string;
  /** The body as deferred by the workspace (the checks run behind typing). */
  body: JSONContent;
  title: string;
  summary: string;
  onShowInText: (from: number, to: number) => void;
}) {
  const docFindings = useMemo(() => checkDocPlainLanguage(body), [body]);
  const fieldFindings = useMemo(
    () => [
      ...checkPlainLanguage(title).map((f) => ({ ...f, where: "Titel" })),
      ...checkPlainLanguage(summary).map((f) => ({ ...f, where: "Samenvatting" })),
    ],
    [title, summary],
  );
  const count = docFindings.length + fieldFindings.length;
  return (
    <section className="card checks" aria-labelledby={`${uid}-b1`}>
      <h2 id={`${uid}-b1`}>Leesbaarheid (B1)</h2>
      <p className="hint">Tips, geen regels: u kunt het artikel ook zonder deze aanpassingen opslaan.</p>
      {count === 0 ? (
        <p>Geen opmerkingen. Goed leesbaar!</p>
      ) : (
        <>
          <p>
            {count} {count === 1 ? "opmerking" : "opmerkingen"}.
          </p>
          <ul className="plain-list finding-list">
            {fieldFindings.map((f, i) => (
              <li key={`f${i}`}>
                <span className={`finding-kind kind-${f.kind}`}>{KIND_LABELS[f.kind]}</span>{" "}
                <span className="muted">in {f.where}</span>
                <q>{f.text.length > 80 ? `${f.text.slice(0, 80)}…` : f.text}</q>
                <span className="finding-msg">{f.message}</span>
              </li>
            ))}
            {docFindings.slice(0, 40).map((f, i) => (
              <li key={`d${i}`}>
                <span className={`finding-kind kind-${f.kind}`}>{KIND_LABELS[f.kind]}</span>
                <q>{f.text.length > 80 ? `${f.text.slice(0, 80)}…` : f.text}</q>
                <span className="finding-msg">{f.message}</span>
                <button type="button" className="btn-link" onClick={() => onShowInText(f.from, f.to)}>
                  Aanwijzen in de tekst
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export function LinksPanel({ uid, body }: { uid: string; body: JSONContent }) {
  const [links, setLinks] = useState<LinkFinding[] | null>(null);
  useEffect(() => {
    const t = setTimeout(async () => {
      try {
        const r = await checkLinks({ body: JSON.stringify(body) });
        if (r.ok) setLinks(r.data);
      } catch {
        // Checked again on the next change.
      }
    }, 1200);
    return () => clearTimeout(t);
  }, [body]);
  return (
    <section className="card checks" aria-labelledby={`${uid}-links`}>
      <h2 id={`${uid}-links`}>Links naar artikelen</h2>
      {links === null ? (
        <p className="muted">Wordt gecontroleerd…</p>
      ) : links.length === 0 ? (
        <p>Alle links naar andere artikelen werken.</p>
      ) : (
        <ul className="plain-list finding-list">
          {links.map((l, i) => (
            <li key={i}>
              <span className="finding-kind kind-link">{l.kind === "missing" ? "Bestaat niet" : "Niet online"}</span>
              <q>{l.text}</q>
              <span className="finding-msg">{l.message}</span>
              {l.articleId && <Link href={`/redactie/artikelen/${l.articleId}`}>Artikel openen</Link>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Selects a finding's range in the editor and scrolls to it (the editor is reached through its DOM node). */
export function showInEditor(uid: string, from: number, to: number): void {
  const dom = document.querySelector(`#${CSS.escape(uid)}-editor .ProseMirror`) as
    (HTMLElement & { editor?: { chain: () => TextSelectionChain } }) | null;
  dom?.editor?.chain().focus().setTextSelection({ from, to }).scrollIntoView().run();
}

/** The part of Tiptap's command chain showInEditor uses. */
type TextSelectionChain = {
  focus(): TextSelectionChain;
  setTextSelection(range: { from: number; to: number }): TextSelectionChain;
  scrollIntoView(): TextSelectionChain;
  run(): boolean;
};
