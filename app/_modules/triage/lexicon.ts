// Word lists for the triage engine, written in the token-pattern language of ./text.ts (`a|b`, `word*`, `#`,
// `#e`, `slot?`, `~N`). Patterns run on canonical tokens: lowercase, no diacritics, typos repaired, number words as
// digits ("groep acht" → "groep 8", "zesde" → "6e"). Weights: 3 = names a school type or sector outright,
// 2 = a role or word that belongs to one sector, 1 = a hint.

/** Which kind of organisation a signal points to. `product` is software used by vo and mbo schools. */
export type Group = "po" | "vo" | "mbo" | "gemeente" | "leverancier" | "product" | "oos";

export type DeskSignal = {
  p: string;
  group: Group;
  w: number;
  /** Extra check on the captured numbers ("groep 9" is no primary-school group). */
  when?: (nums: number[]) => boolean;
  /** The pattern itself is the caller saying who they are ("mijn zoon", "onze klanten"). */
  self?: boolean;
  /** "onze/ons X" also means the caller is X ("onze basisschool", "onze gemeente"). */
  ownable?: boolean;
  /** For parent/pupil patterns: the school words inside the match still count ("ik ben leerkracht en vader"). */
  keepInner?: boolean;
  /** For parent/pupil patterns: says who the caller is ("ik ben leerling", "mijn zoon"), strong enough to overrule a
   * school chosen as "who are you"; states that staff can be in too ("ik ben te laat") do not. */
  identity?: boolean;
  /** For parent/pupil patterns: only a hint, ignored when the text also speaks of a pupil in the third person. */
  weak?: boolean;
  /** The match does not count when the next word is one of these ("ik ben te laat met melden" is about a task). */
  notBefore?: string[];
  /** A software product: a caller who works at it ("ik werk bij ParnasSys") is its vendor, not a school. */
  vendorWhenRole?: boolean;
};

const between = (lo: number, hi: number) => (n: number[]) => n.length > 0 && n[0] >= lo && n[0] <= hi;
const AGE_UNITS = "jaar|jarig*|jarige";

