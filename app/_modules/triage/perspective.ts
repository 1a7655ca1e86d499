// Who is asking versus who the question is about. Two readings the desk signals alone get wrong:
// - a pupil or student (or a parent) writing about their own attendance in the first person ("ik heb 20 uur
//   gemist", "word ik gemeld", "mag ik vrij"), without ever saying "ik ben leerling";
// - a caller (typically a school board) describing what it consists of ("wij hebben basisscholen en een vmbo")
//   before saying which school the question is about: the inventory says who is asking, not what it is about.
import { INVENTORY_CUES, OWN_ATTENDANCE, PUPIL_NOUNS } from "./lexicon-topics";
import { CanonText, compilePattern, type CanonToken, type Token } from "./text";

export type Span = { first: number; last: number };
type Text = { text: string; tokens: Token[]; canon: CanonText };

const compileAll = (ps: string[]) => ps.map((p) => compilePattern(p));
const SELF = compileAll(OWN_ATTENDANCE.self);
const STATE = compileAll(OWN_ATTENDANCE.state);
const OBJECT_SELF = compileAll(OWN_ATTENDANCE.reportedSelf);
const OTHER_SUBJECT = compileAll(OWN_ATTENDANCE.otherSubject);
const ACTING = compileAll(OWN_ATTENDANCE.acting);
const INVENTORY = compileAll(INVENTORY_CUES);
const PUPILS = compileAll([PUPIL_NOUNS]);

// Words that open a new clause: what follows has its own subject.
const CLAUSE_OPENERS = new Set([
  "die",
  "dat",
  "omdat",
  "want",
  "maar",
  "terwijl",
  "voordat",
  "nadat",
  "zodat",
  "tenzij",
  "wanneer",
  "waardoor",
  "sinds",
]);
// After a comma these start a new statement, not the next item of a list ("basisscholen, een vmbo en een havo").
const COMMA_BREAKERS = new Set([
  "het",
  "dit",
  "deze",
  "maar",
  "nu",
  "bij",
  "op",
  "voor",
  "hoe",
  "wie",
  "wat",
  "waar",
  "welke",
  "wanneer",
  "kan",
  "kunnen",
  "mag",
  "mogen",
  "moet",
  "moeten",
  "wij",
  "we",
  "ik",
  "ons",
  "onze",
  "graag",
  "vraag",
  "zij",
  "er",
]);

/** Punctuation between canonical token i-1 and i in the original text. */
function gapBefore(a: Text, toks: CanonToken[], i: number): string {
  if (i === 0) return "";
  return a.text.slice(a.tokens[toks[i - 1].to].end, a.tokens[toks[i].from].start);
}

/** Clauses as canonical token ranges: split at sentence ends, commas, colons and subordinating words. */
export function clauses(a: Text): Span[] {
  const toks = a.canon.tokens;
  const out: Span[] = [];
  let first = 0;
  for (let i = 1; i <= toks.length; i++) {
    const end =
      i === toks.length ||
      toks[i].sentence !== toks[i - 1].sentence ||
      /[,:;()]/.test(gapBefore(a, toks, i)) ||
      (CLAUSE_OPENERS.has(toks[i].text) && toks[i].from !== toks[i - 1].from);
    if (end) {
      out.push({ first, last: i - 1 });
      first = i;
    }
  }
  return out.filter((c) => c.last >= c.first);
}

function sub(a: Text, span: Span): CanonText {
  return new CanonText(a.canon.tokens.slice(span.first, span.last + 1));
}

function any(ct: CanonText, res: RegExp[]): Span[] {
  return res.flatMap((re) => ct.matches(re));
}

/**
 * Clauses in which the caller is the one who is absent, late, sick, on leave or reported: a first-person subject
 * with an attendance state, and nobody else (a pupil, "hij", "ze") in the clause who could be the subject, and the
 * caller not acting on someone's absence ("moet ik melden", "verlof geven").
 */
export function ownAttendance(a: Text): Span[] {
  const out: Span[] = [];
  for (const c of clauses(a)) {
    const ct = sub(a, c);
    const shift = (s: Span) => ({ first: s.first + c.first, last: s.last + c.first });
    const reported = any(ct, OBJECT_SELF);
    if (reported.length) {
      out.push(shift(reported[0]));
      continue;
    }
    const self = any(ct, SELF);
    // "ik ben te laat met de melding": late with a task, not late for school.
    const state = any(ct, STATE).filter((m) => ct.tokens[m.last + 1]?.text !== "met");
    if (!self.length || !state.length) continue;
    if (any(ct, OTHER_SUBJECT).length || any(ct, ACTING).length) continue;
    const first = Math.min(self[0].first, state[0].first);
    const last = Math.max(self[0].last, state[0].last);
    out.push(shift({ first, last }));
  }
  return out;
}

/**
 * Spans in which the caller lists what it consists of ("ons bestuur heeft basisscholen en een vmbo", "stichting met
 * 12 bs'en en 1 sbo", "zowel po als vo"): from the cue to the end of the statement.
 */
export function inventorySpans(a: Text): Span[] {
  const toks = a.canon.tokens;
  const out: Span[] = [];
  for (const m of any(a.canon, INVENTORY)) {
    let last = m.last;
    for (let i = m.last + 1; i < toks.length; i++) {
      if (toks[i].sentence !== toks[m.first].sentence) break;
      const gap = gapBefore(a, toks, i);
      // "we besturen 3 scholen: 2 basisscholen en een mbo" — a colon right after the cue introduces the list.
      // Parentheses stay inside: "5 basisscholen en 1 school voor speciaal onderwijs (vso)".
      if (/;/.test(gap) || (/:/.test(gap) && i - m.last > 3)) break;
      if (/,/.test(gap) && COMMA_BREAKERS.has(toks[i].text)) break;
      if (toks[i].text === "de" && toks[i + 1]?.text === "vraag") break;
      last = i;
    }
    const span = { first: m.first, last };
    // "wij hebben een leerling die …" is about a pupil, not what the caller consists of.
    if (any(sub(a, span), PUPILS).length) continue;
    out.push(span);
  }
  return out;
}
