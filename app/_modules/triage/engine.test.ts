import fs from "node:fs";
import { describe, expect, it, vi } from "vitest";
import {
  CLARIFY_ROLE,
  CLARIFY_SECTOR,
  CLARIFY_WHO,
  PROTOCOL_HINT_ORDER,
  canonicalText,
  triage,
  type Desk,
} from "./engine";
import { CALLER_TYPES, triageInputSchema, type CallerType, type Sector } from "./schema";

import { BENCH_DIR, hasBenchFile } from "@/tests/helpers/bench";
const BENCH = `${BENCH_DIR}/triage.dev.jsonl`;
type BenchCase = { input: { callerType: CallerType; question: string; sector?: Sector }; expect: { desk: Desk } };
const bench: BenchCase[] = hasBenchFile("triage.dev.jsonl", "triage dev set (triage/engine.test.ts)")
  ? fs
      .readFileSync(BENCH, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l))
  : [];

const run = (callerType: CallerType, question: string, sector?: Sector) =>
  triage(triageInputSchema.parse({ callerType, question, sector }));

describe.runIf(bench.length > 0)("dev set (bench/triage.dev.jsonl)", () => {
  it.each(bench.map((c) => [c.input.question, c] as const))("%s", (_q, c) => {
    expect(run(c.input.callerType, c.input.question, c.input.sector).desk).toBe(c.expect.desk);
  });
});

