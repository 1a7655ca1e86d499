"use client";
// A text field with suggestions: the ARIA 1.2 combobox pattern with list autocomplete and manual selection.
// Typing asks `search` (debounced, stale answers dropped); ArrowDown/ArrowUp move through the options (wrapping),
// Enter picks the highlighted one, Escape closes the list, Tab leaves it; a click picks too. Nothing is picked
// automatically, so free text stays possible: Enter without a highlighted option is the form's own Enter.
// The list is inline (it pushes the page down, it never covers a button), and a status line tells screen readers
// how many suggestions there are.
import { useEffect, useRef, useState, type CSSProperties, type Ref } from "react";

/** A suggestion: its text, an optional detail line (code, place), and what the caller needs when it is picked. */
export type ComboOption<T = undefined> = { id: string; label: string; detail?: string; data: T };

type Props<T> = {
  id: string;
  value: string;
  /** The person typed: the text as it is now (a pick made earlier no longer holds). */
  onInput: (text: string) => void;
  onPick: (option: ComboOption<T>) => void;
  onBlur?: () => void;
  /** Suggestions for the text, or null when the search failed (a message says to type the name instead). */
  search: (q: string) => Promise<ComboOption<T>[] | null>;
  /** The listbox's accessible name ("Gevonden scholen"): not the field's label, so getByLabel finds one element. */
  listLabel: string;
  minChars?: number;
  inputRef?: Ref<HTMLInputElement>;
  describedBy?: string;
  invalid?: boolean;
  autoComplete?: string;
  style?: CSSProperties;
};

const DEBOUNCE_MS = 250;

export function Combobox<T>(props: Props<T>) {
  const { id, search, minChars = 2 } = props;
  const [query, setQuery] = useState<string | null>(null);
  const [options, setOptions] = useState<ComboOption<T>[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState("");
  const asked = useRef(0);

  // Only what the person typed is searched (not a value set by a pick or a restored draft).
  useEffect(() => {
    if (query === null) return;
    const q = query.trim();
    if (q.length < minChars) {
      asked.current++;
      setOptions([]);
      setOpen(false);
      setStatus("");
      return;
    }
    const ask = ++asked.current;
    const timer = setTimeout(async () => {
      const found = await search(q).catch(() => null);
      if (ask !== asked.current) return;
      setOptions(found ?? []);
      setActive(-1);
      setOpen(!!found?.length);
      setStatus(
        found === null
          ? "Zoeken lukt nu niet. Typ de naam zelf."
          : found.length === 0
            ? "Geen suggesties. U kunt de naam ook zelf typen."
            : `${found.length} ${found.length === 1 ? "suggestie" : "suggesties"}. Kies met pijltje omlaag en Enter.`,
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, minChars, search]);

  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-opt-${i}`;
  const close = () => {
    setOpen(false);
    setActive(-1);
  };
  const pick = (o: ComboOption<T>) => {
    asked.current++;
    setQuery(null);
    close();
    setStatus(`Gekozen: ${o.label}`);
    props.onPick(o);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    const n = options.length;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (!n) return;
      e.preventDefault();
      if (!open || e.altKey) {
        setOpen(true);
        if (e.altKey) return;
      }
      setActive((a) => (e.key === "ArrowDown" ? (a + 1) % n : a <= 0 ? n - 1 : a - 1));
    } else if (e.key === "Enter" && open && active >= 0 && options[active]) {
      e.preventDefault();
      pick(options[active]!);
    } else if (e.key === "Escape" && open) {
      e.preventDefault();
      close();
    } else if (e.key === "Tab") close();
  };

  const expanded = open && options.length > 0;
  return (
    <>
      <input
        id={id}
        ref={props.inputRef}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-describedby={props.describedBy}
        aria-invalid={props.invalid || undefined}
        autoComplete={props.autoComplete ?? "off"}
        style={props.style}
        value={props.value}
        onChange={(e) => {
          setQuery(e.target.value);
          props.onInput(e.target.value);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          close();
          props.onBlur?.();
        }}
      />
      <ul id={listId} role="listbox" aria-label={props.listLabel} className="combobox-list" hidden={!expanded}>
        {options.map((o, i) => (
          <li
            key={o.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className={i === active ? "active" : undefined}
            // mousedown, not click: the field keeps focus, so its blur does not close the list first.
            onMouseDown={(e) => {
              e.preventDefault();
              pick(o);
            }}
          >
            {o.label}
            {o.detail && <span className="muted combobox-detail"> · {o.detail}</span>}
          </li>
        ))}
      </ul>
      <span className="visually-hidden" role="status" aria-live="polite">
        {status}
      </span>
    </>
  );
}
