// Word lists for the triage engine's topic, protocol hints and perspective (who the question is about), in the
// token-pattern language of ./text.ts, on canonical tokens like the desk signals in ./lexicon.ts.

/** Topic keywords: [pattern, weight]. Ids match content/taxonomy.yaml. */
export const TOPIC_SIGNALS: Record<string, [string, number][]> = {
  "verzuim-melden": [
    ["melden|meld|melding*|gemeld|meldplicht|vervolgmelding*|verzuimmelding*", 2],
    ["verzuimloket|verzuimregister", 2],
    ["16 uur|uren", 3],
    ["intrekken|ingetrokken|trek", 2],
    ["verzuim*", 1],
  ],
  "soorten-verzuim": [
    ["soort*|soorten ~2 verzuim*", 3],
    ["relatief|relatieve|overig|overige verzuim", 3],
    ["absoluut|absolute|luxe|geoorloofd|ongeoorloofd verzuim|verzuimers", 1],
    ["geoorloofd|geoorloofde", 2],
    ["verschil ~3 verzuim*", 2],
  ],
  "te-laat-en-spijbelen": [
    ["te laat", 3],
    ["laatkom*|spijbel*|gespijbeld|gespijbel*", 3],
    ["nakomen|nablijven|strafuur|strafwerk", 2],
    ["niet|nooit|zelden op tijd", 3],
  ],
  ziekteverzuim: [
    ["ziek|zieke|zieken|ziekte*|ziekmeld*|ziekgemeld*|ziekteverzuim", 3],
    ["ggd|jeugdarts|mazl|jeugdgezondheidszorg", 3],
    ["betermelding|hersteld|huisarts|dokter", 1],
  ],
  verlof: [
    ["verlof*|vakantieverlof", 3],
    ["vrij vragen|krijgen|nemen|geven", 2],
    ["vrij voor|om", 2],
    ["mag|mogen|kan|kunnen ~3 vrij", 2],
    ["vrijaf|vrije dag*", 2],
    ["gewichtig* omstandigheden?", 3],
    ["bruiloft*|huwelijk*|trouwen|begrafenis*|uitvaart*|jubileum", 2],
    ["op vakantie", 2],
    ["wintersport", 2],
    ["luxe verzuim", 2],
    ["luxeverzuim", 2],
    ["vakantie*", 1],
  ],
  leerplicht: [
    ["leerplicht|leerplichtig*|leerplichtwet|kwalificatieplicht*|kwalificatieplichtig*", 3],
    ["leerplichtambtenaar", 1],
    ["hoe oud", 2],
    ["welke leeftijd", 2],
    ["tot|vanaf wanneer", 2],
  ],
  thuiszitters: [
    ["thuiszit*|thuiszitter", 3],
    ["zit|zitten|zat ~4 thuis", 3],
    ["thuis zit*", 3],
    ["langdurig*", 2],
    ["samenwerkingsverband|thuiszittersteam", 2],
    ["passend onderwijs", 2],
  ],
  inschrijving: [
    ["inschrij*|ingeschreven|uitschrij*|uitgeschreven|inschrijving*", 3],
    ["register onderwijsdeelnemers", 1],
    ["rod|bron", 1],
    ["overstap*", 2],
    ["andere|nieuwe school", 2],
    ["wisselen ~2 school", 2],
    ["verhuis*|verhuizing|verhuisd|aanmelden|aangemeld", 1],
    ["staat ~3 niet in", 2],
  ],
  "persoonsgebonden-nummer": [
    ["bsn|pgn|onderwijsnummer*", 3],
    ["persoonsgebonden nummer", 3],
  ],
  "koppeling-techniek": [
    ["koppeling*|certificaat*|certificaten|webservice*|api|digikoppeling|wsdl", 3],
    ["foutmelding|foutcode*|error|storing|xml|soap|endpoint*|pki*|testomgeving", 2],
    ["software*|pakket|systeem|leverancier*|softwareleverancier*", 1],
  ],
  rapportages: [
    ["rapportage*|verzuimrapportage*|dashboard|signaallijst*", 3],
    ["overzicht*|download*|downloaden|export*|bestand*|lijst|lijsten|aantallen|cijfers", 2],
  ],
  vrijstellingen: [["vrijstelling*|vrijgesteld*", 3]],
  "rmc-vsv": [
    ["rmc|vsv|schoolverlater*|vsver*", 3],
    ["voortijdig*", 2],
    ["startkwalificatie|uitval|uitgevallen", 2],
    ["zonder diploma", 2],
  ],
  privacy: [
    ["privacy|avg|persoonsgegevens|bewaartermijn|gegevensbescherming", 3],
    ["gegevens ~2 delen|doorgeven|bewaren", 2],
    ["mag ~3 gegevens", 2],
  ],
  contact: [
    ["helpdesk|informatiepunt|ipo", 2],
    ["bellen|bel|telefoon*|telefonisch|bereikbaar|openingstijden|contact*|mailen", 2],
    ["wie|welke ~3 helpen|helpdesk", 2],
  ],
  "onderwijs-en-arbeidsmarkt": [
    ["vacature*|solliciter*|sollicitatie*|lerarentekort|arbeidsmarkt|carriere|loopbaan", 3],
    ["werken in het onderwijs", 3],
  ],
};

