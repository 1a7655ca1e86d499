// Writes the e-mail corpus (tests/fixtures/mail-corpus/*.eml + expected.json) from the cases below: realistic mails
// from Outlook, Gmail, Apple Mail and phones, in Dutch and English, with attachments, HTML-only, BSNs, forwards,
// out-of-office replies, bounces and list mail. Placeholders {{ref:NAME}} and {{mid:NAME}} stand for the reference
// and the portal's Message-ID of the ticket that case NAME created; the corpus test fills them in.
//   npx tsx --conditions=react-server scripts/mail-corpus.ts
import fs from "node:fs";
import path from "node:path";
import MailComposer from "nodemailer/lib/mail-composer";

type Expect = {
  outcome: "ticket" | "reply" | "other-sender" | "automatic" | "dropped" | "bounce";
  ticket?: string;
  desk?: "po" | "vo-mbo";
  body?: string;
  notBody?: string;
  masked?: boolean;
  attachments?: number;
  refused?: number;
};
type Case = {
  name: string;
  from: string;
  to?: string;
  subject: string;
  text?: string;
  html?: string;
  headers?: Record<string, string>;
  inReplyTo?: string;
  references?: string;
  attachments?: { filename: string; content: string | Buffer; contentType?: string }[];
  expect: Expect;
  raw?: string;
};

const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\nxref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n0000000101 00000 n \ntrailer<</Size 4/Root 1 0 R>>\nstartxref\n170\n%%EOF\n",
);
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex",
);

const outlookNl = (name: string, ref: string) =>
  `\n\nMet vriendelijke groet,\n${name}\n\nVan: Helpdesk BRON PO <po@helpdesk.test>\nVerzonden: dinsdag 3 maart 2026 10:12\nAan: ${name} <x@school.test>\nOnderwerp: Uw vraag is ontvangen (${ref})\n\nBeste ${name},\n\nWij hebben uw vraag goed ontvangen.`;
const gmailNl = (ref: string) =>
  `\n\nOp di 3 mrt 2026 om 10:12 schreef Helpdesk BRON PO <po@helpdesk.test>:\n\n> Beste,\n>\n> Wij hebben uw vraag goed ontvangen. Uw vraagnummer is ${ref}.\n>`;
const appleNl = (ref: string) =>
  `\n\nVerstuurd vanaf mijn iPhone\n\n> Op 3 mrt. 2026 om 10:12 heeft Helpdesk BRON PO <po@helpdesk.test> het volgende geschreven:\n>\n> Uw vraagnummer is ${ref}.`;
const gmailEn = (ref: string) =>
  `\n\nOn Tue, 3 Mar 2026 at 10:12, Helpdesk <ipo@helpdesk.test> wrote:\n> We received your question ${ref}.`;
const outlookEn = (ref: string) =>
  `\n\n________________________________\nFrom: Informatiepunt Onderwijs <ipo@helpdesk.test>\nSent: Tuesday, March 3, 2026 10:12 AM\nTo: Support <support@vendor.test>\nSubject: Uw vraag is ontvangen (${ref})\n\nWe received your question.`;

