// The texts of the demo history (demo-history.ts): questions per topic, replies, notes, names, search queries.
// {school} is the school the question is about (or the caller's own school).
import type { DeskId } from "@/app/_core/session";
import type { CallerType } from "@/app/_modules/triage/schema";

export const QUESTIONS: Record<string, string[]> = {
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

export const REPLIES: Record<string, string> = {
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

export const ASK_MORE =
  "Om u goed te helpen hebben wij meer informatie nodig. Kunt u ons de datum en het kenmerk van de melding sturen? Stuur geen BSN mee.";
export const CALLER_MORE = [
  "Het kenmerk staat in de bijlage van de bevestiging. De melding is van vorige week dinsdag.",
  "Dank u. De datum was de 3e van deze maand, het kenmerk is VM-4481.",
  "Ik heb het nagevraagd bij onze administratie: de melding is via het LAS verstuurd.",
];
export const CALLER_THANKS = [
  "Dank u wel, dit is duidelijk.",
  "Bedankt, het is gelukt.",
  "Fijn, dan weten wij wat we moeten doen.",
];
export const NOTES = [
  "Nagevraagd bij beheer, antwoord volgt.",
  "Zelfde vraag als vorige week van deze school; zie eerdere vraag.",
  "Bellen na 10.00 uur, de contactpersoon werkt niet op woensdag.",
  "Leverancier heeft de fout bevestigd.",
  "Controleren in het register voordat we antwoorden.",
];
export const TRANSFER_REASONS: Record<DeskId, string> = {
  po: "Uw vraag gaat over een basisschool. Daarom helpt de Helpdesk BRON PO u verder.",
  "vo-mbo": "Uw vraag gaat over een school voor vo of mbo. Daarom helpt het Informatiepunt Onderwijs u verder.",
};
export const TOPIC_TAGS: Record<string, string[]> = {
  "koppeling-techniek": ["storing", "certificaat"],
  inschrijving: ["register"],
  "rmc-vsv": ["rmc"],
  "verzuim-melden": ["las"],
  "persoonsgebonden-nummer": ["register"],
  contact: ["terugbellen"],
};

export const TOPICS_BY_CALLER: Record<CallerType, (readonly [string, number])[]> = {
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

export const FIRST = [
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
export const LAST = [
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
export const ZERO_QUERIES = [
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
export const QUERIES: [string, string | null][] = [
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
export const FEEDBACK_COMMENTS = [
  "Duidelijk uitgelegd, dank.",
  "Ik mis een voorbeeld voor het mbo.",
  "Wat als de ouders het niet eens zijn?",
  "Graag een link naar het formulier.",
];

/** Calls that needed no ticket: out of scope (studiefinanciering, a parent for the wrong desk). */
export const OUT_OF_SCOPE = [
  "Vraag over studiefinanciering; doorverwezen naar DUO.",
  "Ouder met een vraag over de schoolkeuze; doorverwezen naar de school.",
  "Vraag over examens; doorverwezen naar het CvTE.",
];
