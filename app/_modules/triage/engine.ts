// Question analysis (vraaganalyse): which desk answers, what the question is about, which protocol rules apply.
// Pure and synchronous; the only outside call is the optional injected `suggest` (the search engine).
import { redactLongDigitRuns } from "../privacy/personal-number";
import {
  DESK_SIGNALS,
  INVENTORY_CUES,
  OWN_ATTENDANCE,
  PROTECTED_WORDS,
  PUPIL_NOUNS,
  PROTOCOL_CUES,
  SELF_REFERENCE_GAP_BLOCKERS,
  SELF_REFERENCES,
  TOPIC_PRIORITY,
  TOPIC_SIGNALS,
  VARIANTS,
  type DeskSignal,
  type Group,
} from "./lexicon";
import { deskByOrganisation, fallbackDesk, type RoutingFacts } from "./organisation";
import { protocolHintsFor, quantities } from "./protocol-hints";
import { inventorySpans, ownAttendance, type Span } from "./perspective";
import type { CallerType, Sector, TriageInput } from "./schema";
import { CanonText, Vocabulary, canonicalize, compilePattern, patternWords, tokenize, type Token } from "./text";

export type Desk = "po" | "vo-mbo" | "out-of-scope" | "unknown";
export type Suggestion = { slug: string; title: string };
export type SuggestFn = (query: string, opts: { sector?: Sector; limit: number }) => Suggestion[];
export type TriageDeps = { suggest?: SuggestFn };
export type TriageResult = {
  desk: Desk;
  /** The sector the question is about: chosen, from the caller type, or from the desk and the words in the text. */
  sector?: Sector;
  clarify?: string;
  topic: string;
  reasons: string[];
  suggestions: Suggestion[];
  protocolHints: string[];
};

export const CLARIFY_SECTOR = "Gaat uw vraag over een basisschool (po) of over voortgezet onderwijs of mbo?";
export const CLARIFY_WHO =
  "Voor welke organisatie stelt u deze vraag: een basisschool (po), een school voor voortgezet onderwijs of mbo, een gemeente of een softwareleverancier?";
export const CLARIFY_ROLE = "Stelt u deze vraag voor uw werk, of als ouder, leerling of student?";

export { PROTOCOL_HINT_ORDER, protocolHintsFor } from "./protocol-hints";

const SUGGESTION_LIMIT = 5;

// ---------------------------------------------------------------------------------------------------------------
// Compiled lexicon (built once per module load)

const compile = (p: string) => ({ re: compilePattern(p) });

const SIGNALS = DESK_SIGNALS.map((d) => ({ ...d, ...compile(d.p) }));
const SELF_REFS = SELF_REFERENCES.map((s) => ({ ...s, ...compile(s.p) }));
const TOPICS = Object.entries(TOPIC_SIGNALS).map(([id, list]) => ({
  id,
  list: list.map(([p, w]) => ({ w, ...compile(p) })),
}));

const VOCAB = (() => {
  const words = new Map<string, string>();
  const prefixes: string[] = [];
  const all = [
    ...DESK_SIGNALS.map((d) => d.p),
    ...SELF_REFERENCES.map((s) => s.p),
    ...Object.values(TOPIC_SIGNALS).flatMap((l) => l.map(([p]) => p)),
    ...Object.values(PROTOCOL_CUES).flat(),
  ];
  for (const p of all) {
    const { words: w, prefixes: pre } = patternWords(p);
    for (const x of w) words.set(x, x);
    prefixes.push(...pre);
  }
  // Perspective cues are known words (typos repaired towards them), but their prefixes ("student*") must not shield
  // compounds such as "studentenadministatie" from repair.
  for (const p of [...Object.values(OWN_ATTENDANCE).flat(), ...INVENTORY_CUES, PUPIL_NOUNS]) {
    for (const x of patternWords(p).words) if (!words.has(x)) words.set(x, x);
  }
  for (const [k, v] of Object.entries(VARIANTS)) words.set(k, v);
  return new Vocabulary(words, prefixes, PROTECTED_WORDS);
})();

