// Side-by-side comparison of two article revisions: line-level for the body (rendered to canonical
// Markdown), word-level inside changed lines and short fields. Pure: the UI renders the rows as two
// columns and marks segments as added or removed.
import "server-only";
import { articleColumns } from "./fields";
import { docToMarkdown } from "./markdown";
import type { ArticleSnapshot } from "./snapshot";

export type DiffMark = "added" | "removed";
/** A run of text; unmarked text is the same on both sides. */
export type Segment = { text: string; mark?: DiffMark };
export type DiffSide = { line: number; segments: Segment[] };
/** One row of the two-column view. `removed` rows have no right side, `added` rows no left side. */
export type DiffRow = { kind: "same" | "changed" | "removed" | "added"; left: DiffSide | null; right: DiffSide | null };
export type SnapshotField = keyof ArticleSnapshot;
export type FieldDiff = { field: SnapshotField; label: string; changed: boolean; rows: DiffRow[] };
export type SnapshotDiff = { changed: boolean; fields: FieldDiff[] };

/** Dutch labels of the snapshot fields, in display order. */
export const FIELD_LABELS: Record<SnapshotField, string> = {
  title: "Titel",
  slug: "Webadres",
  summary: "Samenvatting",
  type: "Soort",
  audiences: "Doelgroepen",
  sectors: "Sectoren",
  topic: "Onderwerp",
  questions: "Ook gevraagd als",
  reviewDueAt: "Controleren vóór",
  validFrom: "Geldig vanaf",
  validUntil: "Geldig tot",
  body: "Tekst",
};

type Op = { op: "same" | "del" | "ins"; a: number; b: number };

// Above this many cells the LCS table is too costly; the changed middle is then shown as removed + added.
const MAX_CELLS = 4_000_000;

/** Edit script between two sequences (longest common subsequence after trimming a shared prefix and suffix). */
export function diffSequence<T>(a: readonly T[], b: readonly T[]): Op[] {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const ops: Op[] = [];
  for (let i = 0; i < pre; i++) ops.push({ op: "same", a: i, b: i });
  const n = a.length - pre - suf;
  const m = b.length - pre - suf;
  if (n * m > MAX_CELLS || n === 0 || m === 0) {
    for (let i = 0; i < n; i++) ops.push({ op: "del", a: pre + i, b: -1 });
    for (let j = 0; j < m; j++) ops.push({ op: "ins", a: -1, b: pre + j });
  } else {
    // lcs[i][j] = LCS length of a[pre+i..] and b[pre+j..]
    const w = m + 1;
    const lcs = new Uint32Array((n + 1) * w);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * w + j] =
          a[pre + i] === b[pre + j] ? lcs[(i + 1) * w + j + 1] + 1 : Math.max(lcs[(i + 1) * w + j], lcs[i * w + j + 1]);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[pre + i] === b[pre + j]) {
        ops.push({ op: "same", a: pre + i++, b: pre + j++ });
      } else if (j < m && (i === n || lcs[i * w + j + 1] >= lcs[(i + 1) * w + j])) {
        ops.push({ op: "ins", a: -1, b: pre + j++ });
      } else {
        ops.push({ op: "del", a: pre + i++, b: -1 });
      }
    }
    // Deletions first within a run of changes, so a hunk reads "old lines, then new lines".
    normalizeRuns(ops);
  }
  for (let k = 0; k < suf; k++) ops.push({ op: "same", a: a.length - suf + k, b: b.length - suf + k });
  return ops;
}

function normalizeRuns(ops: Op[]): void {
  let start = 0;
  while (start < ops.length) {
    if (ops[start].op === "same") {
      start++;
      continue;
    }
    let end = start;
    while (end < ops.length && ops[end].op !== "same") end++;
    const run = ops.slice(start, end);
    const sorted = [...run.filter((o) => o.op === "del"), ...run.filter((o) => o.op === "ins")];
    ops.splice(start, run.length, ...sorted);
    start = end;
  }
}

// Words, runs of whitespace and runs of punctuation are separate tokens, so joining them gives the text back.
function tokenize(s: string): string[] {
  return s.match(/[\p{L}\p{N}]+|\s+|[^\p{L}\p{N}\s]+/gu) ?? [];
}

function pushSegment(list: Segment[], text: string, mark?: DiffMark): void {
  const last = list[list.length - 1];
  if (last && last.mark === mark) last.text += text;
  else list.push(mark ? { text, mark } : { text });
}

/** Word-level difference of two strings as the segments of each side. */
export function diffWords(a: string, b: string): { left: Segment[]; right: Segment[] } {
  const ta = tokenize(a);
  const tb = tokenize(b);
  const left: Segment[] = [];
  const right: Segment[] = [];
  for (const o of diffSequence(ta, tb)) {
    if (o.op === "same") {
      pushSegment(left, ta[o.a]);
      pushSegment(right, tb[o.b]);
    } else if (o.op === "del") pushSegment(left, ta[o.a], "removed");
    else pushSegment(right, tb[o.b], "added");
  }
  return { left, right };
}

/** Line-level difference as two-column rows; paired changed lines get a word-level diff. */
export function diffLines(a: readonly string[], b: readonly string[]): DiffRow[] {
  const ops = diffSequence(a, b);
  const rows: DiffRow[] = [];
  let k = 0;
  while (k < ops.length) {
    const o = ops[k];
    if (o.op === "same") {
      rows.push({
        kind: "same",
        left: { line: o.a + 1, segments: [{ text: a[o.a] }] },
        right: { line: o.b + 1, segments: [{ text: b[o.b] }] },
      });
      k++;
      continue;
    }
    const dels: number[] = [];
    const ins: number[] = [];
    while (k < ops.length && ops[k].op === "del") dels.push(ops[k++].a);
    while (k < ops.length && ops[k].op === "ins") ins.push(ops[k++].b);
    const pairs = Math.min(dels.length, ins.length);
    for (let p = 0; p < pairs; p++) {
      const w = diffWords(a[dels[p]], b[ins[p]]);
      rows.push({
        kind: "changed",
        left: { line: dels[p] + 1, segments: w.left },
        right: { line: ins[p] + 1, segments: w.right },
      });
    }
    for (const d of dels.slice(pairs))
      rows.push({ kind: "removed", left: { line: d + 1, segments: [{ text: a[d], mark: "removed" }] }, right: null });
    for (const i of ins.slice(pairs))
      rows.push({ kind: "added", left: null, right: { line: i + 1, segments: [{ text: b[i], mark: "added" }] } });
  }
  return rows;
}

/** The body of a snapshot as canonical Markdown lines; falls back to the raw JSON if it cannot be rendered. */
export function bodyLines(body: string): string[] {
  let text: string;
  try {
    text = docToMarkdown(articleColumns.body.decode(body));
  } catch {
    text = body;
  }
  const lines = text.split("\n");
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

function fieldLines(s: ArticleSnapshot, field: SnapshotField): string[] {
  const v = s[field];
  if (field === "body") return bodyLines(s.body);
  if (Array.isArray(v)) return v;
  if (v === null || v === undefined || v === "") return [];
  return [String(v)];
}

/** Compares two snapshots field by field (older on the left). */
export function diffSnapshots(older: ArticleSnapshot, newer: ArticleSnapshot): SnapshotDiff {
  const fields = (Object.keys(FIELD_LABELS) as SnapshotField[]).map((field): FieldDiff => {
    const rows = diffLines(fieldLines(older, field), fieldLines(newer, field));
    return { field, label: FIELD_LABELS[field], changed: rows.some((r) => r.kind !== "same"), rows };
  });
  return { changed: fields.some((f) => f.changed), fields };
}
