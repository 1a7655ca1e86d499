"use client";
// The wizard's typeaheads ask the public directory (GET /api/v1/directory): schools and organisations by name, code
// or place, with only their public facts.
import type { ComboOption } from "@/app/_components/Combobox";
import {
  KIND_LABELS,
  SECTOR_LABELS,
  type OrganisationKind,
  type SchoolSector,
} from "@/app/_modules/organisations/codes";

export type DirectoryEntry = {
  id: string;
  kind: OrganisationKind;
  sector: SchoolSector | null;
  name: string;
  code: string | null;
  place: string | null;
};

/** "12AB · Oosterwolde · voortgezet onderwijs (vo)": code, place, and the sector (schools) or kind. */
export function entryDetail(e: DirectoryEntry): string {
  const what = e.kind === "school" && e.sector ? SECTOR_LABELS[e.sector] : KIND_LABELS[e.kind];
  return [e.code, e.place, what].filter(Boolean).join(" · ");
}

/** A search over the directory, limited to one kind of organisation when given. */
export function directorySearch(kind?: string) {
  return async (q: string): Promise<ComboOption<DirectoryEntry>[] | null> => {
    const params = new URLSearchParams({ q, ...(kind ? { kind } : {}) });
    const res = await fetch(`/api/v1/directory?${params}`);
    if (!res.ok) return null;
    const { items } = (await res.json()) as { items: DirectoryEntry[] };
    return items.map((e) => ({ id: e.id, label: e.name, detail: entryDetail(e), data: e }));
  };
}