// "LAS" (leerlingadministratiesysteem) and "BOL" (a mbo learning path) are also ordinary Dutch words in lowercase.
function special(t: Token, prev?: Token, next?: Token): string | undefined {
  if (t.norm === "las") {
    return t.raw === "LAS" || (prev && ["het", "ons", "uw", "een", "onze", "jullie"].includes(prev.norm))
      ? "las"
      : "las~";
  }
  if (t.norm === "bol") {
    const near = [prev, next].some((x) => x && /^(student|leerweg|opleiding|bbl|mbo|deelnemer)/.test(x.norm));
    return t.raw === "BOL" || near ? "bol" : "bol~";
  }
  return undefined;
}

export type Analysis = { text: string; tokens: Token[]; canon: CanonText };

/** Tokenises and repairs a question once, for all detectors. */
export function analyse(question: string): Analysis {
  const tokens = tokenize(question);
  const canon = new CanonText(canonicalize(tokens, VOCAB, special));
  return { text: question, tokens, canon };
}

/** The canonical form of a question (lowercase, typos repaired, numbers as digits); handy when tuning the lexicon. */
export function canonicalText(question: string): string {
  return analyse(question).canon.text.trim();
}

function quote(a: Analysis, first: number, last: number): string {
  const t = a.canon.tokens;
  const s = a.tokens[t[first].from].start;
  const e = a.tokens[t[last].to].end;
  const q = a.text.slice(s, e).replace(/\s+/g, " ");
  return q.length > 60 ? q.slice(0, 57) + "…" : q;
}

// ---------------------------------------------------------------------------------------------------------------
// Desk signals

type Hit = { def: DeskSignal; first: number; last: number; role: boolean; weight: number };

const GAP_BLOCKERS = new Set(SELF_REFERENCE_GAP_BLOCKERS);

const PUPIL_AFTER =
  /^(leerling|leerlingen|student|studenten|scholier|scholieren|deelnemer|deelnemers|kind|kinderen|jongere|jongeren)$/;
const VENDOR_SIGNAL: DeskSignal = { p: "", group: "leverancier", w: 3 };

/** A pupil or student speaking about their own attendance ("ik heb 20 uur gemist", "word ik gemeld"). */
const OWN_ATTENDANCE_SIGNAL: DeskSignal = { p: "", group: "oos", w: 2.5, self: true, keepInner: true };

const SCHOOL_CALLERS = new Set<CallerType>(["po-school", "vo-school", "mbo-institution"]);
const PUPIL_RE = compilePattern(PUPIL_NOUNS);
const within = (x: Span, spans: Span[]) => spans.some((s) => x.first >= s.first && x.last <= s.last);

/**
 * A pupil, student or parent who chose a school as "who are you" (their school) and then writes only about
 * themselves or their own child: out of scope. Any sign of school staff (a staff role, a pupil spoken of in the
 * third person) keeps the chosen school's desk.
 */
function pupilAtSchool(a: Analysis): Hit[] {
  const hits = findHits(a);
  const own = hits.filter((h) => h.role && h.def.group === "oos");
  if (!own.some((h) => h.def.identity)) return [];
  if (hits.some((h) => h.role && h.def.group !== "oos")) return [];
  return thirdPersonPupil(a, own) ? [] : own;
}

/** A pupil spoken of in the third person ("een leerling", "de student") outside the caller's own words. */
function thirdPersonPupil(a: Analysis, own: Hit[]): boolean {
  return a.canon.matches(PUPIL_RE).some((m) => !within(m, own));
}

/**
 * When the caller lists its schools of both desks ("ons bestuur heeft basisscholen en een vmbo") and then names the
 * school concerned, only the rest of the text decides; an inventory without anything else stays undecided.
 */
function withoutInventory(a: Analysis, hits: Hit[]): Hit[] {
  const spans = inventorySpans(a);
  if (!spans.length) return hits;
  const sectorHit = (h: Hit) =>
    h.def.group !== "oos" && (deskOf(h.def.group) === "po" || ["vo", "mbo"].includes(h.def.group));
  const listed = hits.filter((h) => sectorHit(h) && within(h, spans));
  const desks = new Set(listed.map((h) => deskOf(h.def.group)));
  if (desks.size < 2) return hits;
  const rest = hits.filter((h) => !within(h, spans));
  return rest.some(sectorHit) ? rest : hits;
}