const cases: Case[] = [
  // New questions — PO desk
  {
    name: "po-outlook-new",
    from: "Marieke Jansen <m.jansen@obs-deklimop.test>",
    subject: "Leerling groep 6 vaak te laat",
    text: "Goedemorgen,\n\nEen leerling uit groep 6 komt de laatste weken bijna elke dag te laat. Vanaf wanneer moeten wij dit melden bij de leerplichtambtenaar?\n\nMet vriendelijke groet,\nMarieke Jansen\nIntern begeleider OBS De Klimop\n\n-- \nOBS De Klimop | Lindelaan 4 | 9700 AA Groningen",
    expect: { outcome: "ticket", desk: "po", body: "Vanaf wanneer moeten wij dit melden", notBody: "Lindelaan" },
  },
  {
    name: "po-gmail-new",
    from: "Joost de Wit <joost.dewit@gmail.test>",
    subject: "verlof buiten schoolvakanties",
    text: "Hallo,\n\nEen ouder vraagt 3 dagen verlof voor een familiefeest in het buitenland. Mag de directeur dat toestaan?\n\nGroet,\nJoost",
    expect: { outcome: "ticket", desk: "po", body: "familiefeest" },
  },
  {
    name: "po-apple-new",
    from: "Fatima el Amrani <f.elamrani@sbo-regenboog.test>",
    subject: "Thuiszitter sinds oktober",
    text: "Beste helpdesk,\n\nWij hebben een leerling die sinds oktober thuis zit. Wat zijn de stappen?\n\nFatima\n\nVerstuurd vanaf mijn iPad",
    expect: { outcome: "ticket", desk: "po", body: "Wat zijn de stappen?", notBody: "iPad" },
  },
  {
    name: "po-mobile-new",
    from: "p.bakker@cbs-hoeksteen.test",
    subject: "Vraag",
    text: "Moet ik ziekteverzuim ook in het verzuimregister zetten?\n\nVerzonden vanaf mijn Samsung Galaxy-smartphone.",
    expect: { outcome: "ticket", desk: "po", body: "verzuimregister", notBody: "Samsung" },
  },
  {
    name: "po-html-only",
    from: "Directie De Vlinder <directie@devlinder.test>",
    subject: "Melding ongeoorloofd verzuim",
    html: "<html><body><div style='font-family:Calibri'><p>Beste helpdesk,</p><p>Hoeveel uur <b>ongeoorloofd verzuim</b> in vier weken moeten wij melden?</p><table><tr><td>Leerling</td><td>groep 8</td></tr></table><p>Met vriendelijke groet,<br>Directie</p></div></body></html>",
    expect: { outcome: "ticket", desk: "po", body: "ongeoorloofd verzuim in vier weken" },
  },
  {
    name: "po-attachment-pdf",
    from: "Anouk Smit <a.smit@obs-zonnebloem.test>",
    subject: "Verzuimoverzicht in de bijlage",
    text: "Beste,\n\nIn de bijlage het verzuimoverzicht. Klopt het dat wij dit moeten melden?\n\nAnouk",
    attachments: [{ filename: "overzicht.pdf", content: PDF, contentType: "application/pdf" }],
    expect: { outcome: "ticket", desk: "po", attachments: 1 },
  },
  {
    name: "po-attachment-png",
    from: "Kees Visser <k.visser@basisschool-anker.test>",
    subject: "Foutmelding in het verzuimregister",
    text: "Zie de schermafbeelding: wat betekent deze foutmelding?",
    attachments: [{ filename: "scherm.png", content: PNG, contentType: "image/png" }],
    expect: { outcome: "ticket", desk: "po", attachments: 1 },
  },
  {
    name: "po-attachment-refused",
    from: "Lotte Kok <l.kok@obs-debrug.test>",
    subject: "Overzicht in Excel",
    text: "Hierbij het overzicht in Excel.",
    attachments: [
      {
        filename: "overzicht.xlsx",
        content: Buffer.from("PK\x03\x04 not really"),
        contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      },
    ],
    expect: { outcome: "ticket", desk: "po", attachments: 0, refused: 1 },
  },
  {
    name: "po-bsn",
    from: "Henk Mulder <h.mulder@cbs-ark.test>",
    subject: "Leerling verhuisd",
    text: "Beste,\n\nDe leerling met BSN 123456782 is verhuisd. Moeten wij de uitschrijving melden?\n\nHenk",
    expect: { outcome: "ticket", desk: "po", masked: true, notBody: "123456782" },
  },
  {
    name: "po-bsn-txt-attachment",
    from: "Ria Dekker <r.dekker@obs-tweemaster.test>",
    subject: "Lijst leerlingen",
    text: "Zie bijlage.",
    attachments: [{ filename: "lijst.txt", content: "Leerling A 123456782\nLeerling B\n" }],
    expect: { outcome: "ticket", desk: "po", attachments: 0, refused: 1 },
  },
  {
    name: "po-forward",
    from: "Sandra Vos <s.vos@obs-meander.test>",
    subject: "Doorst: Vraag van een ouder over verlof",
    text: "Kunnen jullie helpen met deze vraag?\n\nSandra\n\n-----Oorspronkelijk bericht-----\nVan: ouder@mail.test\nVerzonden: maandag 2 maart 2026 19:04\nAan: s.vos@obs-meander.test\nOnderwerp: Vraag over verlof\n\nMag mijn zoon een week eerder op vakantie vanwege mijn werk?",
    expect: { outcome: "ticket", desk: "po", body: "een week eerder op vakantie" },
  },
  {
    name: "po-forward-gmail",
    from: "Tom Hendriks <tom@obs-klaverblad.test>",
    subject: "Fwd: schorsing",
    text: "Zie onder.\n\n---------- Forwarded message ---------\nVan: Bestuur <bestuur@stichting.test>\nDate: ma 2 mrt 2026 om 14:00\nSubject: schorsing\nTo: <tom@obs-klaverblad.test>\n\nMoet een schorsing van een dag ook gemeld worden?",
    expect: { outcome: "ticket", desk: "po", body: "schorsing van een dag" },
  },
  // New questions — VO/MBO desk
  {
    name: "ipo-outlook-new",
    to: "ipo@helpdesk.test",
    from: "Ellen de Groot <e.degroot@csg-het-lyceum.test>",
    subject: "16 uur verzuim in 4 weken",
    text: "Goedemiddag,\n\nEen leerling uit 3 havo heeft 17 uur verzuimd in vier lesweken. Moeten wij dit direct melden via DUO?\n\nMet vriendelijke groet,\n\nEllen de Groot\nVerzuimcoördinator\nT 050-1234567",
    expect: { outcome: "ticket", desk: "vo-mbo", body: "17 uur verzuimd" },
  },
  {
    name: "ipo-mbo-new",
    to: "ipo@helpdesk.test",
    from: "Studentzaken <studentzaken@roc-noord.test>",
    subject: "Student 18+ zonder startkwalificatie",
    text: "Hallo,\n\nEen student van 19 zonder startkwalificatie is al een maand niet geweest. Melden wij dit bij RMC?\n\nGroet, Studentzaken",
    expect: { outcome: "ticket", desk: "vo-mbo", body: "RMC" },
  },
  {
    name: "ipo-vendor-en",
    to: "ipo@helpdesk.test",
    from: "Support Team <support@schoolsoftware.test>",
    subject: "Question about the absence API",
    text: "Hello,\n\nWe are building the absence report export. Which fields are required in the DUO message?\n\nKind regards,\nSupport Team\n\nSent from my iPhone",
    expect: { outcome: "ticket", desk: "vo-mbo", body: "Which fields are required", notBody: "iPhone" },
  },
  {
    name: "ipo-gemeente",
    to: "ipo@helpdesk.test",
    from: "Leerplicht Gemeente Assen <leerplicht@assen.test>",
    subject: "Vrijstelling 5 onder a",
    text: "Beste,\n\nHoe registreren wij een vrijstelling op grond van artikel 5 onder a?\n\nMet vriendelijke groet,\nTeam Leerplicht",
    expect: { outcome: "ticket", desk: "vo-mbo", body: "artikel 5 onder a" },
  },
  {
    name: "ipo-html-outlook",
    to: "ipo@helpdesk.test",
    from: "Mark Peters <m.peters@vmbo-zuid.test>",
    subject: "Luxe verzuim voor de kerstvakantie",
    html: "<html><head><style>p{margin:0}</style></head><body><p class=MsoNormal>Beste,</p><p class=MsoNormal>&nbsp;</p><p class=MsoNormal>Twee leerlingen waren de dag voor de kerstvakantie afwezig zonder verlof. Hoe melden we dit?</p><p class=MsoNormal>&nbsp;</p><p class=MsoNormal>Groet,<br>Mark</p></body></html>",
    expect: { outcome: "ticket", desk: "vo-mbo", body: "afwezig zonder verlof" },
  },
  {
    name: "ipo-onderwijsnummer",
    to: "ipo@helpdesk.test",
    from: "Ingrid Smits <i.smits@praktijkschool.test>",
    subject: "Inschrijving klopt niet",
    text: "Het onderwijsnummer 1000.00.009 geeft een foutmelding bij inschrijven. Wat nu?",
    expect: { outcome: "ticket", desk: "vo-mbo", masked: true, notBody: "1000.00.009" },
  },
  {
    name: "ipo-mobile-outlook",
    to: "ipo@helpdesk.test",
    from: "Rob Claassen <r.claassen@isk-west.test>",
    subject: "Nieuwkomer zonder BSN",
    text: "Hoe melden we verzuim van een nieuwkomer die nog geen BSN heeft?\n\nDownload Outlook for iOS",
    expect: { outcome: "ticket", desk: "vo-mbo", body: "nieuwkomer", notBody: "Outlook for iOS" },
  },
  {
    name: "ipo-three-attachments",
    to: "ipo@helpdesk.test",
    from: "Nina Bos <n.bos@college-oost.test>",
    subject: "Stukken voor de melding",
    text: "Bijgaand de stukken.",
    attachments: [
      { filename: "a.pdf", content: PDF },
      { filename: "b.pdf", content: PDF },
      { filename: "c.pdf", content: PDF },
      { filename: "d.pdf", content: PDF },
    ],
    expect: { outcome: "ticket", desk: "vo-mbo", attachments: 3, refused: 1 },
  },
  {
    name: "ipo-english-new",
    to: "ipo@helpdesk.test",
    from: "Emma Clarke <e.clarke@international-school.test>",
    subject: "Compulsory education for a 17 year old",
    text: "Dear helpdesk,\n\nDoes the qualification obligation apply to a 17 year old student who moved here from the UK?\n\nBest regards,\nEmma Clarke\n\n--\nInternational School",
    expect: { outcome: "ticket", desk: "vo-mbo", body: "qualification obligation" },
  },
];