// [callerType, question, expected desk, sector?]
const DESK_CASES: [CallerType, string, Desk, Sector?][] = [
  // The caller type alone decides, whatever the text says
  ["po-school", "Een kleuter is al een week niet op school geweest, wat moeten we doen?", "po"],
  ["po-school", "Wij krijgen een leerling die eerder op de havo zat", "po"],
  ["vo-school", "Hoe trek ik een verzuimmelding in die per ongeluk is verstuurd?", "vo-mbo"],
  ["vo-school", "Onze brugklasser komt steeds te laat", "vo-mbo"],
  ["mbo-institution", "Een BBL-student werkt niet meer bij zijn leerbedrijf, moet ik dat melden?", "vo-mbo"],
  ["mbo-institution", "Een student kwam van een basisschool in het buitenland", "vo-mbo"],
  ["municipality", "Welke scholen in onze regio hebben verzuim gemeld van leerlingen uit groep 8?", "vo-mbo"],
  ["municipality", "Ik mis de maandlijst absoluut verzuim", "vo-mbo"],
  ["software-vendor", "Ons certificaat verloopt volgende maand, hoe vraag ik een nieuw aan?", "vo-mbo"],
  ["software-vendor", "Wij leveren een LAS aan basisscholen en de webservice geeft een time-out", "vo-mbo"],
  ["parent-or-student", "Ik zit in havo 4 en heb drie keer gespijbeld, krijg ik nu een boete?", "out-of-scope"],
  ["parent-or-student", "Mag mijn dochter een week eerder op wintersport?", "out-of-scope"],
  ["parent-or-student", "Ik ben leerkracht in groep 3", "out-of-scope"],
  ["po-school", "???", "po"],

  // School boards: the sector named in the text, or the chosen sector
  ["school-board", "Bij twee van onze scholen voor primair onderwijs werkt het verzuimloket niet", "po"],
  ["school-board", "Een leerling in de brugklas van een van onze scholen verzuimt veel", "vo-mbo"],
  ["school-board", "Wij hebben vragen over verzuim op onze scholengemeenschap", "vo-mbo"],
  ["school-board", "Onze kleuterjuffen weten niet hoe ze ziekteverzuim registreren", "po"],
  ["school-board", "Wij hebben een vraag van onze vmbo-locatie over ziekmeldingen", "vo-mbo"],
  ["school-board", "Op een van onze basis scholen werkt het melden niet", "po"],
  ["school-board", "Hoe zien wij welke meldingen onze scholen hebben gedaan?", "unknown"],
  ["school-board", "Welke helpdesk moeten wij bellen?", "unknown"],
  ["school-board", "Een leerling uit groep 8 stroomt door naar de havo, wie meldt het verzuim?", "unknown"],
  ["school-board", "Onze roc-locaties melden verzuim via Eduarte", "vo-mbo"],
  ["school-board", "De leerplichtambtenaar van de gemeente vraagt ons om een overzicht", "unknown"],
  ["school-board", "Een vraag over de havo-afdeling", "po", "po"],
  ["school-board", "Een vraag over verzuim", "vo-mbo", "mbo"],

  // Other: roles and school types in the free text
  ["other", "Ik ben intern-begeleider en een leerling van groep7 zit al weken thuis", "po"],
  ["other", "Als IB'er wil ik weten hoe lang we verzuimgegevens moeten bewaren", "po"],
  ["other", "Ik ben juf van groep drie", "po"],
  ["other", "Ik ben meester op een sbo-school", "po"],
  ["other", "De directeur van onze basisschool vraagt hoe het verzuimloket werkt", "po"],
  ["other", "Ik werk op een basisshcool in Groningen", "po"],
  ["other", "ik ben leerkracht groep acht vraag over verlof", "po"],
  ["other", "De leerplichtambtenaar vraagt of wij de leerling uit groep 7 hebben gemeld", "po"],
  ["other", "Ik werk samen met de leerplichtambtenaar op een basisschool", "po"],
  ["other", "Ik werk als leerplicht ambtenaar en wil een overzicht van thuiszitters", "vo-mbo"],
  ["other", "Ik ben leerplichtambtenar bij de gemeente", "vo-mbo"],
  ["other", "Ik ben trajectbegeleider RMC en zoek jongeren zonder startkwalificatie", "vo-mbo"],
  ["other", "Namens de gemeente: hoe verwerken wij een melding van een basisschool?", "vo-mbo"],
  ["other", "Hoe vraag ik als gemeente de lijst met absoluut verzuimers op?", "vo-mbo"],
  ["other", "Wij zijn softwareleverancier van een leerlingvolgsysteem", "vo-mbo"],
  ["other", "Onze klanten krijgen een foutmelding bij het aanleveren van verzuim", "vo-mbo"],
  ["other", "Ik ben werkzaam bij Somtoday en heb een vraag over de API", "vo-mbo"],
  ["other", "Hoe werkt Magister samen met het verzuimloket?", "vo-mbo"],
  ["other", "Ik ben mentor van havo-4 en een leerling spijbelt", "vo-mbo"],
  ["other", "Vraag van de decaan: moet een leerling uit 3 vwo die stopt worden uitgeschreven?", "vo-mbo"],
  ["other", "Ik ben docent op een mbo-instelling, niveau 2", "vo-mbo"],
  ["other", "Ik werk bij een ROC en een entree-student komt niet meer", "vo-mbo"],
  ["other", "Een leerling in klas 2 is vaak ziek", "vo-mbo"],
  ["other", "onze brugklassers spijbellen vaak", "vo-mbo"],
  ["other", "Onze leerlingen in de bovenbouw van het atheneum", "vo-mbo"],
  ["other", "Ik werk bij de leerlingadministratie van een middelbare school", "vo-mbo"],
  ["other", "Een leerling uit de 2e klas van het vmbo", "vo-mbo"],
  ["other", "Hoe meld ik dit?", "vo-mbo", "vo"],
  ["other", "Ik ben leerplichtambtenaar", "vo-mbo", "po"],

  // Other: parents and pupils
  ["other", "Ik ben moeder en mijn kind zit in groep 4", "out-of-scope"],
  ["other", "Mijn zoontje van 7 is vaak ziek, moet de school dat melden?", "out-of-scope"],
  ["other", "Ik ben een leerling uit 4 havo en wil weten hoeveel uur ik mag missen", "out-of-scope"],
  ["other", "Wij zijn de ouders van een brugklasser", "out-of-scope"],
  ["other", "Als ouder wil ik weten of de school mijn kind heeft gemeld", "out-of-scope"],
  ["other", "Ik ben moeder van een leerling", "out-of-scope", "po"],

  // Other: not enough or conflicting information
  ["other", "Vraag over het verzuimregister", "unknown"],
  ["other", "Ik heb een vraag over verlof", "unknown"],
  ["other", "In mijn klas zit een leerling die vaak te laat is", "unknown"],
  ["other", "Ik werk bij de leerlingenadministratie", "unknown"],
  ["other", "Een leerling van de basisschool gaat naar het vmbo", "unknown"],
  ["other", "Ik ben leerkracht en vader van een leerling in groep 6", "unknown"],
  ["other", "Als de ouders niet reageren, wat moet de school dan doen?", "unknown"],
  ["other", "Ik ben ouderconsulent", "unknown"],
  ["other", "De meesten van onze collega's weten het niet", "unknown"],
  ["other", "Ik werk samen met de gemeente", "unknown"],
  ["school-board", "Ons bestuur heeft zowel po- als vo-scholen", "unknown"],
  ["other", "Wij zijn een school voor middelbaar beroepsonderwijs", "vo-mbo"],
  ["other", "Ik ben ib er op een bassischool", "po"],
  ["other", "IK BEN LEERKRACHT VAN GROEP 8", "po"],
];