export function findHits(a: Analysis): Hit[] {
  const toks = a.canon.tokens;
  const selfRefs = SELF_REFS.flatMap((s) =>
    a.canon.matches(s.re).map((m) => ({ ...m, gap: s.gap, ownOnly: !!s.ownOnly })),
  );
  const isRole = (def: DeskSignal, first: number) =>
    selfRefs.some((s) => {
      const gap = first - s.last - 1;
      if (gap < 0 || gap > s.gap || toks[s.last].sentence !== toks[first].sentence) return false;
      if (s.ownOnly && !def.ownable) return false;
      // "zowel po als vo", "net als de havo": comparison, not "in my role as".
      if (toks[s.first].text === "als") {
        const before = toks.slice(Math.max(0, s.first - 4), s.first).map((x) => x.text);
        if (before.includes("zowel") || before[before.length - 1] === "net") return false;
      }
      for (let k = s.last + 1; k < first; k++) if (GAP_BLOCKERS.has(toks[k].text)) return false;
      return true;
    });

  const raw: Hit[] = ownAttendance(a).map((s) => ({
    def: OWN_ATTENDANCE_SIGNAL,
    ...s,
    role: true,
    weight: OWN_ATTENDANCE_SIGNAL.w,
  }));
  for (const sig of SIGNALS) {
    for (const m of a.canon.matches(sig.re)) {
      if (sig.when && !sig.when(m.nums)) continue;
      if (sig.notBefore?.includes(toks[m.last + 1]?.text)) continue;
      // "ik ben een bbl student", "ik ben havo leerling": the school type says which pupil, not what the caller is.
      const describesPupil = !sig.self && PUPIL_AFTER.test(toks[m.last + 1]?.text ?? "");
      const role = !!sig.self || (!describesPupil && isRole(sig, m.first));
      // Working at a po software product ("ik werk bij ParnasSys") makes the caller its vendor.
      const def = role && sig.vendorWhenRole ? VENDOR_SIGNAL : sig;
      raw.push({ def, first: m.first, last: m.last, role, weight: def.w + (role && !def.self ? 3 : 0) });
    }
  }
  // Coordinated school types share the role: "onze scholen (po en vo)", "onze basisscholen en vo-scholen".
  raw.sort((x, y) => x.first - y.first);
  for (let i = 1; i < raw.length; i++) {
    const [prev, h] = [raw[i - 1], raw[i]];
    if (!prev.role || h.role || prev.def.group === "oos" || h.def.group === "oos") continue;
    const between = toks.slice(prev.last + 1, h.first).map((t) => t.text);
    if (
      between.length <= 2 &&
      between.some((w) => w === "en" || w === "of") &&
      between.every((w) => ["en", "of", "als", "de", "het"].includes(w))
    ) {
      raw[i] = { ...h, role: true, weight: h.def.w + 3 };
    }
  }
  // A parent or pupil speaking ("mijn mentor", "ik zit in groep 8") is not a school signal.
  const oos = raw.filter((h) => h.def.group === "oos" && !h.def.keepInner);
  const kept = withoutInventory(a, raw).filter(
    (h) => h.def.group === "oos" || !oos.some((o) => h.first <= o.last && h.last >= o.first),
  );
  // Longer or stronger matches win over what they contain ("groep 7" over "groep 7e"); each signal counts once.
  kept.sort((x, y) => y.weight - x.weight || y.last - y.first - (x.last - x.first) || x.first - y.first);
  const out: Hit[] = [];
  for (const h of kept) {
    const sameDef = out.some((o) => o.def === h.def);
    const overlap = out.some(
      (o) => deskOf(o.def.group) === deskOf(h.def.group) && h.first <= o.last && h.last >= o.first,
    );
    if (!sameDef && !overlap) out.push(h);
  }
  return out.sort((x, y) => x.first - y.first);
}

function deskOf(g: Group): Desk {
  return g === "po" ? "po" : g === "oos" ? "out-of-scope" : "vo-mbo";
}

// ---------------------------------------------------------------------------------------------------------------
// Reasons in plain Dutch

