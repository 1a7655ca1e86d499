// A few months of invented history for the demo data: some 350 tickets on both desks over about 17 weeks, from
// every channel (web, api, phone, email), by the demo organisations and about their schools, with replies, notes,
// waits for the caller, transfers, tags, SLA hits and misses, phone contacts and callbacks, plus the searches,
// article feedback and question-analysis runs of those weeks. Deterministic: one seeded PRNG, times relative to
// `now`. Written in one transaction: prepared statements on SQLite, createMany on PostgreSQL (it runs on first start
// and must stay fast).
import "server-only";
import type { Db, Prisma } from "@/app/_core/db";
import { newId } from "@/app/_core/ids";
import { sqliteInsertAll } from "@/app/_core/sqlite-direct";
import type { DeskId } from "@/app/_core/session";
import { ticketConfirmationMail } from "@/app/_modules/mail/templates";
import {
  addBusinessTime,
  businessDayMs,
  businessMsBetween,
  computeSlaDueTimes,
  type BusinessHours,
} from "@/app/_modules/sla/business-time";
import type { Channel } from "@/app/_modules/tickets/channel";
import { subjectFrom } from "@/app/_modules/tickets/create-ticket";
import { deriveFollowUpToken } from "@/app/_modules/tickets/desk-token";
import { followUpUrl, hashToken } from "@/app/_modules/tickets/follow-up-link";
import { formatReference, referenceYear } from "@/app/_modules/tickets/reference";
import { STATUS_LABELS, type TicketStatus } from "@/app/_modules/tickets/schema";
import type { CallerType } from "@/app/_modules/triage/schema";

const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
/** How far back the history goes (calendar days before `now`). */
export const HISTORY_DAYS = 120;