describe("desk", () => {
  it.each(DESK_CASES)("%s: %s → %s", (callerType, question, desk, sector) => {
    expect(run(callerType, question, sector).desk).toBe(desk);
  });

  it("is never unknown when the caller type alone decides", () => {
    for (const callerType of CALLER_TYPES.filter((c) => c !== "school-board" && c !== "other")) {
      for (const q of ["???", "Een leerling uit groep 8 gaat naar de havo", "Hallo"]) {
        const r = run(callerType, q);
        expect(r.desk).not.toBe("unknown");
        expect(r.clarify).toBeUndefined();
      }
    }
  });
});

describe("clarifying question", () => {
  it.each([
    ["school-board", "Hoe zien wij welke meldingen onze scholen hebben gedaan?", CLARIFY_SECTOR],
    ["school-board", "Groep 8 en de havo, wie helpt ons?", CLARIFY_SECTOR],
    ["other", "Een leerling van de basisschool gaat naar het vmbo", CLARIFY_SECTOR],
    ["other", "Vraag over het verzuimregister", CLARIFY_WHO],
    ["other", "Ik ben leerkracht en vader van een leerling in groep 6", CLARIFY_ROLE],
  ] as const)("%s: %s", (callerType, question, clarify) => {
    const r = run(callerType, question);
    expect(r.desk).toBe("unknown");
    expect(r.clarify).toBe(clarify);
    expect(r.clarify!.trim().endsWith("?")).toBe(true);
    expect(r.clarify!.match(/\?/g)).toHaveLength(1);
  });

  it("is absent when the desk is known", () => {
    expect(run("other", "Ik ben juf in groep 2").clarify).toBeUndefined();
  });
});

describe("reasons", () => {
  it("explain the caller type in plain words", () => {
    expect(run("po-school", "Hoe meld ik verzuim?").reasons).toEqual([
      "U werkt op een basisschool (po). Daarom helpt de Helpdesk BRON PO u.",
    ]);
    expect(run("municipality", "Hoe meld ik verzuim?").reasons[0]).toContain("gemeente");
  });

  it("quote the words that decided", () => {
    const r = run("other", "Ik ben leerkracht in groep 5");
    expect(r.reasons[0]).toContain('"groep 5"');
    expect(r.reasons[0]).toContain("Helpdesk BRON PO");
  });

  it("send parents to the school or the leerplichtambtenaar", () => {
    const r = run("other", "Mijn dochter is vaak ziek");
    expect(r.desk).toBe("out-of-scope");
    expect(r.reasons.join(" ")).toMatch(/school/);
    expect(r.reasons.join(" ")).toMatch(/leerplichtambtenaar/);
  });

  it("name the chosen sector", () => {
    expect(run("school-board", "Hallo", "mbo").reasons[0]).toContain("mbo");
  });

  it("name both sides of a conflict", () => {
    const r = run("other", "Een leerling van de basisschool gaat naar het vmbo");
    expect(r.reasons[0]).toContain('"basisschool"');
    expect(r.reasons[0]).toContain('"vmbo"');
  });
});