const DESK_SENTENCE: Record<"po" | "vo-mbo", string> = {
  po: "Daarom helpt de Helpdesk BRON PO u.",
  "vo-mbo": "Daarom helpt het Informatiepunt Onderwijs (IPO) u.",
};
const GROUP_SENTENCE: Record<Group, string> = {
  po: "Dat hoort bij de basisschool (po).",
  vo: "Dat hoort bij het voortgezet onderwijs (vo).",
  mbo: "Dat hoort bij het mbo.",
  gemeente:
    "Dat hoort bij de gemeente (leerplicht of RMC). Gemeenten stellen hun vragen aan het IPO, ook als het om een basisschool gaat.",
  leverancier: "Dat gaat over software of een koppeling. Softwareleveranciers stellen hun vragen aan het IPO.",
  product: "Dat programma gebruiken scholen in het voortgezet onderwijs en het mbo.",
  oos: "U stelt uw vraag dus als ouder, leerling of student.",
};
const OUT_OF_SCOPE_REASONS = [
  "De helpdesks van DUO helpen alleen scholen, schoolbesturen, gemeenten en softwareleveranciers.",
  "Met een vraag over uw eigen situatie of die van uw kind kunt u terecht bij de school of bij de leerplichtambtenaar van uw gemeente.",
  "De veelgestelde vragen op deze website kunt u wel lezen.",
];
const CALLER_REASON: Partial<Record<CallerType, string>> = {
  "po-school": "U werkt op een basisschool (po). Daarom helpt de Helpdesk BRON PO u.",
  "vo-school": "U werkt op een school voor voortgezet onderwijs. Daarom helpt het Informatiepunt Onderwijs (IPO) u.",
  "mbo-institution": "U werkt bij een mbo-instelling. Daarom helpt het Informatiepunt Onderwijs (IPO) u.",
  municipality:
    "U werkt bij een gemeente (leerplicht of RMC). Gemeenten stellen hun vragen aan het Informatiepunt Onderwijs (IPO), ook als het om een basisschool gaat.",
  "software-vendor":
    "U werkt bij een softwareleverancier. Softwareleveranciers stellen hun vragen aan het Informatiepunt Onderwijs (IPO).",
  "parent-or-student": "U stelt uw vraag als ouder, leerling of student.",
};
const SECTOR_REASON: Record<Sector, string> = {
  po: "U hebt gekozen voor het primair onderwijs (po). Daarom helpt de Helpdesk BRON PO u.",
  vo: "U hebt gekozen voor het voortgezet onderwijs (vo). Daarom helpt het Informatiepunt Onderwijs (IPO) u.",
  mbo: "U hebt gekozen voor het mbo. Daarom helpt het Informatiepunt Onderwijs (IPO) u.",
};

function listQuotes(qs: string[]): string {
  const u = [...new Set(qs)].map((q) => `"${q}"`);
  return u.length <= 1 ? u.join("") : `${u.slice(0, -1).join(", ")} en ${u[u.length - 1]}`;
}

function evidenceReason(a: Analysis, hits: Hit[], desk: "po" | "vo-mbo" | "out-of-scope"): string[] {
  const best = [...hits]
    .sort((x, y) => Number(y.role) - Number(x.role) || y.weight - x.weight || x.first - y.first)
    .slice(0, 2);
  const quotes = best.map((h) => quote(a, h.first, h.last));
  // Someone who works at a software product is a vendor, not a school that uses it.
  const group = best[0].role && best[0].def.group === "product" ? "leverancier" : best[0].def.group;
  const head = `In uw vraag staat ${listQuotes(quotes)}. ${GROUP_SENTENCE[group]}`;
  return desk === "out-of-scope" ? [head, ...OUT_OF_SCOPE_REASONS] : [`${head} ${DESK_SENTENCE[desk]}`];
}

function conflictReason(a: Analysis, x: Hit[], y: Hit[]): string {
  const pick = (hs: Hit[]) =>
    quote(a, ...[...hs].sort((p, q) => q.weight - p.weight).map((h) => [h.first, h.last] as const)[0]);
  return `In uw vraag staat "${pick(x)}" en ook "${pick(y)}". Daarom weten we nog niet welke helpdesk u helpt.`;
}

// ---------------------------------------------------------------------------------------------------------------
// Desk decision

type DeskDecision = { desk: Desk; clarify?: string; reasons: string[]; hits: Hit[] };

const FIXED: Partial<Record<CallerType, Desk>> = {
  "po-school": "po",
  "vo-school": "vo-mbo",
  "mbo-institution": "vo-mbo",
  municipality: "vo-mbo",
  "software-vendor": "vo-mbo",
  "parent-or-student": "out-of-scope",
};