// Replies to the tickets above, by every threading route.
const replies: Case[] = [
  {
    name: "re-outlook-nl-subject",
    from: "m.jansen@obs-deklimop.test",
    subject: "RE: Uw vraag is ontvangen ({{ref:po-outlook-new}})",
    text: `Het gaat om ongeveer 12 keer in 4 weken.${outlookNl("Marieke", "{{ref:po-outlook-new}}")}`,
    expect: { outcome: "reply", ticket: "po-outlook-new", body: "12 keer in 4 weken", notBody: "Verzonden:" },
  },
  {
    name: "re-gmail-nl-inreplyto",
    from: "joost.dewit@gmail.test",
    subject: "Re: Uw vraag is ontvangen",
    inReplyTo: "{{mid:po-gmail-new}}",
    references: "{{mid:po-gmail-new}}",
    text: `Het is een bruiloft in Marokko.${gmailNl("{{ref:po-gmail-new}}")}`,
    expect: { outcome: "reply", ticket: "po-gmail-new", body: "bruiloft in Marokko", notBody: "schreef" },
  },
  {
    name: "re-apple-nl",
    from: "f.elamrani@sbo-regenboog.test",
    subject: "Re: Uw vraag is ontvangen ({{ref:po-apple-new}})",
    text: `Dank u, wij nemen contact op met leerplicht.${appleNl("{{ref:po-apple-new}}")}`,
    expect: { outcome: "reply", ticket: "po-apple-new", body: "wij nemen contact op", notBody: "iPhone" },
  },
  {
    name: "re-antw-brackets",
    from: "p.bakker@cbs-hoeksteen.test",
    subject: "Antw: Antw: [{{ref:po-mobile-new}}] Vraag",
    text: "Ook bij een ziekmelding van één dag?",
    expect: { outcome: "reply", ticket: "po-mobile-new", body: "ziekmelding van één dag" },
  },
  {
    name: "re-gmail-en",
    from: "support@schoolsoftware.test",
    to: "ipo@helpdesk.test",
    subject: "Re: Uw vraag is ontvangen ({{ref:ipo-vendor-en}})",
    text: `Thanks, and for the mbo message?${gmailEn("{{ref:ipo-vendor-en}}")}`,
    expect: { outcome: "reply", ticket: "ipo-vendor-en", body: "for the mbo message?", notBody: "wrote:" },
  },
  {
    name: "re-outlook-en",
    from: "support@schoolsoftware.test",
    to: "ipo@helpdesk.test",
    subject: "RE: RE: {{ref:ipo-vendor-en}}",
    text: `One more detail: we use version 2.${outlookEn("{{ref:ipo-vendor-en}}")}`,
    expect: { outcome: "reply", ticket: "ipo-vendor-en", body: "version 2.", notBody: "From:" },
  },
  {
    name: "re-references-only",
    from: "e.degroot@csg-het-lyceum.test",
    to: "ipo@helpdesk.test",
    subject: "Re: melding",
    references: "{{mid:ipo-outlook-new}}",
    text: "De leerling is 15 jaar.",
    expect: { outcome: "reply", ticket: "ipo-outlook-new", body: "15 jaar" },
  },
  {
    name: "re-lowercase-ref",
    from: "studentzaken@roc-noord.test",
    to: "ipo@helpdesk.test",
    subject: "re: vraag {{lref:ipo-mbo-new}}",
    text: "Aanvulling: de student is 19.",
    expect: { outcome: "reply", ticket: "ipo-mbo-new", body: "de student is 19" },
  },
  {
    name: "re-fwd-doorst-prefixes",
    from: "leerplicht@assen.test",
    to: "ipo@helpdesk.test",
    subject: "Fwd: Doorst: RE: Uw vraag is ontvangen ({{ref:ipo-gemeente}})",
    text: "Collega vraagt hetzelfde voor 5 onder b.",
    expect: { outcome: "reply", ticket: "ipo-gemeente", body: "5 onder b" },
  },
  {
    name: "re-other-sender",
    from: "Collega Adjunct <adjunct@obs-deklimop.test>",
    subject: "Re: {{ref:po-outlook-new}}",
    text: "Ik neem deze vraag over van Marieke.",
    expect: { outcome: "other-sender", ticket: "po-outlook-new", body: "neem deze vraag over" },
  },
  {
    name: "re-with-attachment",
    from: "a.smit@obs-zonnebloem.test",
    subject: "Re: Uw vraag is ontvangen ({{ref:po-attachment-pdf}})",
    text: "Hierbij nog een bestand.",
    attachments: [{ filename: "aanvulling.pdf", content: PDF }],
    expect: { outcome: "reply", ticket: "po-attachment-pdf", attachments: 1 },
  },
  {
    name: "re-with-bsn",
    from: "h.mulder@cbs-ark.test",
    subject: "Re: {{ref:po-bsn}}",
    text: "Sorry, het BSN was 123456782. Dat had ik niet moeten sturen.",
    expect: { outcome: "reply", ticket: "po-bsn", masked: true, notBody: "123456782" },
  },
  {
    name: "re-html-only-reply",
    from: "directie@devlinder.test",
    subject: "RE: Uw vraag is ontvangen ({{ref:po-html-only}})",
    html: "<div>Dank, duidelijk!</div><div><br></div><blockquote style='border-left:1px solid'><div>Van: Helpdesk</div><div>Wij hebben uw vraag ontvangen</div></blockquote>",
    expect: { outcome: "reply", ticket: "po-html-only", body: "Dank, duidelijk!" },
  },
  {
    name: "re-mobile-short",
    from: "tom@obs-klaverblad.test",
    subject: "Re: {{ref:po-forward-gmail}}",
    text: "Ok, dank!\n\nVerzonden met Outlook voor Android",
    expect: { outcome: "reply", ticket: "po-forward-gmail", body: "Ok, dank!", notBody: "Android" },
  },
  {
    name: "re-interleaved",
    from: "e.clarke@international-school.test",
    to: "ipo@helpdesk.test",
    subject: "Re: {{ref:ipo-english-new}}",
    text: "> Which school did the student attend?\nA secondary school in Leeds.\n> How old is the student?\n17.",
    expect: { outcome: "reply", ticket: "ipo-english-new", body: "A secondary school in Leeds." },
  },
  {
    name: "re-after-transfer",
    from: "k.visser@basisschool-anker.test",
    subject: "Re: Uw vraag is ontvangen ({{former:po-attachment-png}})",
    text: "Is er al nieuws?",
    expect: { outcome: "reply", ticket: "po-attachment-png", body: "al nieuws" },
  },
  {
    name: "re-after-transfer-inreplyto",
    from: "k.visser@basisschool-anker.test",
    subject: "Re: Uw vraag",
    inReplyTo: "{{mid:po-attachment-png}}",
    text: "En nog een vraag over de foutcode.",
    expect: { outcome: "reply", ticket: "po-attachment-png", body: "foutcode" },
  },
  {
    name: "re-sig-dash",
    from: "l.kok@obs-debrug.test",
    subject: "Re: {{ref:po-attachment-refused}}",
    text: "Ik stuur het als pdf.\n\n-- \nLotte Kok\nOBS De Brug",
    expect: {
      outcome: "reply",
      ticket: "po-attachment-refused",
      body: "Ik stuur het als pdf.",
      notBody: "OBS De Brug",
    },
  },
  {
    name: "re-outlook-original-message",
    from: "r.dekker@obs-tweemaster.test",
    subject: "AW: {{ref:po-bsn-txt-attachment}}",
    text: "Begrepen, ik stuur de lijst zonder nummers.\n\n-----Original Message-----\nFrom: Helpdesk\nSent: Tuesday\nSubject: x",
    expect: { outcome: "reply", ticket: "po-bsn-txt-attachment", body: "zonder nummers", notBody: "Original Message" },
  },
  {
    name: "re-apple-en",
    from: "i.smits@praktijkschool.test",
    to: "ipo@helpdesk.test",
    subject: "Re: {{ref:ipo-onderwijsnummer}}",
    text: "Solved, thank you.\n\nOn 3 Mar 2026, at 10:12, Informatiepunt Onderwijs <ipo@helpdesk.test> wrote:\n\n> We received it.",
    expect: { outcome: "reply", ticket: "ipo-onderwijsnummer", body: "Solved, thank you.", notBody: "wrote" },
  },
  {
    name: "re-wrapped-gmail-attribution",
    from: "r.claassen@isk-west.test",
    to: "ipo@helpdesk.test",
    subject: "Re: {{ref:ipo-mobile-outlook}}",
    text: "De leerling is 14.\n\nOp di 3 mrt 2026 om 10:12 schreef Informatiepunt Onderwijs (IPO) <\nipo@helpdesk.test>:\n\n> Beste Rob,",
    expect: { outcome: "reply", ticket: "ipo-mobile-outlook", body: "De leerling is 14.", notBody: "schreef" },
  },
  {
    name: "re-same-sender-new-topic-with-ref",
    from: "n.bos@college-oost.test",
    to: "ipo@helpdesk.test",
    subject: "Vraag {{ref:ipo-three-attachments}} aanvulling",
    text: "Het vierde bestand stuur ik apart.",
    expect: { outcome: "reply", ticket: "ipo-three-attachments", body: "vierde bestand" },
  },
  {
    name: "re-to-merged",
    from: "tom@obs-klaverblad.test",
    subject: "Re: {{ref:po-forward}}",
    text: "Deze vraag hoort bij de andere.",
    expect: { outcome: "reply", ticket: "po-forward-gmail" },
  },
  {
    name: "re-cc-colleague-gmail",
    from: "Jeroen <jeroen.ib@gmail.test>",
    subject: "Re: Uw vraag is ontvangen ({{ref:po-gmail-new}})",
    text: "Ik ben de intern begeleider, ik lees mee.",
    expect: { outcome: "other-sender", ticket: "po-gmail-new" },
  },
  {
    name: "re-reopen-resolved",
    from: "m.peters@vmbo-zuid.test",
    to: "ipo@helpdesk.test",
    subject: "Re: {{ref:ipo-html-outlook}}",
    text: "Toch nog een vraag: geldt dit ook voor de meivakantie?",
    expect: { outcome: "reply", ticket: "ipo-html-outlook", body: "meivakantie" },
  },
  {
    name: "re-to-closed",
    from: "s.vos@obs-meander.test",
    subject: "Re: {{ref:po-closed-seed}}",
    text: "Een nieuwe vraag op de oude draad.",
    expect: { outcome: "ticket", desk: "po", body: "nieuwe vraag op de oude draad" },
  },
];