// [callerType, question, topic]
const TOPIC_CASES: [CallerType, string, string][] = [
  ["vo-school", "Een leerling is voor de tiende keer te laat gekomen", "te-laat-en-spijbelen"],
  ["po-school", "Mag een leerling vrij voor de bruiloft van haar tante?", "verlof"],
  ["vo-school", "Hoe vraag ik vakantieverlof aan voor een leerling wiens ouders in de horeca werken?", "verlof"],
  ["mbo-institution", "Wat is het verschil tussen relatief en absoluut verzuim?", "soorten-verzuim"],
  ["municipality", "Welke kinderen hebben een vrijstelling van de leerplicht?", "vrijstellingen"],
  ["po-school", "Tot welke leeftijd is een kind leerplichtig?", "leerplicht"],
  ["vo-school", "Een leerling staat niet in het register, hoe schrijf ik hem in?", "inschrijving"],
  ["software-vendor", "Welke velden moeten we aanleveren in het XML-bericht?", "koppeling-techniek"],
  ["vo-school", "Mag ik het BSN van een leerling in de mail zetten?", "persoonsgebonden-nummer"],
  ["po-school", "Wat is het telefoonnummer van de helpdesk?", "contact"],
  ["municipality", "Hoe vind ik jongeren van 19 zonder startkwalificatie, de voortijdig schoolverlaters?", "rmc-vsv"],
  ["vo-school", "Hoe lang mogen we verzuimgegevens bewaren volgens de AVG?", "privacy"],
  ["mbo-institution", "Een student zit al zes weken thuis", "thuiszitters"],
  ["po-school", "Een leerling is dit schooljaar al 40 uur ziek geweest", "ziekteverzuim"],
  ["vo-school", "Zijn er vacatures voor mensen uit het onderwijs?", "onderwijs-en-arbeidsmarkt"],
  ["vo-school", "Vraag over ziekmeldngen", "ziekteverzuim"],
  ["municipality", "Waar download ik de verzuimrapportage van deze maand?", "rapportages"],
  ["vo-school", "Een leerling heeft 18 uur gespijbeld in twee weken", "verzuim-melden"],
  ["software-vendor", "Hallo, wij hebben een vraag", "koppeling-techniek"],
  ["po-school", "Hallo", "contact"],
];

describe("topic", () => {
  it.each(TOPIC_CASES)("%s: %s → %s", (callerType, question, topic) => {
    expect(run(callerType, question).topic).toBe(topic);
  });
});

// [question, protocol hints]
const HINT_CASES: [string, string[]][] = [
  ["Een leerling heeft zestien uur ongeoorloofd gemist", ["unexcused-16h-4w"]],
  ["Leerling is vijf keer gaan spijbelen", ["unexcused-16h-4w", "truancy-5"]],
  ["Hij heeft nu voor de zevende keer gespijbeld", ["unexcused-16h-4w", "truancy-7"]],
  ["Ze heeft 3x gespijbeld deze periode", ["unexcused-16h-4w", "truancy-3"]],
  ["Hij is 6 keer te laat gekomen", ["late-6"]],
  ["Al negen keer te laat dit schooljaar", ["late-9"]],
  ["Voor de twaalfde keer telaat", ["late-10"]],
  ["Twee keer te laat, moet ik al iets doen?", []],
  ["Wat doen we bij te laat komen?", ["late-3"]],
  ["De melding is te laat gedaan, is dat erg?", []],
  ["Een leerling heeft 65 uur ziekteverzuim", ["sick-60h"]],
  ["Al 95 uur ziek gemeld dit jaar", ["sick-90h"]],
  ["Ze is vaak ziek", ["sick-30h"]],
  ["Een leerling zit al twee maanden thuis", ["lrv-over-4w", "unexcused-4w-continuous"]],
  ["Leerling komt al vijf weken niet naar school", ["unexcused-16h-4w", "lrv-over-4w", "unexcused-4w-continuous"]],
  ["Een thuiszitter in groep 5", ["lrv-over-4w", "unexcused-4w-continuous"]],
  ["Ouders willen een week eerder op vakantie, voor de zomervakantie begint", ["leave-vakantie", "leave-luxe"]],
  ["Verlof aanvragen voor 12 dagen vanwege een begrafenis in het buitenland", ["leave-gewichtig-over-10"]],
  ["Mag een leerling vrij voor de bruiloft van zijn broer?", ["leave-gewichtig-10"]],
  ["Hoe vraag ik verlof aan?", ["leave-vakantie", "leave-gewichtig-10"]],
  ["Vakantieverlof vanwege het beroep van de ouders", ["leave-vakantie"]],
  ["Tellen vakantieweken mee voor de telling?", []],
  ["Opa is ernstig ziek, mag de leerling een paar dagen vrij nemen?", ["leave-gewichtig-10"]],
  ["Onze koppeling: de melding komt niet aan bij DUO", []],
  ["Een leerling is 3 dagen ongeoorloofd afwezig geweest en heeft ook twee keer gespijbeld", ["unexcused-16h-4w"]],
  ["Leerling is 4 keer te laat gekomen en heeft 35 uur ziekte", ["late-3", "sick-30h"]],
  ["Hoe download ik de verzuimrapportage?", []],
  ["Het certificaat van onze koppeling is verlopen", []],
  ["Een leerling heeft in vier weken tijd 17 lesuren gemist zonder geldige reden", ["unexcused-16h-4w"]],
  ["Een leerling verzuimt al een maand", ["unexcused-16h-4w", "lrv-over-4w", "unexcused-4w-continuous"]],
  ["Een gezin vertrekt twee dagen voor de herfstvakantie al naar Turkije", ["leave-vakantie", "leave-luxe"]],
  ["Mag een leerling vrij voor een religieuze feestdag?", ["leave-gewichtig-10"]],
  ["Een leerling komt om 8 uur nooit op tijd", ["late-3"]],
  ["Mag hij vrijdag later beginnen?", []],
];