function decideDesk(a: Analysis, callerType: CallerType, sector?: Sector): DeskDecision {
  const fixed = FIXED[callerType];
  if (fixed && SCHOOL_CALLERS.has(callerType)) {
    const own = pupilAtSchool(a);
    if (own.length) return { desk: "out-of-scope", reasons: evidenceReason(a, own, "out-of-scope"), hits: own };
  }
  if (fixed) {
    const reasons = [CALLER_REASON[callerType]!, ...(fixed === "out-of-scope" ? OUT_OF_SCOPE_REASONS : [])];
    return { desk: fixed, reasons, hits: [] };
  }
  const board = callerType === "school-board";
  // A school board is an institution: parents' words and third-party mentions of municipalities or vendors say
  // nothing about which of its schools the question is about.
  const hits = findHits(a).filter((h) => !board || ["po", "vo", "mbo", "product"].includes(h.def.group));
  const roles = hits.filter((h) => h.role);
  const oosAll = roles.filter((h) => h.def.group === "oos");
  // "mijn opleiding" is a student's, unless the text speaks of students as others ("mijn opleiding heeft een student …").
  const oosSelf = oosAll.filter((h) => !h.def.weak || !thirdPersonPupil(a, oosAll));
  const staff = roles.filter((h) => h.def.group !== "oos");
  const party = staff.filter((h) => ["gemeente", "leverancier", "product"].includes(h.def.group));
  const poRole = staff.filter((h) => h.def.group === "po");
  const vmRole = staff.filter((h) => deskOf(h.def.group) === "vo-mbo");
  const unknown = (clarify: string, reasons: string[]): DeskDecision => ({ desk: "unknown", clarify, reasons, hits });

  if (!board) {
    if (oosSelf.length && !staff.length)
      return { desk: "out-of-scope", reasons: evidenceReason(a, oosSelf, "out-of-scope"), hits };
    if (oosSelf.length) return unknown(CLARIFY_ROLE, [conflictReason(a, staff, oosSelf)]);
    if (party.length && !poRole.length) return { desk: "vo-mbo", reasons: evidenceReason(a, party, "vo-mbo"), hits };
  }
  if (sector) return { desk: sector === "po" ? "po" : "vo-mbo", reasons: [SECTOR_REASON[sector]], hits };

  if (poRole.length && vmRole.length) return unknown(CLARIFY_SECTOR, [conflictReason(a, poRole, vmRole)]);
  if (poRole.length) return { desk: "po", reasons: evidenceReason(a, poRole, "po"), hits };
  if (vmRole.length) return { desk: "vo-mbo", reasons: evidenceReason(a, vmRole, "vo-mbo"), hits };

  const po = hits.filter((h) => deskOf(h.def.group) === "po");
  const vm = hits.filter((h) => deskOf(h.def.group) === "vo-mbo");
  const sum = (hs: Hit[]) => hs.reduce((s, h) => s + h.weight, 0);
  const [sp, sv] = [sum(po), sum(vm)];
  const hi = Math.max(sp, sv);
  const lo = Math.min(sp, sv);
  const none = board
    ? "Uit uw vraag kunnen we nog niet opmaken over welk soort school het gaat."
    : "Uit uw vraag kunnen we nog niet opmaken voor welke organisatie u werkt en over welk soort school het gaat.";
  if (hi < 1.5) return unknown(board ? CLARIFY_SECTOR : CLARIFY_WHO, [none]);
  if (lo > 0 && hi < 2 * lo) return unknown(CLARIFY_SECTOR, [conflictReason(a, po, vm)]);
  return sp > sv
    ? { desk: "po", reasons: evidenceReason(a, po, "po"), hits }
    : { desk: "vo-mbo", reasons: evidenceReason(a, vm, "vo-mbo"), hits };
}

// ---------------------------------------------------------------------------------------------------------------
// Topic

