"use client";
// Search-as-you-type in the ARIA 1.2 combobox pattern: arrow keys move through the suggestions, Enter opens
// one (or searches), Escape closes. Requests are debounced and stale ones aborted, so typing never waits.
// Without JavaScript it is a plain GET form to /zoeken.
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";

type Suggestion = { slug: string; url: string; title: string; titleHtml: string; summary: string };

export function SearchCombobox({
  label = "Zoek een antwoord",
  placeholder = "Bijvoorbeeld: verzuim melden, 16 uur, vakantieverlof",
  autoFocus = false,
  initialQuery = "",
}: {
  label?: string;
  placeholder?: string;
  autoFocus?: boolean;
  /** The query already searched for (results page): shown in the box, no suggestions until it is changed. */
  initialQuery?: string;
}) {
  const id = useId();
  const listId = `${id}-list`;
  const router = useRouter();
  const [q, setQ] = useState(initialQuery);
  const edited = useRef(false);
  const [items, setItems] = useState<Suggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState("");
  const searchId = useRef<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  useEffect(() => {
    const term = q.trim();
    if (!edited.current) return;
    if (term.length < 2) {
      abort.current?.abort();
      setItems([]);
      setOpen(false);
      setStatus("");
      return;
    }
    const timer = setTimeout(async () => {
      abort.current?.abort();
      const ctrl = new AbortController();
      abort.current = ctrl;
      try {
        const res = await fetch(`/api/v1/search?source=autocomplete&perPage=6&q=${encodeURIComponent(term)}`, {
          signal: ctrl.signal,
        });
        if (!res.ok) return;
        const data = (await res.json()) as { hits: Suggestion[]; total: number; searchId: string | null };
        searchId.current = data.searchId;
        setItems(data.hits);
        setActive(-1);
        setOpen(true);
        setStatus(
          data.total === 0
            ? "Geen artikelen gevonden. Druk op Enter om verder te zoeken."
            : `${data.hits.length} ${data.hits.length === 1 ? "suggestie" : "suggesties"}. Gebruik de pijltjestoetsen om te kiezen.`,
        );
      } catch {
        // Aborted or offline: the form still submits to /zoeken.
      }
    }, 150);
    return () => clearTimeout(timer);
  }, [q]);

  const go = (s: Suggestion) => {
    setOpen(false);
    router.push(`${s.url}${searchId.current ? `?z=${searchId.current}` : ""}`);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      if (!open && items.length) setOpen(true);
      setActive((a) => (items.length ? (a + 1) % items.length : -1));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((a) => (items.length ? (a <= 0 ? items.length - 1 : a - 1) : -1));
    } else if (e.key === "Escape") {
      if (open) {
        e.preventDefault();
        setOpen(false);
        setActive(-1);
      } else setQ("");
    } else if (e.key === "Enter" && open && active >= 0 && items[active]) {
      e.preventDefault();
      go(items[active]);
    }
  };

  const expanded = open && items.length > 0;
  return (
    <form role="search" action="/zoeken" method="get" className="combobox" onSubmit={() => setOpen(false)}>
      <label htmlFor={`${id}-input`} className="label">
        {label}
      </label>
      <div className="combobox-row">
        <input
          id={`${id}-input`}
          name="q"
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? `${id}-opt-${active}` : undefined}
          autoComplete="off"
          maxLength={200}
          placeholder={placeholder}
          value={q}
          autoFocus={autoFocus}
          onChange={(e) => {
            edited.current = true;
            setQ(e.target.value);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onFocus={() => items.length && setOpen(true)}
        />
        <button className="btn" type="submit">
          Zoeken
        </button>
      </div>
      <ul id={listId} role="listbox" aria-label="Suggesties" className="combobox-list" hidden={!expanded}>
        {items.map((s, i) => (
          <li
            key={s.slug}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => {
              e.preventDefault();
              go(s);
            }}
            onMouseEnter={() => setActive(i)}
          >
            <span dangerouslySetInnerHTML={{ __html: s.titleHtml }} />
          </li>
        ))}
      </ul>
      <div className="visually-hidden" role="status" aria-live="polite">
        {status}
      </div>
    </form>
  );
}