/** Tie-break order: the more specific topic first. */
export const TOPIC_PRIORITY = [
  "persoonsgebonden-nummer",
  "koppeling-techniek",
  "vrijstellingen",
  "thuiszitters",
  "te-laat-en-spijbelen",
  "ziekteverzuim",
  "verlof",
  "rmc-vsv",
  "rapportages",
  "inschrijving",
  "soorten-verzuim",
  "verzuim-melden",
  "leerplicht",
  "privacy",
  "onderwijs-en-arbeidsmarkt",
  "contact",
];

/** Cue words for the absence protocol (spec/absence-protocol.md). */
export const PROTOCOL_CUES = {
  late: ["te laat", "laatkom*", "te laat komen", "niet|nooit|zelden op tijd"],
  truancy: ["spijbel*", "gespijbeld", "gespijbel*"],
  unexcused: [
    "ongeoorloofd*",
    "zonder ~2 geldige|goede|reden|toestemming|afmelding|bericht|verlof|afmelden",
    "niet afgemeld",
    "wegblijv*|weggebleven|wegblijft",
    "blijft|bleef ~2 weg",
    "komt|kwam|komen|verschijnt|verschijnen ~4 niet|nooit",
    "niet op|naar school|les|stage",
    "afwezig",
    "verzuimt|verzuimde|verzuimen",
  ],
  sick: ["ziek|zieke|ziekte|ziektes|ziekmeld*|ziekgemeld*|ziekteverzuim"],
  long: ["thuiszit*|thuiszitter", "thuis zit*", "zit|zitten|zat ~4 thuis", "langdurig*"],
  leaveContext: [
    "verlof*|vakantieverlof",
    "vrij vragen|krijgen|nemen|geven|hebben",
    "vrij voor|om|van|op",
    "mag|mogen|kan|kunnen ~3 vrij",
    "vrijaf|vrije dag*",
    "op vakantie",
    "dag|dagen|dagje|week|weken eerder|voor|na de? ~1 vakantie",
    "extra vakantie",
    "luxe verzuim",
    "luxeverzuim",
    "gewichtig*|bruiloft*|huwelijk*|trouwen|begrafenis*|uitvaart*|jubileum",
    "wintersport",
  ],
  luxe: [
    "luxe*|luxeverzuim",
    "eerder ~3 vakantie|weg",
    "vakantie ~3 eerder|later|verleng*",
    "later ~3 terug",
    "verleng*",
    "extra vakantie|vrij",
    "goedkoper|wintersport",
    "zonder verlof|toestemming ~3 vakantie",
    "dag|dagen|dagje|week|weken eerder|voor|na de? ~1 vakantie",
    "vakantie ~3 zonder verlof|toestemming",
  ],
  weighty: [
    "gewichtig*",
    "bruiloft*|huwelijk*|trouwen|begrafenis*|uitvaart*|jubileum",
    "overleden|overlijden|sterfgeval",
    "verhuis*|verhuizing",
    "religi*|suikerfeest|offerfeest|feestdag*",
    "keti koti",
    "ernstig* ziek*",
    "ziekenhuis",
  ],
  holiday: ["vakantieverlof", "vakantie*", "beroep", "seizoen*", "op vakantie"],
  reportNotLateness: [
    "melding*|gemeld|doorgegeven|ingediend|ingevoerd|verstuurd|aangeleverd|afgemeld|aangemeld|verwerkt|ingeleverd|opgegeven|betaald",
  ],
  technical: [
    "melding*|bericht*|bestand*|koppeling*|certificaat*|mail|rapportage*|lijst|gegevens|nummer|update|verbinding",
  ],
};