export const DESK_SIGNALS: DeskSignal[] = [
  // Primary education (po)
  { p: "basisschool|basisonderwijs|sbo|po|bao", group: "po", w: 3, ownable: true },
  { p: "bs", group: "po", w: 2, ownable: true },
  { p: "primair onderwijs", group: "po", w: 3, ownable: true },
  { p: "groep #", group: "po", w: 3, when: between(1, 8) },
  { p: "groep #e", group: "po", w: 1, when: between(1, 8) },
  { p: "kleuter*|groepsleerkracht", group: "po", w: 3 },
  { p: "iber|internbegeleider", group: "po", w: 3 },
  { p: "ib", group: "po", w: 2 },
  { p: "leerkracht|juf|meester", group: "po", w: 2 },
  { p: "las", group: "po", w: 2 },
  { p: "parnassys|esis", group: "po", w: 2, vendorWhenRole: true },
  { p: "dotcom", group: "po", w: 1, vendorWhenRole: true },
  { p: "kindcentrum|ikc", group: "po", w: 2, ownable: true },
  { p: "doorstroomtoets|eindtoets|schooladvies", group: "po", w: 2 },
  { p: `van|is|wordt # ${AGE_UNITS}?`, group: "po", w: 1, when: between(4, 11) },
  { p: `# ${AGE_UNITS}`, group: "po", w: 1, when: between(4, 11) },

  // Secondary education (vo)
  { p: "vo|vso|praktijkonderwijs|praktijkschool|scholengemeenschap", group: "vo", w: 3, ownable: true },
  { p: "voortgezet speciaal? onderwijs", group: "vo", w: 3, ownable: true },
  { p: "middelbare school", group: "vo", w: 3, ownable: true },
  { p: "brugklas*|vmbo*|havo*|vwo*|mavo*|havist*|gymnasium|atheneum|lyceum", group: "vo", w: 3, ownable: true },
  { p: "klas #", group: "vo", w: 2, when: between(1, 6) },
  { p: "#e klas", group: "vo", w: 2, when: between(1, 6) },
  { p: "klas", group: "vo", w: 1 },
  {
    p: "mentor*|teamleider|afdelingsleider|decaan|rector|conrector|zorgcoordinator|leerlingcoordinator|jaarlaagcoordinator",
    group: "vo",
    w: 2,
  },
  { p: "examen*|eindexamen*|examenklas", group: "vo", w: 2 },
  { p: "lesuur|lesuren|docent*|college|leerjaar", group: "vo", w: 1 },
  { p: `van|is|wordt # ${AGE_UNITS}?`, group: "vo", w: 1, when: between(13, 23) },
  { p: `# ${AGE_UNITS}`, group: "vo", w: 1, when: between(13, 23) },

  // Vocational education (mbo)
  { p: "mbo*|roc|aoc|vakschool|beroepsonderwijs", group: "mbo", w: 3, ownable: true },
  { p: "middelbaar beroepsonderwijs", group: "mbo", w: 3, ownable: true },
  { p: "bol|bbl|entreeopleiding|studentenadministratie|studentbegeleider|studentendecaan", group: "mbo", w: 3 },
  { p: "entree opleiding|niveau", group: "mbo", w: 3 },
  { p: "entree", group: "mbo", w: 1 },
  { p: "niveau #", group: "mbo", w: 2, when: between(1, 4) },
  { p: "crebo|bpv|leerbedrijf|praktijkovereenkomst|keuzedeel|opleidingsmanager", group: "mbo", w: 2 },
  { p: "student|studenten|opleiding|deelnemer*", group: "mbo", w: 1 },

  // Municipalities (leerplicht, RMC): they go to the IPO whatever the school type
  {
    p: "leerplichtambtenaar|lpa|leerplichtconsulent|leerplichtadviseur|trajectbegeleider|rmc",
    group: "gemeente",
    w: 1.5,
  },
  { p: "afdeling|bureau|team|consulent leerplicht", group: "gemeente", w: 2 },
  { p: "leerplicht|rmc zaken|afdeling|team|bureau|regio", group: "gemeente", w: 2 },
  { p: "gemeente*", group: "gemeente", w: 1, ownable: true },
  { p: "wethouder|stipter", group: "gemeente", w: 1 },
  { p: "key 2 onderwijs", group: "gemeente", w: 2 },

  // Software vendors and technical questions
  { p: "softwareleverancier*|softwarebedrijf", group: "leverancier", w: 3 },
  { p: "leverancier*", group: "leverancier", w: 2 },
  { p: "koppeling*|certificaat*|certificaten|webservice*|api|digikoppeling|wsdl", group: "leverancier", w: 2 },
  { p: "xml|soap|endpoint*|pki*|testomgeving|foutcode*|berichtenverkeer", group: "leverancier", w: 1 },
  { p: "onze klanten", group: "leverancier", w: 3, self: true },
  { p: "wij|we leveren|ontwikkelen|bouwen", group: "leverancier", w: 3, self: true },
  { p: "magister|somtoday|eduarte|osiris|cumlaude|presentis|zermelo", group: "product", w: 2 },

  // Parents, pupils and students speaking for themselves (out of scope)
  {
    p: "ik ben|was een|de? ~1 ouder|vader|moeder|verzorger|voogd|pleegouder|pleegvader|pleegmoeder|stiefvader|stiefmoeder|opa|oma|leerling|scholier|student|brugklasser",
    group: "oos",
    w: 3,
    self: true,
    identity: true,
  },
  { p: "wij|we zijn de? ouders", group: "oos", w: 3, self: true, identity: true },
  // The pupil named with the parent is their own child, not a pupil the caller teaches.
  {
    p: "ik ben|was ~1 ouder|vader|moeder|verzorger|voogd van ~2 leerling*|kind*|student*|scholier*|kleuter*|brugklasser*",
    group: "oos",
    w: 3,
    self: true,
    identity: true,
  },
  {
    p: "wij|we zijn ~1 ouders|verzorgers van ~2 leerling*|kind*|student*|scholier*|kleuter*|brugklasser*",
    group: "oos",
    w: 3,
    self: true,
    identity: true,
  },
  { p: "ik ben ~3 en|ook ouder|vader|moeder|verzorger", group: "oos", w: 3, self: true, keepInner: true },
  { p: "als ouder|ouders|vader|moeder|verzorger|voogd", group: "oos", w: 3, self: true, identity: true },
  { p: "als leerling|student|scholier wil|mag|kan|heb|ben|moet ik", group: "oos", w: 3, self: true, identity: true },
  {
    p: "mijn zoon*|dochter*|kind|kinderen|kindje|pleegkind*|pleegzoon|pleegdochter|stiefzoon|stiefdochter|kleinzoon|kleindochter|kleinkind*",
    group: "oos",
    w: 3,
    self: true,
    identity: true,
  },
  { p: "onze|ons zoon*|dochter*|kind", group: "oos", w: 3, self: true, identity: true },
  { p: "mijn ouders|mentor|leraar|lerares|docent|docente|juf|meester", group: "oos", w: 3, self: true, identity: true },
  {
    p: "ik zit in|op ~2 groep|klas|brugklas*|havo*|vwo*|vmbo*|mavo*|mbo*|basisschool|school|opleiding|leerjaar|roc|aoc|vakschool|college|lyceum|atheneum|gymnasium|praktijkschool|praktijkonderwijs|sbo|vso|bol|bbl|niveau",
    group: "oos",
    w: 3,
    self: true,
    identity: true,
  },
  { p: "ik heb|had gespijbeld", group: "oos", w: 3, self: true, identity: true },
  { p: "ik studeer|studeerde", group: "oos", w: 3, self: true, identity: true },
  { p: `ik ben|word # ${AGE_UNITS}?`, group: "oos", w: 3, self: true, when: between(4, 23), identity: true },
  // A pupil's own school life; "mijn klas" and "mijn school" are left out (a teacher says them too).
  {
    p: "mijn verzuim|afwezigheid|absenties|opleiding|studie|stage|stageplek|stagebedrijf|diploma|boete|schoolloopbaan|slb|slber|studieloopbaanbegeleider|klasgenoten|klasgenoot",
    group: "oos",
    w: 3,
    self: true,
    weak: true,
  },
  { p: "ik spijbel*", group: "oos", w: 3, self: true, identity: true },
  { p: "ik ben|was|kom|kwam te laat", group: "oos", w: 3, self: true, notBefore: ["met"] },
];