// Automatic mail: never a ticket, never a reply.
const automatic: Case[] = [
  {
    name: "ooo-nl-outlook",
    from: "m.jansen@obs-deklimop.test",
    subject: "Automatisch antwoord: Uw vraag is ontvangen ({{ref:po-outlook-new}})",
    text: "Ik ben afwezig tot en met 10 maart. Voor dringende zaken: bel de school.",
    headers: { "Auto-Submitted": "auto-replied", "X-Auto-Response-Suppress": "All" },
    expect: { outcome: "automatic", ticket: "po-outlook-new" },
  },
  {
    name: "ooo-nl-subject-only",
    from: "joost.dewit@gmail.test",
    subject: "Afwezig: Uw vraag is ontvangen",
    text: "Ik ben met vakantie.",
    expect: { outcome: "dropped" },
  },
  {
    name: "ooo-en",
    from: "support@schoolsoftware.test",
    to: "ipo@helpdesk.test",
    subject: "Out of Office: {{ref:ipo-vendor-en}}",
    text: "I am out of the office until Monday.",
    headers: { "Auto-Submitted": "auto-replied" },
    expect: { outcome: "automatic", ticket: "ipo-vendor-en" },
  },
  {
    name: "ooo-autoreply-header",
    from: "info@kinderopvang.test",
    subject: "Bedankt voor uw bericht",
    text: "Wij reageren binnen 3 werkdagen.",
    headers: { "X-Autoreply": "yes" },
    expect: { outcome: "dropped" },
  },
  {
    name: "ooo-exchange-suppress",
    from: "secretariaat@obs-debrug.test",
    subject: "Bericht ontvangen",
    text: "Uw bericht is ontvangen.",
    headers: { "X-Auto-Response-Suppress": "All" },
    expect: { outcome: "dropped" },
  },
  {
    name: "autoreply-subject",
    from: "helpdesk@softwarebedrijf.test",
    to: "ipo@helpdesk.test",
    subject: "Autoreply: ticket #44123 aangemaakt",
    text: "Uw ticket is aangemaakt.",
    expect: { outcome: "dropped" },
  },
  {
    name: "list-precedence",
    from: "Nieuwsbrief PO-Raad <nieuws@poraad.test>",
    subject: "Nieuwsbrief maart: verzuim en leerplicht",
    text: "Lees de nieuwsbrief online.",
    headers: { Precedence: "bulk", "List-Unsubscribe": "<mailto:uit@poraad.test>" },
    expect: { outcome: "dropped" },
  },
  {
    name: "list-id",
    from: "forum@leerplicht-forum.test",
    to: "ipo@helpdesk.test",
    subject: "[leerplicht-forum] Vraag over RMC",
    text: "Iemand een idee?",
    headers: { "List-Id": "Leerplicht forum <forum.leerplicht-forum.test>", Precedence: "list" },
    expect: { outcome: "dropped" },
  },
  {
    name: "junk",
    from: "promo@aanbieding.test",
    subject: "Gratis schoolplein-actie!",
    text: "Klik hier.",
    headers: { Precedence: "junk" },
    expect: { outcome: "dropped" },
  },
  {
    name: "own-address-loop",
    from: "Helpdesk BRON PO <po@helpdesk.test>",
    subject: "Uw vraag is ontvangen (PO-2026-999999)",
    text: "Wij hebben uw vraag goed ontvangen.",
    expect: { outcome: "dropped" },
  },
  {
    name: "noreply-sender",
    from: "DUO <noreply@duo.test>",
    to: "ipo@helpdesk.test",
    subject: "Bevestiging van uw melding",
    text: "Uw melding is verwerkt.",
    expect: { outcome: "dropped" },
  },
  {
    name: "auto-generated",
    from: "monitor@schoolsysteem.test",
    subject: "Dagrapport verzuim",
    text: "Rapport in de bijlage.",
    headers: { "Auto-Submitted": "auto-generated" },
    expect: { outcome: "dropped" },
  },
];

