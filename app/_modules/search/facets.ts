// Facet values of the embedded engine: per filterable attribute, value → slots and slot → values, plus the
// document-path helpers both indexing and filtering use.
import { words } from "./text";

export type FacetValue = string | number | boolean;

export interface FacetIndex {
  /** normalised value → value id */
  keys: Map<string, number>;
  /** value id → original value (first seen), its slots */
  originals: FacetValue[];
  slots: number[][];
  /** slot → value ids */
  bySlot: (number[] | undefined)[];
  numeric: { slot: number; n: number }[];
  exists: number[];
  nulls: number[];
  empties: number[];
}

export const facetKey = (v: FacetValue): string =>
  typeof v === "string" ? words(v).join(" ") || v.toLowerCase() : String(v);

export function emptyFacet(): FacetIndex {
  return { keys: new Map(), originals: [], slots: [], bySlot: [], numeric: [], exists: [], nulls: [], empties: [] };
}

export function addFacet(fi: FacetIndex, slot: number, value: unknown): void {
  if (value === undefined) return;
  fi.exists.push(slot);
  if (value === null) {
    fi.nulls.push(slot);
    return;
  }
  const values = Array.isArray(value) ? value : [value];
  if (
    values.length === 0 ||
    (typeof value === "string" && value === "") ||
    (isPlainObject(value) && Object.keys(value).length === 0)
  ) {
    fi.empties.push(slot);
  }
  const ids: number[] = [];
  for (const v of values) {
    if (typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean") continue;
    if (typeof v === "number") fi.numeric.push({ slot, n: v });
    const key = facetKey(v);
    let id = fi.keys.get(key);
    if (id === undefined) {
      id = fi.originals.length;
      fi.keys.set(key, id);
      fi.originals.push(v);
      fi.slots.push([]);
    }
    if (!ids.includes(id)) {
      ids.push(id);
      fi.slots[id]!.push(slot);
    }
  }
  fi.bySlot[slot] = ids;
}

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

export function getPath(doc: Record<string, unknown>, path: string): unknown {
  if (path in doc) return doc[path];
  let cur: unknown = doc;
  for (const part of path.split(".")) {
    if (Array.isArray(cur)) cur = cur.flatMap((x) => (isPlainObject(x) ? [x[part]] : []));
    else if (isPlainObject(cur)) cur = cur[part];
    else return undefined;
  }
  return cur;
}

export function stringify(v: unknown): string {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v === null || v === undefined) return "";
  if (Array.isArray(v)) return v.map(stringify).join(" ");
  if (typeof v === "object")
    return Object.values(v as Record<string, unknown>)
      .map(stringify)
      .join(" ");
  return "";
}