/** Mulberry32: a small, fast, seeded PRNG, so every fresh demo database gets the same history. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
function weighted<T>(rng: Rng, xs: readonly (readonly [T, number])[]): T {
  const total = xs.reduce((s, [, w]) => s + w, 0);
  let r = rng() * total;
  for (const [x, w] of xs) if ((r -= w) < 0) return x;
  return xs[xs.length - 1]![0];
}

// ---------------------------------------------------------------------------------------------------------------
// Texts. {school} is the school the question is about (or the caller's own school).

const QUESTIONS: Record<string, string[]> = {
  "verzuim-melden": [
    "Een leerling van {school} is nu drie weken regelmatig afwezig zonder reden. Vanaf wanneer moeten wij dit melden?",
    "Wij willen een verzuimmelding doen, maar het verzuimloket geeft aan dat de leerling niet bekend is. Wat nu?",
    "Moeten wij ook melden als ouders het verzuim wel hebben doorgegeven, maar de reden niet klopt?",
  ],
  "soorten-verzuim": [
    "Wat is het verschil tussen absoluut en relatief verzuim? Wij twijfelen bij een leerling die nergens staat ingeschreven.",
    "Valt een leerling die steeds het eerste uur mist onder luxeverzuim of onder ongeoorloofd verzuim?",
  ],
  "te-laat-en-spijbelen": [
    "Een leerling van {school} komt deze maand al voor de twaalfde keer te laat. Moeten wij dit melden?",
    "Hoe tellen wij spijbeluren van een leerling met een aangepast rooster?",
  ],
  ziekteverzuim: [
    "Een leerling is al zes weken ziek gemeld, maar wij twijfelen of dat klopt. Wat kunnen wij doen?",
    "Moeten wij langdurig ziekteverzuim ook melden, en bij wie?",
  ],
  verlof: [
    "Ouders vragen twee weken extra vakantieverlof aan voor een bruiloft in het buitenland. Mag de directeur dit geven?",
    "Een leerling wil een dag vrij voor een religieuze feestdag. Moet dit via een verlofaanvraag?",
    "Wie beslist over verlof van meer dan tien schooldagen?",
  ],
  leerplicht: [
    "Een leerling wordt in oktober zestien. Geldt de leerplicht dan nog tot het einde van het schooljaar?",
    "Wanneer begint de leerplicht precies voor een kind dat in juni vijf wordt?",
  ],
  thuiszitters: [
    "Een leerling van {school} zit al vier weken thuis omdat er geen passende plek is. Wie moet wat doen?",
    "Wij hebben een thuiszitter gemeld, maar horen niets van de gemeente. Bij wie kunnen wij terecht?",
  ],
  inschrijving: [
    "Een nieuwe leerling van {school} staat nog niet in het register. Hoe lossen we dat op?",
    "Een leerling is verhuisd en uitgeschreven, maar de nieuwe school ziet hem nog bij ons staan. Wat moeten wij doen?",
    "Hoe schrijven wij een leerling in die nog geen BSN heeft?",
  ],
  "persoonsgebonden-nummer": [
    "Het onderwijsnummer van een leerling wordt niet geaccepteerd. Hoe krijgen wij het goede nummer?",
    "Een leerling heeft inmiddels een BSN gekregen. Hoe zetten wij het onderwijsnummer om?",
  ],
  "koppeling-techniek": [
    "Onze koppeling met het verzuimregister geeft een time-out bij het versturen van meldingen. Is er een storing?",
    "Het certificaat van onze koppeling verloopt volgende maand. Hoe vragen wij een nieuw certificaat aan?",
    "Sinds de laatste update krijgen wij foutcode 400 bij het ophalen van de status van meldingen van {school}.",
  ],
  rapportages: [
    "Hoe kan ik het maandoverzicht van verzuimmeldingen voor onze gemeente downloaden?",
    "In het overzicht van dit kwartaal missen meldingen van {school}. Klopt dat?",
  ],
  vrijstellingen: [
    "Ouders vragen een vrijstelling van de leerplicht aan op grond van levensovertuiging. Hoe gaat dat?",
    "Moet een vrijstelling voor een leerling van {school} ieder jaar opnieuw worden aangevraagd?",
  ],
  "rmc-vsv": [
    "Een student van 19 zonder startkwalificatie komt al vier weken niet. Moeten wij dit melden bij RMC?",
    "Hoe melden wij een voortijdig schoolverlater die zich heeft uitgeschreven?",
  ],
  privacy: [
    "Mogen wij de verzuimgegevens van een leerling delen met de jeugdhulp?",
    "Hoe lang bewaart DUO de verzuimmeldingen van onze leerlingen?",
  ],
  contact: [
    "Ik heb vorige week gebeld en zou worden teruggebeld. Wanneer kan ik dat verwachten?",
    "Met wie kan ik contact opnemen over de verzuimmelding van mijn kind?",
  ],
};

const REPLIES: Record<string, string> = {
  "verzuim-melden":
    "Meld ongeoorloofd verzuim zodra een leerling in vier weken 16 uur of meer mist. Twijfelt u? Meld dan toch: de leerplichtambtenaar beoordeelt de melding.",
  "soorten-verzuim":
    "Een leerling die nergens staat ingeschreven valt onder absoluut verzuim. Mist een ingeschreven leerling lessen zonder geldige reden, dan is het relatief verzuim.",
  "te-laat-en-spijbelen":
    "Vaak te laat komen is ongeoorloofd verzuim. Tel de gemiste tijd op en meld zodra de grens van 16 uur in vier weken is bereikt.",
  ziekteverzuim:
    "Twijfelt u aan een ziekmelding, bespreek dit dan eerst met de ouders en de jeugdarts. Bij langdurig of vaak ziekteverzuim kunt u de jeugdarts inschakelen.",
  verlof:
    "Over verlof tot en met 10 schooldagen beslist de directeur. Bij meer dan 10 schooldagen beslist de leerplichtambtenaar.",
  leerplicht:
    "De leerplicht eindigt aan het einde van het schooljaar waarin de leerling 16 wordt. Daarna geldt de kwalificatieplicht tot 18 jaar.",
  thuiszitters:
    "Meld de leerling bij de leerplichtambtenaar en neem contact op met het samenwerkingsverband. Samen maakt u een plan voor terugkeer naar school.",
  inschrijving:
    "Controleer of de inschrijving vanuit uw leerlingadministratie is verstuurd. Ziet u de leerling daarna nog niet, stuur ons dan de datum van inschrijving.",
  "persoonsgebonden-nummer":
    "Gebruik het nummer uit de brief van DUO. Stuur nooit een BSN mee in uw vraag; wij zoeken het op met de gegevens van de school.",
  "koppeling-techniek":
    "Er was een tijdelijke storing bij het verzuimregister. Deze is opgelost. Verstuur de meldingen die zijn mislukt opnieuw.",
  rapportages: "U vindt de overzichten in Mijn DUO onder Overzichten. De link in de mail is 30 dagen geldig.",
  vrijstellingen:
    "Een vrijstelling vraagt u aan bij de leerplichtambtenaar van de gemeente waar het kind woont. Een vrijstelling geldt per schooljaar.",
  "rmc-vsv":
    "Meld langdurig verzuim van jongeren tot 23 jaar zonder startkwalificatie bij RMC via het verzuimloket. Kies het meldingstype RMC.",
  privacy:
    "U mag alleen gegevens delen die nodig zijn voor de hulp, en met toestemming of op grond van de wet. Leg vast wat u deelt en waarom.",
  contact: "Excuses voor het wachten. Wij hebben uw vraag opgepakt en nemen vandaag contact met u op.",
};

const ASK_MORE =
  "Om u goed te helpen hebben wij meer informatie nodig. Kunt u ons de datum en het kenmerk van de melding sturen? Stuur geen BSN mee.";
const CALLER_MORE = [
  "Het kenmerk staat in de bijlage van de bevestiging. De melding is van vorige week dinsdag.",
  "Dank u. De datum was de 3e van deze maand, het kenmerk is VM-4481.",
  "Ik heb het nagevraagd bij onze administratie: de melding is via het LAS verstuurd.",
];
const CALLER_THANKS = [
  "Dank u wel, dit is duidelijk.",
  "Bedankt, het is gelukt.",
  "Fijn, dan weten wij wat we moeten doen.",
];
const NOTES = [
  "Nagevraagd bij beheer, antwoord volgt.",
  "Zelfde vraag als vorige week van deze school; zie eerdere vraag.",
  "Bellen na 10.00 uur, de contactpersoon werkt niet op woensdag.",
  "Leverancier heeft de fout bevestigd.",
  "Controleren in het register voordat we antwoorden.",
];
const TRANSFER_REASONS: Record<DeskId, string> = {
  po: "Uw vraag gaat over een basisschool. Daarom helpt de Helpdesk BRON PO u verder.",
  "vo-mbo": "Uw vraag gaat over een school voor vo of mbo. Daarom helpt het Informatiepunt Onderwijs u verder.",
};
const TOPIC_TAGS: Record<string, string[]> = {
  "koppeling-techniek": ["storing", "certificaat"],
  inschrijving: ["register"],
  "rmc-vsv": ["rmc"],
  "verzuim-melden": ["las"],
  "persoonsgebonden-nummer": ["register"],
  contact: ["terugbellen"],
};

const TOPICS_BY_CALLER: Record<CallerType, (readonly [string, number])[]> = {
  "po-school": [
    ["verzuim-melden", 5],
    ["te-laat-en-spijbelen", 3],
    ["verlof", 4],
    ["ziekteverzuim", 2],
    ["inschrijving", 3],
    ["persoonsgebonden-nummer", 2],
    ["soorten-verzuim", 1],
  ],
  "vo-school": [
    ["verzuim-melden", 5],
    ["te-laat-en-spijbelen", 4],
    ["verlof", 3],
    ["ziekteverzuim", 2],
    ["inschrijving", 2],
    ["thuiszitters", 2],
    ["soorten-verzuim", 1],
  ],
  "mbo-institution": [
    ["rmc-vsv", 5],
    ["verzuim-melden", 3],
    ["inschrijving", 2],
    ["leerplicht", 1],
  ],
  "school-board": [
    ["inschrijving", 3],
    ["rapportages", 2],
    ["privacy", 2],
    ["verzuim-melden", 2],
    ["thuiszitters", 1],
  ],
  municipality: [
    ["rapportages", 4],
    ["leerplicht", 3],
    ["thuiszitters", 3],
    ["vrijstellingen", 2],
    ["rmc-vsv", 2],
    ["privacy", 1],
  ],
  "software-vendor": [
    ["koppeling-techniek", 6],
    ["persoonsgebonden-nummer", 2],
    ["privacy", 1],
  ],
  "parent-or-student": [
    ["verlof", 3],
    ["leerplicht", 2],
    ["contact", 2],
    ["vrijstellingen", 1],
  ],
  other: [
    ["thuiszitters", 3],
    ["privacy", 2],
    ["contact", 1],
  ],
};

const FIRST = [
  "Anna",
  "Bram",
  "Carla",
  "Dirk",
  "Els",
  "Frank",
  "Greet",
  "Hans",
  "Ilse",
  "Jeroen",
  "Karin",
  "Lars",
  "Marieke",
  "Niels",
  "Olga",
  "Paul",
  "Rianne",
  "Sander",
  "Tineke",
  "Wouter",
  "Yvonne",
  "Ahmed",
  "Sevda",
  "Koen",
];
const LAST = [
  "de Boer",
  "Dijkstra",
  "Bosma",
  "Visser",
  "Hoekstra",
  "Meijer",
  "van der Veen",
  "Postma",
  "Kramer",
  "de Jong",
  "Wijnstra",
  "Smit",
  "Brouwer",
  "Yilmaz",
  "Zijlstra",
  "Bouma",
];
const ZERO_QUERIES = [
  "huisonderwijs",
  "schorsing leerling",
  "schorsing",
  "doublure",
  "studiefinanciering",
  "inloggen mijn duo",
  "bsn kwijt",
  "extra verlof ramadan",
  "stage verzuim",
  "examenvrijstelling",
];
const QUERIES: [string, string | null][] = [
  ["verzuim melden", "ongeoorloofd-verzuim-melden"],
  ["16 uur", "uren-tellen-ongeoorloofd-verzuim"],
  ["vakantieverlof", "vakantieverlof-aanvragen"],
  ["te laat komen", "te-laat-komen"],
  ["thuiszitters", "thuiszitters-wie-helpt"],
  ["spijbelen", "spijbelen-wat-doet-de-school"],
  ["leerling inschrijven", "leerling-inschrijven"],
  ["niet in register", "leerling-niet-in-register"],
  ["rmc melding", "rmc-melding-jongeren-18-23"],
  ["certificaat koppeling", "certificaat-koppeling"],
  ["foutmelding koppeling", "foutmelding-koppeling"],
  ["vrijstelling", "vrijstellingen-leerplicht"],
  ["ziekmelding", null],
  ["luxe verzuim", "luxe-verzuim"],
  ["melding intrekken", "verzuimmelding-intrekken"],
  ["gewichtige omstandigheden", "verlof-gewichtige-omstandigheden"],
];
const FEEDBACK_COMMENTS = [
  "Duidelijk uitgelegd, dank.",
  "Ik mis een voorbeeld voor het mbo.",
  "Wat als de ouders het niet eens zijn?",
  "Graag een link naar het formulier.",
];

// ---------------------------------------------------------------------------------------------------------------

type Org = {
  id: string;
  kind: string;
  sector: string | null;
  name: string;
  code: string | null;
  bestuurId: string | null;
  municipalityId: string | null;
  domain: string | null;
};
type Desk = {
  id: DeskId;
  name: string;
  article: string;
  phone: string;
  referencePrefix: string;
  hours: BusinessHours;
  frDays: number;
  resDays: number;
};
type Agent = { id: string; name: string; desks: DeskId[] };

const callerTypeOf = (o: Org): CallerType =>
  o.kind === "school"
    ? o.sector === "mbo"
      ? "mbo-institution"
      : o.sector === "vo"
        ? "vo-school"
        : "po-school"
    : o.kind === "bestuur"
      ? "school-board"
      : o.kind === "gemeente"
        ? "municipality"
        : o.kind === "leverancier"
          ? "software-vendor"
          : "other";
const deskOfSector = (s: string | null): DeskId => (s === "po" || s === "so" ? "po" : "vo-mbo");
const ticketSector = (s: string | null): string | null => (s === "so" ? "po" : s);
const slug = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/** The offset of Europe/Amsterdam from UTC at `d`, in ms (1 h in winter, 2 h in summer). */
function amsterdamOffset(d: Date): number {
  const name = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Amsterdam", timeZoneName: "shortOffset" })
    .formatToParts(d)
    .find((p) => p.type === "timeZoneName")!.value;
  return Number(name.replace("GMT", "") || "0") * HOUR;
}