/** Phrases by which callers say what they are; a signal right after one is their role. `gap` = tokens allowed between. */
export const SELF_REFERENCES: { p: string; gap: number; ownOnly?: boolean }[] = [
  { p: "ik ben|was", gap: 3 },
  { p: "ik werk|werkte", gap: 4 },
  { p: "wij|we zijn|werken", gap: 3 },
  { p: "werkzaam", gap: 3 },
  { p: "namens|vanuit", gap: 2 },
  { p: "functie|rol als|van", gap: 1 },
  { p: "als", gap: 0 },
  { p: "onze|ons|mijn", gap: 1, ownOnly: true },
];

/** Words between a self-reference ("ik werk als") and a desk signal that break the link: the signal then does not
 * name the caller's own role ("ik werk samen met het vo", "ik ben student op het mbo"). */
export const SELF_REFERENCE_GAP_BLOCKERS = [
  "met",
  "samen",
  "naar",
  "over",
  "aan",
  "contact",
  "vraag",
  "vragen",
  "zoek",
  "of",
  "dat",
  "die",
  "wie",
  "hoe",
  "wat",
  "welke",
  "en",
  "maar",
  "niet",
  "geen",
  "graag",
  "benieuwd",
  "bezig",
  // "ik ben student op het mbo": the role is the pupil, the school type is where they learn.
  "leerling",
  "leerlingen",
  "student",
  "studenten",
  "scholier",
  "deelnemer",
  "ouder",
  "ouders",
  "vader",
  "moeder",
  "kind",
  "zoon",
  "dochter",
];

