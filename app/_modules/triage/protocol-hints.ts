// The protocol hints of the question analysis: which rules of spec/absence-protocol.md a question touches, from the
// protocol cues of the lexicon and the quantities near them ("al 5 keer te laat", "30 uur ziek"; the topic reads them
// too). Pure.
import { PROTOCOL_CUES } from "./lexicon";
import type { Analysis } from "./engine";
import { compilePattern } from "./text";

export const PROTOCOL_HINT_ORDER = [
  "unexcused-16h-4w",
  "lrv-over-4w",
  "unexcused-4w-continuous",
  "truancy-3",
  "truancy-5",
  "truancy-7",
  "truancy-9",
  "late-3",
  "late-6",
  "late-9",
  "late-10",
  "sick-30h",
  "sick-60h",
  "sick-90h",
  "leave-vakantie",
  "leave-gewichtig-10",
  "leave-gewichtig-over-10",
  "leave-luxe",
];

type Compiled = { re: RegExp };
const CUES = Object.fromEntries(
  Object.entries(PROTOCOL_CUES).map(([k, list]) => [k, list.map((p) => ({ re: compilePattern(p) }))]),
) as Record<keyof typeof PROTOCOL_CUES, Compiled[]>;

type Quantity = {
  value: number;
  unit: "uur" | "keer" | "dag" | "week" | "maand";
  at: number;
  sentence: number;
  window: boolean;
};

function unitOf(word: string): Quantity["unit"] | undefined {
  if (/^(uur|uren|u|h)$|(uur|uren)$/.test(word)) return "uur";
  if (/^(keer|keren|maal|x)$/.test(word)) return "keer";
  if (/^(maand|maanden)$/.test(word)) return "maand";
  if (/^(dag|dagen)$|^(school|les|werk)(dag|dagen)$/.test(word)) return "dag";
  if (/^(week|weken)$|^(school|les)(week|weken)$/.test(word)) return "week";
  return undefined;
}

export function quantities(a: Analysis): Quantity[] {
  const t = a.canon.tokens;
  const out: Quantity[] = [];
  for (let i = 0; i < t.length; i++) {
    const ord = /^(\d+)e$/.exec(t[i].text);
    const num = /^\d+(?:\.\d+)?$/.test(t[i].text)
      ? Number(t[i].text)
      : ord
        ? Number(ord[1])
        : t[i].text === "een"
          ? 1
          : NaN;
    if (Number.isNaN(num)) continue;
    if (i > 0 && ["om", "tot", "vanaf", "sinds"].includes(t[i - 1].text) && !ord) continue; // clock times and dates
    // "in vier weken", "binnen 4 weken": a counting window, not how long the absence lasted.
    const window = t
      .slice(Math.max(0, i - 3), i)
      .some((x) => ["in", "binnen", "per", "afgelopen", "laatste", "elke", "iedere"].includes(x.text));
    for (let k = i + 1; k <= i + 2 && k < t.length; k++) {
      const unit = unitOf(t[k].text);
      if (unit) {
        out.push({ value: num, unit, at: i, sentence: t[i].sentence, window });
        break;
      }
      if (t[i].text === "een" || /^\d/.test(t[k].text)) break;
    }
  }
  return out;
}

function cueSpans(a: Analysis, cues: Compiled[]) {
  return cues.flatMap((c) => a.canon.matches(c.re));
}