/** The best-matching taxonomy topic id for an analysed question. */
export function topicFor(a: Analysis, callerType?: CallerType, hints: string[] = []): string {
  const scores = new Map<string, number>();
  for (const topic of TOPICS) {
    let s = 0;
    for (const sig of topic.list) if (a.canon.matches(sig.re).length) s += sig.w;
    if (s > 0) scores.set(topic.id, s);
  }
  // A count that reaches the legal reporting duty makes the question one about reporting.
  const qs = quantities(a);
  if (hints.includes("unexcused-16h-4w")) {
    const reached = qs.some((q) => q.unit === "uur" && q.value >= 16);
    scores.set("verzuim-melden", (scores.get("verzuim-melden") ?? 0) + (reached ? 5 : 2));
  }
  if (hints.includes("unexcused-4w-continuous")) scores.set("thuiszitters", (scores.get("thuiszitters") ?? 0) + 2);
  let best: string | undefined;
  let bestScore = 0;
  for (const id of TOPIC_PRIORITY) {
    const s = scores.get(id) ?? 0;
    if (s > bestScore) {
      best = id;
      bestScore = s;
    }
  }
  if (best) return best;
  if (callerType === "software-vendor") return "koppeling-techniek";
  if (callerType === "municipality") return "rapportages";
  return "contact";
}

// ---------------------------------------------------------------------------------------------------------------

const CALLER_SECTOR: Partial<Record<CallerType, Sector>> = {
  "po-school": "po",
  "vo-school": "vo",
  "mbo-institution": "mbo",
};

function suggestionsFor(question: string, sector: Sector | undefined, deps?: TriageDeps): Suggestion[] {
  if (!deps?.suggest) return [];
  // The search engine may log queries: never hand it a personal number.
  const query = redactLongDigitRuns(question).slice(0, 1000);
  if (!query) return [];
  try {
    const seen = new Set<string>();
    const out: Suggestion[] = [];
    for (const s of deps.suggest(query, { sector, limit: SUGGESTION_LIMIT }) ?? []) {
      if (!s || typeof s.slug !== "string" || seen.has(s.slug)) continue;
      seen.add(s.slug);
      out.push({ slug: s.slug, title: s.title });
      if (out.length === SUGGESTION_LIMIT) break;
    }
    return out;
  } catch {
    return []; // suggestions are a convenience; the routing answer must still come back
  }
}

/** Analyses a validated question: desk (with one clarifying question when unsure), topic, reasons, FAQ suggestions, protocol hints. */
export function triage(input: TriageInput, deps?: TriageDeps, facts?: RoutingFacts): TriageResult {
  const { result, sector } = triageDetailed(input, facts);
  result.suggestions = suggestionsFor(input.question, sector, deps);
  return result;
}

/** The triage result without suggestions, plus the sector the question is about as far as it is known (for search). */
export function triageDetailed(input: TriageInput, facts?: RoutingFacts): { result: TriageResult; sector?: Sector } {
  const a = analyse(input.question);
  const decision = decideDesk(a, input.callerType, input.sector);
  // Organisation facts (the asking organisation, the school concerned) decide before the words, but never over a
  // parent or pupil: an out-of-scope question stays out of scope.
  if (decision.desk !== "out-of-scope") {
    const byOrg =
      deskByOrganisation(input.callerType, facts) ?? (decision.desk === "unknown" ? fallbackDesk(facts) : null);
    if (byOrg) {
      const protocolHints = protocolHintsFor(a);
      const sector = byOrg.sector ?? input.sector;
      const result: TriageResult = {
        desk: byOrg.desk,
        ...(sector ? { sector } : {}),
        topic: topicFor(a, input.callerType, protocolHints),
        reasons: [byOrg.reason],
        suggestions: [],
        protocolHints,
      };
      return { result, sector };
    }
  }
  const protocolHints = protocolHintsFor(a);
  const topic = topicFor(a, input.callerType, protocolHints);
  let sector = input.sector ?? (decision.desk === "out-of-scope" ? undefined : CALLER_SECTOR[input.callerType]);
  if (!sector && decision.desk === "po") sector = "po";
  if (!sector && decision.desk === "vo-mbo") {
    // Only the school-type words count: "gemeente" or "leerplicht" say nothing about vo or mbo.
    // A fixed caller type (municipality, vendor) decides the desk without hits: read the words here.
    const hits = decision.hits.length ? decision.hits : findHits(a);
    const groups = new Set(hits.map((h) => h.def.group).filter((g) => g === "vo" || g === "mbo"));
    if (groups.size === 1) sector = groups.has("vo") ? "vo" : "mbo";
  }
  const result: TriageResult = {
    desk: decision.desk,
    ...(sector ? { sector } : {}),
    topic,
    reasons: decision.reasons,
    suggestions: [],
    protocolHints,
  };
  if (decision.clarify) result.clarify = decision.clarify;
  return { result, sector };
}