const bounceRaw = (name: string, to: string, mid: string, opts: { action?: string; diag?: string } = {}) =>
  [
    "From: Mail Delivery System <MAILER-DAEMON@mx.school.test>",
    "To: noreply@helpdesk.invalid",
    "Subject: Undelivered Mail Returned to Sender",
    `Message-ID: <bounce.${name}@mx.school.test>`,
    "Date: Tue, 3 Mar 2026 10:20:00 +0100",
    "MIME-Version: 1.0",
    'Content-Type: multipart/report; report-type=delivery-status; boundary="BOUNDARY"',
    "",
    "--BOUNDARY",
    "Content-Type: text/plain; charset=us-ascii",
    "",
    "This is the mail system at host mx.school.test. Your message could not be delivered.",
    "",
    "--BOUNDARY",
    "Content-Type: message/delivery-status",
    "",
    "Reporting-MTA: dns; mx.school.test",
    "",
    `Final-Recipient: rfc822; ${to}`,
    `Action: ${opts.action ?? "failed"}`,
    "Status: 5.1.1",
    `Diagnostic-Code: smtp; ${opts.diag ?? "550 5.1.1 <" + to + ">: Recipient address rejected: User unknown"}`,
    "",
    "--BOUNDARY",
    "Content-Type: text/rfc822-headers",
    "",
    `Message-ID: ${mid}`,
    "Subject: Uw vraag is ontvangen",
    "From: Onderwijs Helpdesk <noreply@helpdesk.invalid>",
    "",
    "--BOUNDARY--",
    "",
  ].join("\r\n");