/** Rule ids of spec/absence-protocol.md that the question touches, in the spec's order. */
export function protocolHintsFor(a: Analysis): string[] {
  const t = a.canon.tokens;
  const hints = new Set<string>();
  const qs = quantities(a);
  const near = (span: { first: number; last: number }, units: Quantity["unit"][], radius = 8) => {
    let best: Quantity | undefined;
    let bestD = Infinity;
    for (const q of qs) {
      if (!units.includes(q.unit) || q.sentence !== t[span.first].sentence) continue;
      const d = q.at < span.first ? span.first - q.at : q.at - span.last;
      if (d <= radius && d < bestD) {
        best = q;
        bestD = d;
      }
    }
    return best;
  };
  const within = (x: { first: number; last: number }, ys: { first: number; last: number }[], r: number) =>
    ys.some((y) => y.first <= x.last + r && y.last >= x.first - r);
  const step = (n: number, steps: number[]) => steps.filter((s) => s <= n).pop();

  const reportWords = cueSpans(a, CUES.reportNotLateness);
  const technical = cueSpans(a, CUES.technical);
  const sick = cueSpans(a, CUES.sick);
  const leaveCtx = cueSpans(a, CUES.leaveContext);
  const weighty = cueSpans(a, CUES.weighty);
  const late = cueSpans(a, CUES.late).filter((s) => !within(s, reportWords, 3));
  const truancy = cueSpans(a, CUES.truancy);
  const unexcused = cueSpans(a, CUES.unexcused).filter((s) => {
    const prev = t[s.first - 1]?.text;
    if (t[s.last].text === "afwezig" && ["geoorloofd", "ziek", "met"].includes(prev)) return false;
    // "de melding komt niet aan", "het bestand komt niet door": a technical problem, not a pupil.
    if (/^(komt|kwam|komen|verschijnt|verschijnen)$/.test(t[s.first].text)) {
      if (within({ first: s.first, last: s.first }, technical, 3)) return false;
      if (["voor", "door", "aan", "overeen", "mee", "uit"].includes(t[s.last + 1]?.text)) return false;
      if (t[s.last + 1]?.text === "op" && t[s.last + 2]?.text === "tijd") return false; // late, not absent
    }
    return true;
  });
  const long = cueSpans(a, CUES.long).filter((s) => !(t[s.first].text.startsWith("langdurig") && within(s, sick, 2)));

  // Unauthorised absence and truancy
  const absent = [...truancy, ...unexcused];
  if (absent.length) hints.add("unexcused-16h-4w");
  let longByDuration = false;
  for (const s of absent) {
    const d = near(s, ["week", "maand", "dag"]);
    if (
      d &&
      !d.window &&
      ((d.unit === "week" && d.value >= 4) ||
        (d.unit === "maand" && d.value >= 1) ||
        (d.unit === "dag" && d.value >= 20))
    )
      longByDuration = true;
  }
  if (absent.length && /\bal (maanden|weken lang)\b/.test(a.canon.text)) longByDuration = true;
  // Longer than 4 weeks: the law's own report (langdurig relatief verzuim) and the school's thuiszitter trigger are
  // separate rules (spec/absence-protocol.md); both apply, and the law's comes first.
  if (long.length || longByDuration) {
    hints.add("lrv-over-4w");
    hints.add("unexcused-4w-continuous");
  }
  let truancyCount = 0;
  for (const s of truancy) truancyCount = Math.max(truancyCount, near(s, ["keer"])?.value ?? 0);
  const tStep = step(truancyCount, [3, 5, 7, 9]);
  if (tStep) hints.add(`truancy-${tStep}`);

  // Lateness: the ladder step reached by a given count, else the first step
  if (late.length) {
    const counts = late.map((s) => near(s, ["keer"])?.value).filter((v): v is number => v !== undefined);
    if (!counts.length) hints.add("late-3");
    else {
      const lStep = step(Math.max(...counts), [3, 6, 9, 10]);
      if (lStep) hints.add(`late-${lStep}`);
    }
  }

  // Sickness of the pupil (not a sick relative behind a leave request)
  const pupilSick = sick.filter(
    (s) =>
      !(leaveCtx.length && within(s, weighty, 2)) &&
      !/^(opa|oma|familie\S*|broer|zus|vader|moeder)$/.test(t[s.first - 1]?.text ?? ""),
  );
  if (pupilSick.length) {
    const hours = pupilSick.map((s) => near(s, ["uur"])?.value).filter((v): v is number => v !== undefined);
    if (!hours.length) hints.add("sick-30h");
    else {
      const sStep = step(Math.max(...hours), [30, 60, 90]);
      if (sStep) hints.add(`sick-${sStep}h`);
    }
  }

  // Leave requests
  const weightyAlone = weighty.filter((s) =>
    /^(gewichtig|bruiloft|huwelijk|trouwen|begrafenis|uitvaart|jubileum)/.test(t[s.first].text),
  );
  if (leaveCtx.length || weightyAlone.length) {
    const luxe = cueSpans(a, CUES.luxe);
    const holiday = cueSpans(a, CUES.holiday);
    let days = 0;
    for (const q of qs) {
      if (q.unit === "dag") days = Math.max(days, q.value);
      if (q.unit === "week") days = Math.max(days, q.value * 5);
    }
    if (luxe.length) hints.add("leave-luxe");
    if (holiday.length) hints.add("leave-vakantie");
    if (weighty.length) hints.add(days > 10 ? "leave-gewichtig-over-10" : "leave-gewichtig-10");
    if (!luxe.length && !holiday.length && !weighty.length) {
      hints.add("leave-vakantie");
      hints.add(days > 10 ? "leave-gewichtig-over-10" : "leave-gewichtig-10");
    }
  }
  return PROTOCOL_HINT_ORDER.filter((id) => hints.has(id));
}
