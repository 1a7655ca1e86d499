// The "Voorbeeld" tab: the body rendered by the public renderer (live protocol data), framed like the article page.
import { useEffect, useState } from "react";
import type { JSONContent } from "@tiptap/core";
import { previewArticle } from "../../actions";
import type { Choices } from "../../data";
import type { ArticleFormValues } from "../../schema";

export function PreviewPanel({
  uid,
  tab,
  body,
  values,
  audiences,
}: {
  uid: string;
  tab: "edit" | "preview";
  body: JSONContent;
  values: ArticleFormValues;
  audiences: Choices["audiences"];
}) {
  const [preview, setPreview] = useState<{ html: string | null; message: string | null } | null>(null);
  // "Zoals het leest op": empty = today; a date renders the protocol rules in force on that day.
  const [day, setDay] = useState("");
  useEffect(() => {
    if (tab !== "preview") return;
    let live = true;
    setPreview(null);
    previewArticle({ body: JSON.stringify(body), ...(day ? { day } : {}) })
      .then((r) => live && setPreview(r.ok ? r.data : { html: null, message: r.error }))
      .catch(
        () =>
          live && setPreview({ html: null, message: "Het voorbeeld kon niet worden geladen. Probeer het opnieuw." }),
      );
    return () => {
      live = false;
    };
  }, [tab, body, day]);

  return (
    <div
      role="tabpanel"
      id={`${uid}-panel-preview`}
      aria-labelledby={`${uid}-tab-preview`}
      hidden={tab !== "preview"}
      className="preview-panel"
    >
      {tab === "preview" && (
        <>
          <p className="muted preview-note">
            Zo ziet het artikel eruit op de website. Protocolregels en links naar andere artikelen komen uit de actuele
            gegevens.
          </p>
          <p className="field">
            <label htmlFor={`${uid}-preview-day`}>Zoals het artikel leest op (leeg = vandaag)</label>
            <input
              id={`${uid}-preview-day`}
              type="date"
              value={day}
              onChange={(e) => setDay(e.target.value)}
              aria-describedby={`${uid}-preview-day-hint`}
            />
            <span id={`${uid}-preview-day-hint`} className="hint">
              Regels die op een latere datum veranderen, ziet u dan met de nieuwe getallen.
            </span>
          </p>
          {!preview && <p role="status">Voorbeeld wordt geladen…</p>}
          {preview?.message && (
            <div className="alert alert-error" role="alert">
              <p>{preview.message}</p>
            </div>
          )}
          {preview?.html !== undefined && preview?.html !== null && (
            <div className="article-layout">
              <article className="article-body" aria-labelledby={`${uid}-preview-title`}>
                {values.type === "nieuws" && <p className="tag">Nieuws en praktijk</p>}
                <h1 id={`${uid}-preview-title`}>{values.title || "(nog geen titel)"}</h1>
                <p className="lead" style={{ fontSize: "1.1rem" }}>
                  {values.summary}
                </p>
                <p className="article-meta">
                  Laatst gecontroleerd op{" "}
                  {new Date().toLocaleDateString("nl-NL", {
                    timeZone: "Europe/Amsterdam",
                    day: "numeric",
                    month: "long",
                    year: "numeric",
                  })}
                  . Voor:{" "}
                  {(values.audiences ?? []).map((a) => audiences.find((c) => c.id === a)?.label ?? a).join(", ")}.
                </p>
                <div dangerouslySetInnerHTML={{ __html: preview.html }} />
              </article>
              <aside aria-label="Meer hulp (voorbeeld)">
                <p className="muted">
                  Op de website staan hier ‘Lees ook’, de contactgegevens van de helpdesk en ‘Was dit artikel nuttig?’.
                </p>
              </aside>
            </div>
          )}
        </>
      )}
    </div>
  );
}
