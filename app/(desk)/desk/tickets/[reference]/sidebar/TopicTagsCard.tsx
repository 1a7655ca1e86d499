"use client";
// "Onderwerp en tags": the ticket's topic and its tags (autocomplete from the existing tags; new tags by admins only).
import { useId, useState } from "react";
import { tagsAction, topicAction } from "../../../actions";
import { FieldError, SideCard, withoutData, type RunAction } from "./shared";

export function TopicTagsCard(p: {
  reference: string;
  canEdit: boolean;
  canCreateTags: boolean;
  topic: string | null;
  topics: { id: string; label: string }[];
  tags: string[];
  allTags: string[];
  run: RunAction;
}) {
  const id = useId();
  return (
    <SideCard title="Onderwerp en tags" id={`${id}-topic`}>
      <TopicForm reference={p.reference} canEdit={p.canEdit} topic={p.topic} topics={p.topics} run={p.run} />
      <h3 className="side-sub">Tags</h3>
      <TagEditor {...p} />
    </SideCard>
  );
}

function TopicForm(p: {
  reference: string;
  canEdit: boolean;
  topic: string | null;
  topics: { id: string; label: string }[];
  run: RunAction;
}) {
  const id = useId();
  const [topic, setTopic] = useState(p.topic ?? "");
  const [topicErr, setTopicErr] = useState<string | null>(null);
  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        setTopicErr(null);
        const r = await p.run(
          async () => withoutData(await topicAction({ reference: p.reference, topic: topic || null })),
          "Het onderwerp is opgeslagen.",
        );
        if (!r.ok) setTopicErr(r.fieldErrors.topic ?? r.error);
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-topic-select`}>Onderwerp</label>
        <select
          id={`${id}-topic-select`}
          value={topic}
          onChange={(e) => setTopic(e.target.value)}
          disabled={!p.canEdit}
          aria-invalid={!!topicErr}
          aria-describedby={topicErr ? `${id}-topic-error` : undefined}
        >
          <option value="">Geen onderwerp</option>
          {p.topics.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
        </select>
        <FieldError id={`${id}-topic-error`} error={topicErr} />
      </div>
      <button type="submit" className="btn btn-secondary btn-small" disabled={!p.canEdit}>
        Onderwerp opslaan
      </button>
    </form>
  );
}

function TagEditor(p: {
  reference: string;
  canEdit: boolean;
  canCreateTags: boolean;
  tags: string[];
  allTags: string[];
  run: RunAction;
}) {
  const id = useId();
  const [tagInput, setTagInput] = useState("");
  const [tagErr, setTagErr] = useState<string | null>(null);

  const saveTags = async (tags: string[], announceOnSuccess: string) => {
    setTagErr(null);
    const r = await p.run(
      async () => withoutData(await tagsAction({ reference: p.reference, tags })),
      announceOnSuccess,
    );
    if (!r.ok) setTagErr(r.fieldErrors.tags ?? r.error);
    return r.ok;
  };

  const addTag = async (e: React.FormEvent) => {
    e.preventDefault();
    const name = tagInput.trim().toLowerCase().replace(/\s+/g, " ");
    if (!name) return setTagErr("Typ een tag.");
    if (p.tags.includes(name)) return setTagErr("Deze tag staat al op de vraag.");
    if (!p.canCreateTags && !p.allTags.includes(name)) {
      return setTagErr(
        `De tag '${name}' bestaat nog niet. Kies een bestaande tag. Alleen een beheerder kan nieuwe tags maken.`,
      );
    }
    if (await saveTags([...p.tags, name], `Tag ${name} toegevoegd.`)) setTagInput("");
  };

  return (
    <>
      {p.tags.length === 0 ? (
        <p className="muted">Nog geen tags.</p>
      ) : (
        <ul className="tag-list" aria-label="Tags van deze vraag">
          {p.tags.map((t) => (
            <li key={t}>
              <span className="tag">{t}</span>
              {p.canEdit && (
                <button
                  type="button"
                  className="linklike"
                  aria-label={`Tag ${t} verwijderen`}
                  onClick={() =>
                    void saveTags(
                      p.tags.filter((x) => x !== t),
                      `Tag ${t} verwijderd.`,
                    )
                  }
                >
                  verwijderen
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {p.canEdit && (
        <form onSubmit={addTag}>
          <div className="field">
            <label htmlFor={`${id}-tag`}>Tag toevoegen</label>
            <span id={`${id}-tag-hint`} className="hint">
              {p.canCreateTags
                ? "Kies een bestaande tag of typ een nieuwe."
                : "Kies een bestaande tag. Alleen een beheerder kan nieuwe tags maken."}
            </span>
            <input
              id={`${id}-tag`}
              type="text"
              list={`${id}-tag-list`}
              value={tagInput}
              onChange={(e) => setTagInput(e.target.value)}
              autoComplete="off"
              maxLength={40}
              aria-invalid={!!tagErr}
              aria-describedby={`${id}-tag-hint${tagErr ? ` ${id}-tag-error` : ""}`}
            />
            <datalist id={`${id}-tag-list`}>
              {p.allTags
                .filter((t) => !p.tags.includes(t))
                .map((t) => (
                  <option key={t} value={t} />
                ))}
            </datalist>
            <FieldError id={`${id}-tag-error`} error={tagErr} />
          </div>
          <button type="submit" className="btn btn-secondary btn-small">
            Tag toevoegen
          </button>
        </form>
      )}
    </>
  );
}