describe("protocol hints", () => {
  it.each(HINT_CASES)("%s → %j", (question, hints) => {
    expect(run("vo-school", question).protocolHints).toEqual(hints);
  });

  it("only uses rule ids from the absence protocol, in its order", () => {
    for (const [q] of HINT_CASES) {
      const hints = run("vo-school", q).protocolHints;
      expect(hints.every((h) => PROTOCOL_HINT_ORDER.includes(h))).toBe(true);
      expect([...hints].sort((a, b) => PROTOCOL_HINT_ORDER.indexOf(a) - PROTOCOL_HINT_ORDER.indexOf(b))).toEqual(hints);
    }
  });
});

describe("suggestions", () => {
  const input = triageInputSchema.parse({
    callerType: "po-school",
    question: "Verlof voor leerling 123456782 aanvragen",
  });

  it("are empty without a search engine", () => {
    expect(triage(input).suggestions).toEqual([]);
  });

  it("ask the search engine with the sector, without long numbers, and keep at most five unique ones", () => {
    const suggest = vi.fn(() =>
      ["a", "b", "a", "c", "d", "e", "f"].map((s) => ({ slug: s, title: `Artikel ${s}`, score: 1 })),
    );
    const r = triage(input, { suggest });
    expect(suggest).toHaveBeenCalledWith("Verlof voor leerling aanvragen", { sector: "po", limit: 5 });
    expect(r.suggestions.map((s) => s.slug)).toEqual(["a", "b", "c", "d", "e"]);
    expect(r.suggestions[0]).toEqual({ slug: "a", title: "Artikel a" });
  });

  it("derive the sector from the text for other callers", () => {
    const suggest = vi.fn(() => []);
    triage(triageInputSchema.parse({ callerType: "other", question: "Ik werk bij een roc" }), { suggest });
    expect(suggest).toHaveBeenCalledWith("Ik werk bij een roc", { sector: "mbo", limit: 5 });
  });

  it("do not break triage when the search engine fails", () => {
    const r = triage(input, {
      suggest: () => {
        throw new Error("search down");
      },
    });
    expect(r.desk).toBe("po");
    expect(r.suggestions).toEqual([]);
  });
});

describe("input schema", () => {
  it("trims the question and drops an empty sector", () => {
    expect(triageInputSchema.parse({ callerType: "other", sector: "", question: "  Hallo daar  " })).toEqual({
      callerType: "other",
      question: "Hallo daar",
    });
  });

  it.each([
    [{ question: "Een vraag" }, "callerType", "Kies wie u bent."],
    [{ callerType: "teacher", question: "Een vraag" }, "callerType", "Kies een van de keuzes bij 'Wie bent u?'."],
    [
      { callerType: "other", sector: "hbo", question: "Een vraag" },
      "sector",
      "Kies po, vo of mbo, of laat de sector leeg.",
    ],
    [{ callerType: "other" }, "question", "Vul uw vraag in."],
    [{ callerType: "other", question: 42 }, "question", "Uw vraag moet tekst zijn."],
    [{ callerType: "other", question: "  a  " }, "question", "Uw vraag is te kort. Schrijf minstens 3 tekens."],
    [
      { callerType: "other", question: "x".repeat(5001) },
      "question",
      "Uw vraag is te lang. Schrijf hoogstens 5000 tekens.",
    ],
  ])("rejects %j with a Dutch message on %s", (body, path, message) => {
    const r = triageInputSchema.safeParse(body);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => [i.path.join("."), i.message])).toContainEqual([path, message]);
  });

  it("accepts exactly 5000 characters", () => {
    expect(triageInputSchema.safeParse({ callerType: "other", question: "x".repeat(5000) }).success).toBe(true);
  });
});

