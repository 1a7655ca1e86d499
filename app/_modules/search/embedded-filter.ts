// The embedded engine's filters as bitmaps over document slots (cached per index version) and facet counts.
import { filterAttributes, parseFilter, type FilterNode } from "./filter";
import { facetKey } from "./facets";
import type { EmbeddedIndex } from "./embedded";
import { SearchRequestError, type SearchDocument, type SearchParams } from "./types";

type AnyIndex = EmbeddedIndex<SearchDocument>;

export function filterBitmap(ix: AnyIndex, filter: SearchParams["filter"]): Uint8Array | null {
  if (filter === undefined) return null;
  const key = JSON.stringify(filter);
  const hit = ix.filterCache.get(key);
  if (hit) return hit;
  const node = parseFilter(filter);
  if (!node) return null;
  const filterable = new Set(ix.settings.filterableAttributes);
  for (const a of filterAttributes(node)) {
    if (!filterable.has(a)) {
      throw new SearchRequestError(
        "invalid_search_filter",
        `Attribute "${a}" is not filterable. Filterable attributes: ${[...filterable].join(", ") || "none"}.`,
      );
    }
  }
  const bits = evalFilter(ix, node);
  if (ix.filterCache.size > 200) ix.filterCache.clear();
  ix.filterCache.set(key, bits);
  return bits;
}

export function evalFilter(ix: AnyIndex, node: FilterNode): Uint8Array {
  const n = ix.docs.length;
  const fromSlots = (lists: number[][]) => {
    const b = new Uint8Array(n);
    for (const l of lists) for (const s of l) b[s] = 1;
    return b;
  };
  switch (node.op) {
    case "and": {
      const b = new Uint8Array(n).fill(1);
      for (const item of node.items) {
        const x = evalFilter(ix, item);
        for (let s = 0; s < n; s++) b[s]! &= x[s]!;
      }
      return b;
    }
    case "or": {
      const b = new Uint8Array(n);
      for (const item of node.items) {
        const x = evalFilter(ix, item);
        for (let s = 0; s < n; s++) b[s]! |= x[s]!;
      }
      return b;
    }
    case "not": {
      const x = evalFilter(ix, node.item);
      for (let s = 0; s < n; s++) x[s] = x[s] ? 0 : 1;
      return x;
    }
    case "in":
      return fromSlots(node.values.flatMap((v) => equalSlots(ix, node.attr, v)));
    case "cmp": {
      if (node.cmp === "=" || node.cmp === "!=") {
        const b = fromSlots(equalSlots(ix, node.attr, node.value));
        if (node.cmp === "!=") for (let s = 0; s < n; s++) b[s] = b[s] ? 0 : 1;
        return b;
      }
      const v = Number(node.value);
      if (!Number.isFinite(v))
        throw new SearchRequestError("invalid_search_filter", `Invalid filter: "${node.value}" is not a number.`);
      const b = new Uint8Array(n);
      const test = {
        ">": (x: number) => x > v,
        ">=": (x: number) => x >= v,
        "<": (x: number) => x < v,
        "<=": (x: number) => x <= v,
      }[node.cmp];
      for (const { slot, n: x } of ix.facets.get(node.attr)!.numeric) if (test(x)) b[slot] = 1;
      return b;
    }
    case "to": {
      const lo = Number(node.from);
      const hi = Number(node.to);
      if (!Number.isFinite(lo) || !Number.isFinite(hi))
        throw new SearchRequestError("invalid_search_filter", "Invalid filter: TO needs two numbers.");
      const b = new Uint8Array(n);
      for (const { slot, n: x } of ix.facets.get(node.attr)!.numeric) if (x >= lo && x <= hi) b[slot] = 1;
      return b;
    }
    case "exists":
      return fromSlots([ix.facets.get(node.attr)!.exists]);
    case "null":
      return fromSlots([ix.facets.get(node.attr)!.nulls]);
    case "empty":
      return fromSlots([ix.facets.get(node.attr)!.empties]);
  }
}

export function equalSlots(ix: AnyIndex, attr: string, value: string): number[][] {
  const fi = ix.facets.get(attr)!;
  const out: number[][] = [];
  const id = fi.keys.get(facetKey(value));
  if (id !== undefined) out.push(fi.slots[id]!);
  const num = Number(value);
  if (value.trim() !== "" && Number.isFinite(num) && String(num) !== facetKey(value)) {
    const nid = fi.keys.get(String(num));
    if (nid !== undefined) out.push(fi.slots[nid]!);
  }
  return out;
}

export function countFacet(ix: AnyIndex, attr: string, candidates: Int32Array): Record<string, number> {
  const fi = ix.facets.get(attr)!;
  const counts = new Int32Array(fi.originals.length);
  for (let x = 0; x < candidates.length; x++) {
    const ids = fi.bySlot[candidates[x]!];
    if (ids) for (const id of ids) counts[id]!++;
  }
  const entries: [string, number][] = [];
  counts.forEach((cnt, id) => {
    if (cnt > 0) entries.push([String(fi.originals[id]), cnt]);
  });
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return Object.fromEntries(entries.slice(0, 100));
}