/** Spellings mapped to one canonical form (plurals, joined words, common variants). */
export const VARIANTS: Record<string, string> = {
  basisscholen: "basisschool",
  basisschooltje: "basisschool",
  bsen: "bs",
  bssen: "bs",
  primaironderwijs: "primair onderwijs",
  speciaalbasisonderwijs: "sbo",
  voortgezetonderwijs: "voortgezet onderwijs",
  middelbareschool: "middelbare school",
  middelbarescholen: "middelbare school",
  internbegeleider: "internbegeleider",
  internebegeleider: "internbegeleider",
  internbegeleiders: "internbegeleider",
  ibber: "iber",
  ibbers: "iber",
  ibers: "iber",
  leerplichtambtenaren: "leerplichtambtenaar",
  leerplichtambtenares: "leerplichtambtenaar",
  leerplichtconsulenten: "leerplichtconsulent",
  trajectbegeleiders: "trajectbegeleider",
  studentadministratie: "studentenadministratie",
  studentenadministraties: "studentenadministratie",
  studentenbegeleider: "studentbegeleider",
  entreeopleidingen: "entreeopleiding",
  decanen: "decaan",
  juffen: "juf",
  juffrouw: "juf",
  meesters: "meester",
  leerkrachten: "leerkracht",
  rocs: "roc",
  zorgcoordinatoren: "zorgcoordinator",
  afdelingleider: "afdelingsleider",
  softwareleveranciers: "softwareleverancier",
  telaat: "te laat",
  telaatkomen: "te laat komen",
  telaatkomer: "laatkomer",
  telaatkomers: "laatkomer",
  kinderen: "kinderen",
  ouders: "ouders",
  foutmelding: "foutmelding",
  foutmeldingen: "foutmelding",
  ziekenhuis: "ziekenhuis",
  verzuimloket: "verzuimloket",
  verzuimregister: "verzuimregister",
  leerlingadministratie: "leerlingenadministratie",
  leerlingenadministratie: "leerlingenadministratie",
  leerlingbegeleider: "leerlingbegeleider",
  leerlingenbegeleider: "leerlingbegeleider",
  leerlingzaken: "leerlingzaken",
  studentenzaken: "studentenzaken",
  burgerservicenummer: "bsn",
  sofinummer: "bsn",
  persoonsgebondennummer: "pgn",
  thuiszitter: "thuiszitter",
  thuiszitters: "thuiszitter",
  vrijstellingen: "vrijstelling",
  overleden: "overleden",
  overlijden: "overlijden",
  weekend: "weekend",
  groepen: "groep",
};

/** Real words that look like a typo of a vocabulary word and must be left alone. */
export const PROTECTED_WORDS = [
  "oudere",
  "ouderen",
  "leerlijn",
  "leerlijnen",
  "kleuren",
  "moeten",
  "vaker",
  "docenten",
  "mentale",
  "klassiek",
  "gemeld",
  "melden",
  "meldt",
  "geleden",
  "leiden",
  "leider",
  "student",
  "studeert",
  "ouderschap",
  "verloop",
  "verloren",
  "geoorloofd",
  "moedertaal",
  "vaderland",
  "overleg",
  "overleggen",
  "trouwens",
  "regel",
  "regels",
  "lessen",
  "klasse",
  "meesten",
  "meeste",
  "verschillen",
  "verschil",
  "verschillende",
  "collega",
  "collegas",
  "middelbaar",
  "maandag",
  "dinsdag",
  "woensdag",
  "donderdag",
  "vrijdag",
  "zaterdag",
  "zondag",
  "vandaag",
  "laatste",
  "laatst",
  "tijdens",
  "niets",
  "zoeken",
  "bewaken",
  "gegeven",
  "werden",
  "verlopen",
  "verliep",
  "medewerker",
  "medewerkers",
  "leraren",
  "leraar",
  "scholen",
  "school",
  "schoolbestuur",
  "bestuur",
  "besturen",
  "kinderopvang",
];

// The topic, protocol and perspective word lists (same pattern language): ./lexicon-topics.ts.
export * from "./lexicon-topics";