/** Pupils and students as third persons: when one is in a clause, a first-person speaker is talking about them. */
export const PUPIL_NOUNS =
  "leerling*|student*|scholier*|kind|kinderen|kindje*|kleuter*|jongere*|deelnemer*|brugklasser*|thuiszitter|lln";

/** First-person attendance, checked per clause (./perspective.ts). */
export const OWN_ATTENDANCE = {
  self: ["ik"],
  // What happens to a pupil: absent, late, sick, on leave, reported, fined, of compulsory school age.
  state: [
    "les|lessen|lesuur|lesuren|uren|uur|dag|dagen|school|toets*|week|weken|stage|werk ~3 gemist|missen|mis|miste|misten",
    "gemist|missen|mis|miste|misten ~3 les|lessen|lesuur|lesuren|uren|uur|dag|dagen|school|toets*|week|weken|stage",
    "gespijbeld|spijbel*|ziek|ziekgemeld|afwezig|verzuimd|weggebleven|wegblijv*|thuisgebleven|thuisblijv*",
    "zit|zat ~2 thuis",
    "te laat",
    "thuis gebleven|zit|zat",
    "vrij|vrijaf|verlof|boete|straf|nablijven|leerplichtig*|kwalificatieplichtig*|geschorst|verwijderd|stoppen|gestopt",
    "word|wordt|werd|ben ~1 gemeld|aangemeld|doorgegeven|uitgeschreven",
  ],
  // "de school wil me melden", "heeft mij gemeld": the caller is the one reported.
  reportedSelf: ["me|mij gemeld|melden|aangemeld|afgemeld|uitgeschreven|doorgegeven|beboeten|geschorst"],
  // Someone else is the subject: the "ik" is staff or a parent speaking about a pupil.
  otherSubject: [PUPIL_NOUNS, "hij|zij|ze|zoon*|dochter*|zoontje|dochtertje|pleegkind*"],
  // Acting on someone's absence (the school's work), not undergoing it.
  acting: [
    "meld|melden|registreer*|registreren|invoeren|doorgeven|aanleveren|geef|geven|verleen|verlenen|toekennen|goedkeuren|afwijzen|weigeren|inschakelen|bellen",
    // "ik heb een vraag over verlof": asking about a subject, not being absent.
    "een|mijn|de|onze vraag|vragen",
    "vraag|vragen over",
  ],
};

/** A caller saying what it consists of, before saying which school the question is about. */
export const INVENTORY_CUES = [
  "zowel",
  "wij|we hebben|besturen|beheren|vertegenwoordigen|omvatten",
  "ons|onze|het|mijn|een? bestuur|schoolbestuur|stichting|vereniging|koepel|organisatie|scholengroep heeft|omvat|telt|bestuurt|beheert",
  "onder ons|onze|het? bestuur|schoolbestuur|stichting? vallen|valt",
  "bij ons|onze|het? bestuur|schoolbestuur|stichting? horen|hoort",
  "bestuur|schoolbestuur|stichting|vereniging|koepel|scholengroep van|met|voor",
];