describe("normalisation", () => {
  it.each([
    ["basis school", "basisschool"],
    ["Basisscholen", "basisschool"],
    ["leerplicht ambtenaar", "leerplichtambtenaar"],
    ["leerplicht-ambtenaren", "leerplichtambtenaar"],
    ["intern-begeleider", "internbegeleider"],
    ["IB'er", "iber"],
    ["groep7", "groep 7"],
    ["havo-4", "havo 4"],
    ["3vwo", "3 vwo"],
    ["mbo-instelling", "mbo instelling"],
    ["zestien uur", "16 uur"],
    ["vierentwintig keer", "24 keer"],
    ["voor de zesde keer", "voor de 6e keer"],
    ["de 3e keer", "de 3e keer"],
    ["basisshcool", "basisschool"],
    ["leerplichtambtenar", "leerplichtambtenaar"],
    ["brugklasleerling", "brugklasleerling"],
    ["kleuterjuf", "kleuterjuf"],
    ["telaat", "te laat"],
    ["12 bs'en", "12 bs"],
    ["coördinator", "coordinator"],
    ["verlopen", "verlopen"],
    ["de meesten", "de meesten"],
    ["leerkracht en vader", "leerkracht en vader"],
    ["vader in de bouw werkt en", "vader in de bouw werkt en"],
  ])("%s → %s", (input, canon) => {
    expect(canonicalText(input)).toBe(canon);
  });
});

describe("robustness", () => {
  it("handles long text quickly", () => {
    const q = "Een leerling uit groep 7 heeft gespijbeld en is ziek geweest. ".repeat(80).slice(0, 5000);
    const t0 = performance.now();
    const r = run("other", q);
    expect(performance.now() - t0).toBeLessThan(500);
    expect(r.desk).toBe("po");
  });

  it("handles text without letters", () => {
    expect(run("other", "123 456 !!!").desk).toBe("unknown");
  });
});

