"use client";
// The wizard's typeaheads ask the public directory (GET /api/v1/directory): schools and organisations by name, code
// or place, with only their public facts.
import type { ComboOption } from "@/app/_components/Combobox";
import { organisationDetail, type OrganisationSummary } from "@/app/_modules/organisations/codes";

export type DirectoryEntry = OrganisationSummary;

/** A search over the directory, limited to one kind of organisation when given. */
export function directorySearch(kind?: string) {
  return async (q: string): Promise<ComboOption<DirectoryEntry>[] | null> => {
    const params = new URLSearchParams({ q, ...(kind ? { kind } : {}) });
    const res = await fetch(`/api/v1/directory?${params}`);
    if (!res.ok) return null;
    const { items } = (await res.json()) as { items: DirectoryEntry[] };
    return items.map((e) => ({ id: e.id, label: e.name, detail: organisationDetail(e), data: e }));
  };
}