const bounces: Case[] = [
  {
    name: "bounce-postfix",
    from: "",
    subject: "",
    raw: bounceRaw("bounce-postfix", "a.smit@obs-zonnebloem.test", "{{mid:po-attachment-pdf}}"),
    expect: { outcome: "bounce", ticket: "po-attachment-pdf" },
  },
  {
    name: "bounce-exchange",
    from: "",
    subject: "",
    raw: bounceRaw("bounce-exchange", "e.clarke@international-school.test", "{{mid:ipo-english-new}}", {
      diag: "smtp; 550 5.4.1 Recipient address rejected: Access denied",
    }),
    expect: { outcome: "bounce", ticket: "ipo-english-new" },
  },
  {
    name: "bounce-gmail-plain",
    from: "Mail Delivery Subsystem <mailer-daemon@googlemail.test>",
    subject: "Delivery Status Notification (Failure)",
    headers: { "X-Failed-Recipients": "joost.dewit@gmail.test" },
    text: "Address not found\n\nYour message wasn't delivered to joost.dewit@gmail.test because the address couldn't be found.\n\n----- Original message -----\nMessage-ID: {{mid:po-gmail-new}}\nSubject: Uw vraag is ontvangen",
    expect: { outcome: "bounce", ticket: "po-gmail-new" },
  },
  {
    name: "bounce-delayed",
    from: "",
    subject: "",
    raw: bounceRaw("bounce-delayed", "l.kok@obs-debrug.test", "{{mid:po-attachment-refused}}", {
      action: "delayed",
      diag: "smtp; 451 4.4.1 try again later",
    }),
    expect: { outcome: "dropped" },
  },
];

const all = [...cases, ...replies, ...automatic, ...bounces];
const dir = path.join(__dirname, "..", "tests", "fixtures", "mail-corpus");
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });
const expected: Record<string, Expect & { order: number }> = {};
(async () => {
  for (const [i, c] of all.entries()) {
    const file = `${String(i + 1).padStart(3, "0")}-${c.name}.eml`;
    const raw = c.raw
      ? Buffer.from(c.raw)
      : await new MailComposer({
          from: c.from,
          to: c.to ?? "po@helpdesk.test",
          subject: c.subject,
          text: c.text,
          html: c.html,
          headers: c.headers,
          inReplyTo: c.inReplyTo,
          references: c.references,
          messageId: `<corpus.${c.name}@client.test>`,
          date: new Date("2026-03-03T09:30:00Z"),
          attachments: c.attachments,
        })
          .compile()
          .build();
    fs.writeFileSync(path.join(dir, file), raw);
    expected[file] = { ...c.expect, order: i };
  }
  fs.writeFileSync(path.join(dir, "expected.json"), JSON.stringify(expected, null, 2) + "\n");
  console.log(`${all.length} mails written to ${path.relative(process.cwd(), dir)}`);
})();