export type HistoryCounts = { tickets: number; searches: number; feedback: number; runs: number; contacts: number };

/** Writes the demo history before `now` (tickets end at least an hour before it). Returns what it made. */
export async function seedDemoHistory(
  db: Db,
  now: Date,
  opts: { sqliteUrl?: string; seed?: number } = {},
): Promise<HistoryCounts> {
  const rng = prng(opts.seed ?? 2026);
  const [orgRows, deskRows, userRows, articles, counters] = await Promise.all([
    db.organisation.findMany({
      where: { mergedIntoId: null },
      orderBy: [{ kind: "asc" }, { code: "asc" }, { name: "asc" }],
      select: {
        id: true,
        kind: true,
        sector: true,
        name: true,
        code: true,
        bestuurId: true,
        municipalityId: true,
        domains: { select: { domain: true }, orderBy: { domain: "asc" }, take: 1 },
      },
    }),
    db.desk.findMany({ orderBy: { id: "asc" } }),
    db.user.findMany({
      where: { role: { in: ["agent", "admin"] }, active: true },
      orderBy: { email: "asc" },
      include: { desks: true },
    }),
    db.article.findMany({ where: { status: "published" }, orderBy: { slug: "asc" }, select: { id: true, slug: true } }),
    db.ticketCounter.findMany(),
  ]);
  if (deskRows.length === 0) return { tickets: 0, searches: 0, feedback: 0, runs: 0, contacts: 0 };
  const orgs: Org[] = orgRows.map((o) => ({ ...o, domain: o.domains[0]?.domain ?? null }));
  const desks = new Map<DeskId, Desk>(
    deskRows.map((d) => [
      d.id as DeskId,
      {
        id: d.id as DeskId,
        name: d.name,
        article: d.article,
        phone: d.phone,
        referencePrefix: d.referencePrefix,
        hours: JSON.parse(d.hours) as BusinessHours,
        frDays: d.firstResponseBusinessDays,
        resDays: d.resolutionBusinessDays,
      },
    ]),
  );
  const agents: Agent[] = userRows.map((u) => ({
    id: u.id,
    name: u.name,
    desks: u.desks.map((d) => d.deskId as DeskId),
  }));
  const agentsOf = (desk: DeskId) => {
    const own = agents.filter((a) => a.desks.length === 1 && a.desks[0] === desk);
    const both = agents.filter((a) => a.desks.includes(desk) && a.desks.length > 1);
    // The desk's own agents do most of the work.
    return [...own, ...own, ...own, ...both];
  };
  const schools = orgs.filter((o) => o.kind === "school");
  // Some organisations ask much more than others: the big vo school, a busy municipality, a vendor.
  const heavy: Record<string, number> = { "12AB": 8, "34CD": 4, "51GH": 4, GM0085: 5, "12345678": 5, "41001": 4 };
  const orgWeights = orgs.map(
    (o) =>
      [
        o,
        heavy[o.code ?? ""] ??
          (o.kind === "gemeente" ? 2.5 : o.kind === "leverancier" ? 2 : o.kind === "bestuur" ? 2 : 1),
      ] as const,
  );
  const people = new Map<string, { name: string; email: string }[]>();
  const personOf = (o: Org | null): { name: string; email: string } => {
    const key = o?.id ?? "";
    let list = people.get(key);
    if (!list) {
      list = [];
      const n = o ? 1 + Math.floor(rng() * 3) : 12;
      for (let i = 0; i < n; i++) {
        const first = pick(rng, FIRST);
        const last = pick(rng, LAST);
        const local = `${first[0]!.toLowerCase()}.${slug(last).replace(/-/g, "")}`;
        const domain = o
          ? (o.domain ?? `${slug(o.name)}.test`)
          : pick(rng, ["thuismail.test", "postvak.test", "webmail.test"]);
        list.push({ name: `${first} ${last}`, email: `${local}@${domain}` });
      }
      people.set(key, list);
    }
    return pick(rng, list);
  };

  const day0 = Math.floor(now.getTime() / DAY) * DAY;
  const latest = now.getTime() - HOUR;
  const tickets: Prisma.TicketCreateManyInput[] = [];
  const requesters: Prisma.RequesterCreateManyInput[] = [];
  const messages: Prisma.MessageCreateManyInput[] = [];
  const audits: Prisma.AuditEventCreateManyInput[] = [];
  const mails: Prisma.MailOutboxCreateManyInput[] = [];
  const formers: Prisma.TicketFormerReferenceCreateManyInput[] = [];
  const contacts: Prisma.ContactCreateManyInput[] = [];
  const callbacks: Prisma.CallbackCreateManyInput[] = [];
  const inbound: Prisma.InboundMailCreateManyInput[] = [];
  const ticketTags: { ticketId: string; tag: string }[] = [];
  const next = new Map(counters.map((c) => [`${c.deskId}:${c.year}`, c.value]));
  const number = (desk: DeskId, year: number) => {
    const k = `${desk}:${year}`;
    const n = (next.get(k) ?? 0) + 1;
    next.set(k, n);
    return n;
  };

  // The moments questions came in, oldest first: a few per working day, now and then one in the weekend.
  type Arrival = { at: number; channel: Channel };
  const arrivals: Arrival[] = [];
  for (let d = HISTORY_DAYS; d >= 0; d--) {
    const dayStart = day0 - d * DAY;
    const weekday = new Date(dayStart).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    const n = weekend ? (rng() < 0.3 ? 1 : 0) : 2 + Math.floor(rng() * 5);
    const offset = amsterdamOffset(new Date(dayStart + 12 * HOUR));
    for (let i = 0; i < n; i++) {
      const channel: Channel = weekend
        ? rng() < 0.6
          ? "web"
          : "email"
        : weighted(rng, [
            ["web", 50],
            ["email", 20],
            ["phone", 20],
            ["api", 10],
          ]);
      // Local clock: the phone line is open 09:00–13:00, the rest comes in between 07:30 and 21:30.
      const localMin =
        channel === "phone" ? 9 * 60 + Math.floor(rng() * 235) : 7 * 60 + 30 + Math.floor(rng() * 14 * 60);
      const at = dayStart + localMin * MIN - offset;
      if (at <= latest) arrivals.push({ at, channel });
    }
  }
  arrivals.sort((a, b) => a.at - b.at);

  for (const { at, channel } of arrivals) {
    // Who asks, and about which school.
    const parent = rng() < 0.05;
    let org = parent ? null : weighted(rng, orgWeights);
    let school: Org | null = null;
    if (
      org &&
      (org.kind === "bestuur" || org.kind === "gemeente" || org.kind === "leverancier" || org.kind === "anders")
    ) {
      const o = org;
      const candidates = schools.filter((s) =>
        o.kind === "bestuur" ? s.bestuurId === o.id : o.kind === "gemeente" ? s.municipalityId === o.id : true,
      );
      if (candidates.length && rng() < (o.kind === "bestuur" ? 0.85 : 0.55)) school = pick(rng, candidates);
    }
    let about = school ?? (org?.kind === "school" ? org : null);
    const deskId: DeskId = about ? deskOfSector(about.sector) : org?.kind === "bestuur" ? "po" : "vo-mbo";
    // Number 1 of a desk (see the transfers below) is asked by one of that desk's own schools, so a question from the
    // same address goes to the same desk again (the intake routes by the e-mail domain's organisation).
    if ((next.get(`${deskId}:${referenceYear(new Date(at))}`) ?? 0) === 0 && org?.kind !== "school") {
      const own = schools.filter((s) => deskOfSector(s.sector) === deskId && s.domain);
      if (own.length) {
        org = pick(rng, own);
        school = null;
        about = org;
      }
    }
    const callerType: CallerType = org ? callerTypeOf(org) : "parent-or-student";
    const desk = desks.get(deskId)!;
    const topic = weighted(rng, TOPICS_BY_CALLER[callerType]);
    const question = pick(rng, QUESTIONS[topic]!).replace("{school}", about?.name ?? "onze school");
    const person = personOf(org);
    const created = new Date(at);
    const year = referenceYear(created);
    const hours = desk.hours;
    const dayMs = businessDayMs(hours);

    // Sometimes the question first landed at the other desk and was sent on within the hour or so.
    const transferCandidate = addBusinessTime(created, 20 * MIN + Math.floor(rng() * 2 * HOUR), hours);
    // Never the first ticket of a desk and year: number 1 of both desks stays an open question of its own desk (the
    // transfer tests work on the collision PO-…-000001 / IPO-…-000001).
    const bothStarted = (next.get(`po:${year}`) ?? 0) > 0 && (next.get(`vo-mbo:${year}`) ?? 0) > 0;
    const transferred = bothStarted && rng() < 0.08 && transferCandidate.getTime() < now.getTime() - 10 * MIN;
    const transferAt = transferred ? transferCandidate : null;
    const firstDesk = transferred ? desks.get(deskId === "po" ? "vo-mbo" : "po")! : desk;
    const firstNumber = number(firstDesk.id, year);
    const firstRef = formatReference(firstDesk.referencePrefix, year, firstNumber);
    const ticketNumber = transferred ? number(deskId, year) : firstNumber;
    const reference = formatReference(desk.referencePrefix, year, ticketNumber);

    const ticketId = newId();
    const requesterId = newId();
    const team = agentsOf(deskId);
    const agent = team.length ? pick(rng, team) : null;
    const first = ticketNumber === 1;
    const phoneAnswered = channel === "phone" && !first && rng() < 0.45;

    // The life of the ticket: first response (on time in most cases), maybe a wait for the caller, resolution.
    const frOnTime = rng() < 0.84;
    const respondedAt = phoneAnswered
      ? new Date(at + (4 + Math.floor(rng() * 10)) * MIN)
      : addBusinessTime(
          transferAt ?? created,
          Math.round(dayMs * (frOnTime ? 0.05 + rng() * 0.8 : 1.1 + rng() * 1.8)),
          hours,
        );
    const waits = !phoneAnswered && rng() < 0.2;
    const callerBackAt = waits ? new Date(respondedAt.getTime() + (20 + rng() * 50) * HOUR) : null;
    const pausedMs = callerBackAt ? businessMsBetween(respondedAt, callerBackAt, hours) : 0;
    const resOnTime = rng() < 0.82;
    let resolvedAt: Date;
    if (phoneAnswered) resolvedAt = respondedAt;
    else if (!waits && rng() < 0.55) resolvedAt = respondedAt;
    else
      resolvedAt = addBusinessTime(
        callerBackAt ?? respondedAt,
        Math.round(dayMs * (resOnTime ? 0.2 + rng() * 1.5 : desk.resDays + rng() * 3)),
        hours,
      );
    // A few questions stay open long past their due time (and number 1, see above).
    const stuck = first || (!phoneAnswered && rng() < 0.03 && now.getTime() - at > 14 * DAY);
    const closedAt = new Date(resolvedAt.getTime() + 7 * DAY);
    const due = computeSlaDueTimes({
      createdAt: created,
      pausedMs: callerBackAt && callerBackAt.getTime() <= now.getTime() ? pausedMs : 0,
      hours,
      firstResponseBusinessDays: desk.frDays,
      resolutionBusinessDays: desk.resDays,
    });
    const past = (d: Date | null) => !!d && d.getTime() <= now.getTime();

    let status: TicketStatus;
    let slaPausedAt: Date | null = null;
    if (!past(respondedAt)) status = agent && rng() < 0.4 ? "open" : "new";
    else if (waits && !past(callerBackAt)) {
      status = "waiting";
      slaPausedAt = respondedAt;
    } else if (stuck || !past(resolvedAt)) status = "open";
    else status = past(closedAt) ? "closed" : "resolved";
    const answered = past(respondedAt);
    const done = status === "resolved" || status === "closed";
    const assigneeId = status === "new" ? null : (agent?.id ?? null);
    const author = assigneeId;
    const greeting = `Beste ${person.name.split(" ")[0]},\n\n`;
    const signoff = `\n\nMet vriendelijke groet,\n${desk.name}`;

    requesters.push({
      id: requesterId,
      name: person.name,
      email: person.email,
      phone: channel === "phone" ? `06-${String(10_000_000 + Math.floor(rng() * 89_999_999)).slice(0, 8)}` : null,
      callerType,
      organisation: org?.name ?? "",
      schoolCode: org?.kind === "school" ? org.code : null,
      createdAt: created,
      organisationId: org?.id ?? null,
      organisationMatchedBy: !org
        ? null
        : org.domain && person.email.endsWith(`@${org.domain}`)
          ? "domain"
          : org.kind === "school"
            ? "school-code"
            : "agent",
    });

    messages.push({
      id: newId(),
      ticketId,
      kind: "caller",
      body: question,
      createdAt: created,
      emailFrom: channel === "email" ? person.email : null,
    });
    let last = created;
    if (transferAt) {
      messages.push({
        id: newId(),
        ticketId,
        kind: "system",
        body: `De vraag is doorgestuurd van ${firstDesk.name} naar ${desk.name}. Het vraagnummer is nu ${reference} (was ${firstRef}).`,
        createdAt: transferAt,
      });
      formers.push({ reference: firstRef, ticketId, createdAt: transferAt });
      audits.push({
        id: newId(),
        actorId: agent?.id ?? null,
        action: "ticket.transferred",
        entityType: "ticket",
        entityId: ticketId,
        ticketId,
        before: JSON.stringify({ deskId: firstDesk.id, reference: firstRef }),
        after: JSON.stringify({ deskId, reference, reason: TRANSFER_REASONS[deskId] }),
        createdAt: transferAt,
      });
      last = transferAt;
    }
    if (author && rng() < 0.22) {
      const noteAt = new Date(Math.min((transferAt ?? created).getTime() + 35 * MIN, now.getTime() - 30 * MIN));
      if (noteAt > last) {
        messages.push({
          id: newId(),
          ticketId,
          kind: "note",
          authorId: author,
          body: pick(rng, NOTES),
          createdAt: noteAt,
        });
        last = noteAt;
      }
    }
    if (answered && author) {
      if (phoneAnswered)
        messages.push({
          id: newId(),
          ticketId,
          kind: "note",
          authorId: author,
          body: `Telefonisch beantwoord: ${REPLIES[topic]!}`,
          createdAt: respondedAt,
        });
      else
        messages.push({
          id: newId(),
          ticketId,
          kind: "reply",
          authorId: author,
          body: greeting + (waits ? ASK_MORE : REPLIES[topic]!) + signoff,
          createdAt: respondedAt,
        });
      last = respondedAt;
      if (callerBackAt && past(callerBackAt)) {
        messages.push({
          id: newId(),
          ticketId,
          kind: "caller",
          body: pick(rng, CALLER_MORE),
          createdAt: callerBackAt,
          emailFrom: channel === "email" ? person.email : null,
        });
        last = callerBackAt;
        if (done) {
          messages.push({
            id: newId(),
            ticketId,
            kind: "reply",
            authorId: author,
            body: greeting + REPLIES[topic]! + signoff,
            createdAt: resolvedAt,
          });
          last = resolvedAt;
        }
      } else if (done && resolvedAt > respondedAt && rng() < 0.5) {
        messages.push({
          id: newId(),
          ticketId,
          kind: "caller",
          body: pick(rng, CALLER_THANKS),
          createdAt: new Date(
            Math.min(respondedAt.getTime() + 3 * HOUR, (respondedAt.getTime() + resolvedAt.getTime()) / 2),
          ),
          emailFrom: channel === "email" ? person.email : null,
        });
      }
    }
    if (done && author) {
      const statusAt = new Date(Math.max(resolvedAt.getTime(), last.getTime()) + MIN);
      messages.push({
        id: newId(),
        ticketId,
        kind: "system",
        body: `De status is nu: ${STATUS_LABELS.resolved}.`,
        createdAt: statusAt,
      });
      audits.push({
        id: newId(),
        actorId: author,
        action: "ticket.status_changed",
        entityType: "ticket",
        entityId: ticketId,
        ticketId,
        before: JSON.stringify({ status: "open" }),
        after: JSON.stringify({ status: "resolved" }),
        createdAt: statusAt,
      });
      last = statusAt;
      if (status === "closed") {
        messages.push({
          id: newId(),
          ticketId,
          kind: "system",
          body: `De status is nu: ${STATUS_LABELS.closed}.`,
          createdAt: closedAt,
        });
        audits.push({
          id: newId(),
          actorId: author,
          action: "ticket.status_changed",
          entityType: "ticket",
          entityId: ticketId,
          ticketId,
          before: JSON.stringify({ status: "resolved" }),
          after: JSON.stringify({ status: "closed" }),
          createdAt: closedAt,
        });
        last = closedAt;
      }
    }

    const token = deriveFollowUpToken(firstRef);
    tickets.push({
      id: ticketId,
      reference,
      deskId,
      year,
      number: ticketNumber,
      status,
      subject: subjectFrom(question),
      topic,
      sector: ticketSector(about?.sector ?? null),
      callerType,
      requesterId,
      assigneeId,
      firstResponseDueAt: due.firstResponseDueAt,
      resolutionDueAt: due.resolutionDueAt,
      firstRespondedAt: answered && author ? respondedAt : null,
      resolvedAt: done ? resolvedAt : null,
      closedAt: status === "closed" ? closedAt : null,
      slaPausedMs: callerBackAt && past(callerBackAt) ? pausedMs : 0,
      slaPausedAt,
      followUpTokenHash: hashToken(token),
      channel,
      createdAt: created,
      updatedAt: last,
      organisationId: org?.id ?? null,
      schoolId: school?.id ?? null,
    });
    audits.push({
      id: newId(),
      actorId: null,
      action: "ticket.created",
      entityType: "ticket",
      entityId: ticketId,
      ticketId,
      after: JSON.stringify({ reference: firstRef, deskId: firstDesk.id, channel }),
      createdAt: created,
    });
    const mail = ticketConfirmationMail({
      reference: firstRef,
      deskName: firstDesk.name,
      deskArticle: firstDesk.article,
      deskPhone: firstDesk.phone,
      deskHours: firstDesk.hours,
      followUpUrl: followUpUrl(token),
      requesterName: person.name,
      subject: subjectFrom(question),
    });
    mails.push({
      id: newId(),
      to: person.email,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      status: "sent",
      ticketId,
      createdAt: created,
      sentAt: created,
    });
    if (rng() < 0.3 && TOPIC_TAGS[topic]) ticketTags.push({ ticketId, tag: pick(rng, TOPIC_TAGS[topic]!) });

    if (channel === "phone") {
      const ended = phoneAnswered ? respondedAt : new Date(at + (3 + Math.floor(rng() * 9)) * MIN);
      const outcome = phoneAnswered ? "answered" : rng() < 0.4 ? "callback" : "followup";
      const contactId = newId();
      contacts.push({
        id: contactId,
        deskId,
        channel: "phone",
        outcome,
        ticketId,
        agentId: agent?.id ?? null,
        summary: question,
        articleSlugs: "[]",
        startedAt: created,
        endedAt: ended,
        createdAt: created,
      });
      if (outcome === "callback") {
        const dueAt = addBusinessTime(created, dayMs, hours);
        const doneAt =
          rng() < 0.85
            ? addBusinessTime(created, Math.round(dayMs * (0.1 + rng() * 0.8)), hours)
            : addBusinessTime(created, Math.round(dayMs * 1.5), hours);
        callbacks.push({
          id: newId(),
          deskId,
          ticketId,
          contactId,
          assigneeId: agent?.id ?? null,
          dueAt,
          doneAt: past(doneAt) ? doneAt : null,
          result: past(doneAt) ? "Teruggebeld en de vraag beantwoord." : null,
          createdAt: created,
        });
      }
    } else if (channel === "email") {
      inbound.push({
        messageId: `<demo-${ticketId}@${person.email.split("@")[1]}>`,
        fromAddress: person.email,
        outcome: "ticket",
        ticketId,
        deskId: firstDesk.id,
        createdAt: created,
      });
    }
  }

  // Calls that needed no ticket: out of scope (studiefinanciering, a parent for the wrong desk).
  const outOfScope = [
    "Vraag over studiefinanciering; doorverwezen naar DUO.",
    "Ouder met een vraag over de schoolkeuze; doorverwezen naar de school.",
    "Vraag over examens; doorverwezen naar het CvTE.",
  ];
  for (let i = 0; i < 40; i++) {
    const d = 1 + Math.floor(rng() * HISTORY_DAYS);
    const dayStart = day0 - d * DAY;
    const wd = new Date(dayStart).getUTCDay();
    if (wd === 0 || wd === 6) continue;
    const startedAt = new Date(
      dayStart + (9 * 60 + Math.floor(rng() * 230)) * MIN - amsterdamOffset(new Date(dayStart + 12 * HOUR)),
    );
    const deskId: DeskId = rng() < 0.5 ? "po" : "vo-mbo";
    const team = agentsOf(deskId);
    contacts.push({
      id: newId(),
      deskId,
      channel: "phone",
      outcome: "out_of_scope",
      agentId: team.length ? pick(rng, team).id : null,
      summary: pick(rng, outOfScope),
      articleSlugs: "[]",
      startedAt,
      endedAt: new Date(startedAt.getTime() + (2 + Math.floor(rng() * 4)) * MIN),
      createdAt: startedAt,
    });
  }

  // Searches, feedback and question-analysis runs of the same weeks.
  const searches: Prisma.SearchLogCreateManyInput[] = [];
  const runs: Prisma.DeflectionRunCreateManyInput[] = [];
  const feedback: Prisma.ArticleFeedbackCreateManyInput[] = [];
  const slugs = new Set(articles.map((a) => a.slug));
  for (let d = HISTORY_DAYS; d >= 1; d--) {
    const dayStart = day0 - d * DAY;
    const wd = new Date(dayStart).getUTCDay();
    const weekend = wd === 0 || wd === 6;
    const n = weekend ? Math.floor(rng() * 3) : 4 + Math.floor(rng() * 6);
    for (let i = 0; i < n; i++) {
      const createdAt = new Date(dayStart + (7 + rng() * 14) * HOUR);
      if (rng() < 0.2) {
        const q = pick(rng, ZERO_QUERIES);
        searches.push({ id: newId(), query: q, normalized: q, resultCount: 0, source: "portal", createdAt });
      } else {
        const [q, clicked] = pick(rng, QUERIES);
        const slugClicked = clicked && slugs.has(clicked) && rng() < 0.6 ? clicked : null;
        searches.push({
          id: newId(),
          query: q,
          normalized: q,
          resultCount: 1 + Math.floor(rng() * 8),
          clickedSlug: slugClicked,
          source: rng() < 0.85 ? "portal" : "wizard",
          createdAt,
        });
      }
    }
    for (let i = 0, m = weekend ? 1 : 2 + Math.floor(rng() * 4); i < m; i++) {
      const createdAt = new Date(dayStart + (7 + rng() * 14) * HOUR);
      const shown = Math.floor(rng() * 4);
      const outcome =
        shown === 0
          ? "submitted"
          : weighted(rng, [
              ["answered", 4],
              ["submitted", 4],
              ["abandoned", 2],
            ] as const);
      runs.push({
        id: `demo-history-run-${HISTORY_DAYS - d}-${i}`,
        suggestionsShown: shown,
        articlesOpened: shown ? Math.floor(rng() * (shown + 1)) : 0,
        outcome,
        createdAt,
        updatedAt: new Date(createdAt.getTime() + 4 * MIN),
      });
    }
    if (articles.length && rng() < 0.8) {
      const helpful = rng() < 0.72;
      feedback.push({
        id: newId(),
        articleId: pick(rng, articles).id,
        helpful,
        comment: rng() < 0.25 ? pick(rng, FEEDBACK_COMMENTS) : null,
        createdAt: new Date(dayStart + (8 + rng() * 12) * HOUR),
      });
    }
  }

  const tagNames = [...new Set(ticketTags.map((t) => t.tag))].sort();
  const existingTags = await db.tag.findMany({ where: { name: { in: tagNames } }, select: { id: true, name: true } });
  const tagIds = new Map(existingTags.map((t) => [t.name, t.id]));
  const newTags = tagNames.filter((n) => !tagIds.has(n)).map((name) => ({ id: newId(), name, createdAt: now }));
  for (const t of newTags) tagIds.set(t.name, t.id);

  const tables = [
    { table: "Requester", rows: requesters },
    { table: "Ticket", rows: tickets },
    { table: "Message", rows: messages },
    { table: "TicketFormerReference", rows: formers },
    { table: "Tag", rows: newTags },
    { table: "TicketTag", rows: ticketTags.map((t) => ({ ticketId: t.ticketId, tagId: tagIds.get(t.tag)! })) },
    { table: "AuditEvent", rows: audits },
    { table: "MailOutbox", rows: mails },
    { table: "Contact", rows: contacts },
    { table: "Callback", rows: callbacks },
    { table: "InboundMail", rows: inbound },
    { table: "SearchLog", rows: searches },
    { table: "DeflectionRun", rows: runs },
    { table: "ArticleFeedback", rows: feedback },
  ];
  const counterRows = [...next].map(([k, value]) => {
    const [deskId, year] = k.split(":") as [string, string];
    return { deskId, year: Number(year), value };
  });
  if (opts.sqliteUrl) {
    // The embedded default: prepared statements in one transaction (Prisma's createMany costs ms per row here).
    sqliteInsertAll(opts.sqliteUrl, tables, (conn) => {
      const st = conn.prepare(
        'INSERT INTO "TicketCounter" ("deskId", "year", "value") VALUES (?, ?, ?) ON CONFLICT ("deskId", "year") DO UPDATE SET "value" = excluded."value"',
      );
      for (const c of counterRows) st.run(c.deskId, c.year, c.value);
    });
  } else {
    // PostgreSQL (tests): createMany in one transaction, with room for a slow machine.
    await db.$transaction(
      async (tx) => {
        await tx.requester.createMany({ data: requesters });
        await tx.ticket.createMany({ data: tickets });
        await tx.message.createMany({ data: messages });
        await tx.ticketFormerReference.createMany({ data: formers });
        await tx.tag.createMany({ data: newTags });
        await tx.ticketTag.createMany({ data: tables[5]!.rows as Prisma.TicketTagCreateManyInput[] });
        await tx.auditEvent.createMany({ data: audits });
        await tx.mailOutbox.createMany({ data: mails });
        await tx.contact.createMany({ data: contacts });
        await tx.callback.createMany({ data: callbacks });
        await tx.inboundMail.createMany({ data: inbound });
        await tx.searchLog.createMany({ data: searches });
        await tx.deflectionRun.createMany({ data: runs });
        await tx.articleFeedback.createMany({ data: feedback });
        for (const c of counterRows)
          await tx.ticketCounter.upsert({
            where: { deskId_year: { deskId: c.deskId, year: c.year } },
            create: c,
            update: { value: c.value },
          });
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
  }
  return {
    tickets: tickets.length,
    searches: searches.length,
    feedback: feedback.length,
    runs: runs.length,
    contacts: contacts.length,
  };
}