// Who is asking vs. who the question is about (perspective.ts).
const PERSPECTIVE_CASES: [CallerType, string, Desk][] = [
  // A pupil or student writing about their own attendance, without naming themselves as such
  ["other", "Ik heb 3 keer gespijbeld, wat gebeurt er nu?", "out-of-scope"],
  ["other", "Ik ben 16 en wil stoppen met school, mag dat?", "out-of-scope"],
  ["other", "Mijn school zegt dat ik leerplichtig ben tot mijn 18e", "out-of-scope"],
  ["other", "Ik ben vaak ziek en mijn school wil me melden bij de GGD", "out-of-scope"],
  ["other", "Word ik gemeld als ik te laat kom?", "out-of-scope"],
  ["other", "Ik heb les gemist door een begrafenis, telt dat als verzuim?", "out-of-scope"],
  ["other", "Ik studeer aan het roc en heb veel lessen gemist", "out-of-scope"],
  ["other", "Ik ben student op het mbo en mijn stage begint te vroeg", "out-of-scope"],
  ["other", "Ik wil mijn verzuim inzien", "out-of-scope"],
  ["other", "Ik ben afgelopen week 2 dagen weggebleven", "out-of-scope"],
  // … and staff writing in the first person stay staff
  ["other", "Ik ben te laat met melden, is dat erg?", "unknown"],
  ["other", "Ik heb 20 uur verzuim gemeld maar zie het niet terug", "unknown"],
  ["other", "Mag ik als leerkracht een dag vrij geven?", "po"],
  ["other", "Ik ben docent en mis veel leerlingen in mijn les", "vo-mbo"],
  ["other", "Ik ben studieloopbaanbegeleider op het roc en mijn student komt niet", "vo-mbo"],
  ["other", "Ik ben leerplichtambtenaar. Ik heb gemist dat er een melding was.", "vo-mbo"],
  ["other", "Ik werk op een basisschool en ben vaak ziek", "unknown"],
  // A pupil or parent who picked their school as "who are you"
  ["vo-school", "Ik ben leerling in 4 havo en heb een vraag over mijn verzuim", "out-of-scope"],
  ["mbo-institution", "Ik ben student en wil weten hoeveel uur ik mag missen", "out-of-scope"],
  ["po-school", "Ik ben moeder van een leerling in groep 3, mag mijn dochter vrij voor een bruiloft?", "out-of-scope"],
  ["po-school", "Een moeder belt: mag haar dochter vrij voor een bruiloft?", "po"],
  ["vo-school", "Een leerling zegt: ik heb niet gespijbeld, klopt de melding?", "vo-mbo"],
  ["po-school", "Ik ben zelf ziek geweest, wie heeft de meldingen gedaan?", "po"],
  ["vo-school", "Ik was afwezig toen de melding werd gedaan, hoe kan ik die terugzien?", "vo-mbo"],
  ["mbo-institution", "Ik ben te laat met het doorgeven van de uitschrijving, krijg ik een boete?", "vo-mbo"],
  ["mbo-institution", "Ik ben studentbegeleider en een student van mij heeft 20 uur gemist", "vo-mbo"],
  // A board that lists its schools and then names the one concerned
  [
    "school-board",
    "Wij hebben zowel basisscholen als een middelbare school. Op de middelbare school wordt verzuim niet goed gemeld.",
    "vo-mbo",
  ],
  [
    "school-board",
    "Wij besturen basisscholen, een vmbo en een havo/vwo. Eén van de basisscholen kan niet inloggen op het verzuimloket.",
    "po",
  ],
  [
    "school-board",
    "We hebben basisscholen en middelbare scholen. Hoe zit het met verlof bij de middelbare scholen?",
    "vo-mbo",
  ],
  ["school-board", "Als bestuur van 8 basisscholen en 1 vo-school: een leerling in groep 8 spijbelt", "po"],
  [
    "school-board",
    "Bij ons bestuur horen basisscholen en een scholengemeenschap. De scholengemeenschap heeft een vraag over thuiszitters.",
    "vo-mbo",
  ],
  ["school-board", "Ons bestuur heeft basisscholen en een vso. Bij het vso worden meldingen geweigerd.", "vo-mbo"],
  // … and stays undecided when it names no school after the list
  ["school-board", "Onze basisscholen en onze vo-school melden allebei verzuim, wie helpt ons?", "unknown"],
  ["school-board", "Ons bestuur heeft basisonderwijs en voortgezet onderwijs. Hoe melden wij verzuim?", "unknown"],
  ["school-board", "Wij hebben een leerling in groep 8 en een broer op de havo", "unknown"],
  ["school-board", "Onze stichting heeft 10 basisscholen. Hoe melden we verzuim?", "po"],
  ["school-board", "Wij hebben 6 bs'en en een havo. Bij een van de bs'en komt een kleuter niet meer.", "po"],
  [
    "school-board",
    "Ons bestuur heeft 5 basisscholen en 1 school voor speciaal onderwijs (vso). De vso-school meldt verzuim via Magister.",
    "vo-mbo",
  ],
  // School types in one coordination share the possessive: both are the caller's
  ["school-board", "Onze scholen (po en vo) melden verzuim, hoe krijgen wij als bestuur inzicht?", "unknown"],
  // A school type describing the pupil, not the caller
  ["other", "Ik ben een bbl student en mijn werkgever zegt dat ik te vaak afwezig ben", "out-of-scope"],
  ["other", "Ik ben havo leerling en heb een vraag over mijn verzuim", "out-of-scope"],
  // Working at a po software product makes the caller its vendor
  ["other", "Ik werk voor Parnassys en onze koppeling werkt niet", "vo-mbo"],
  ["other", "Wij werken met ParnasSys op onze basisschool", "po"],
];

describe("who is asking vs. who the question is about", () => {
  it.each(PERSPECTIVE_CASES)("%s: %s → %s", (callerType, question, desk) => {
    expect(run(callerType, question).desk).toBe(desk);
  });

  it("tells a pupil who picked a school where to go instead", () => {
    const r = run("vo-school", "Ik zit in 3 havo en heb 20 uur gemist, word ik nu gemeld?");
    expect(r.desk).toBe("out-of-scope");
    expect(r.reasons[0]).toContain('"Ik zit in 3 havo"');
    expect(r.reasons.join(" ")).toMatch(/leerplichtambtenaar van uw gemeente/);
    expect(r.clarify).toBeUndefined();
  });

  it("quotes the school concerned, not the board's list", () => {
    const r = run(
      "school-board",
      "Onder ons bestuur vallen twaalf basisscholen en twee vo-scholen. Op de havo-locatie lukt het melden niet.",
    );
    expect(r.desk).toBe("vo-mbo");
    expect(r.reasons[0]).toContain('"havo"');
    expect(r.reasons[0]).not.toContain("basisscholen");
  });
});
