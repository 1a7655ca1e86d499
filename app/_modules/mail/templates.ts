// Mails to callers, in plain Dutch (B1). Pure: each template returns subject, text and html; every
// interpolated value is HTML-escaped in the html version, and links must be http(s).
import "server-only";
import { deskWithArticle, type DeskArticle } from "@/app/_modules/desks/article";

export type MailContent = { subject: string; text: string; html: string };

/** Desk hours as text ("maandag tot en met vrijdag van 09.00 tot 13.00 uur") or as the hours object of desks.yaml. */
export type DeskHoursInput = string | { days: readonly number[]; open: string; close: string };

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );
}

function safeUrl(url: string): string {
  const trimmed = url.trim();
  if (!/^https?:\/\/[^\s]+$/i.test(trimmed)) throw new Error(`Mail links must be http(s) URLs: ${url}`);
  return trimmed;
}

/** Keeps header-bound values on one line. */
const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();

const WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"];

/** Dutch wording of opening hours, e.g. "maandag tot en met vrijdag van 09.00 tot 13.00 uur". */
export function formatDeskHours(hours: DeskHoursInput): string {
  if (typeof hours === "string") return hours;
  const days = [...new Set(hours.days)].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b);
  const clock = (t: string) => t.replace(":", ".");
  const time = `van ${clock(hours.open)} tot ${clock(hours.close)} uur`;
  if (days.length === 0) return time;
  const consecutive = days.every((d, i) => i === 0 || d === days[i - 1] + 1);
  let dayText: string;
  if (days.length === 1) dayText = `op ${WEEKDAYS[days[0] - 1]}`;
  else if (consecutive && days.length > 2)
    dayText = `${WEEKDAYS[days[0] - 1]} tot en met ${WEEKDAYS[days[days.length - 1] - 1]}`;
  else {
    const names = days.map((d) => WEEKDAYS[d - 1]);
    dayText = `${names.slice(0, -1).join(", ")} en ${names[names.length - 1]}`;
  }
  return `${dayText} ${time}`;
}

// A mail body is a list of blocks; text and html are rendered from the same list so they never drift apart.
type Block =
  | { kind: "p"; text: string }
  | { kind: "quote"; text: string }
  | { kind: "link"; intro: string; label: string; url: string };

const greeting = (name?: string | null) => (name && oneLine(name) ? `Beste ${oneLine(name)},` : "Beste heer, mevrouw,");

const FOOTER_PRIVACY =
  "Stuur geen BSN of gegevens over iemands gezondheid mee. Noem liever een schoolcode of het nummer van een melding.";
const FOOTER_AUTO =
  "Reageren kan via de link in deze e-mail, of door op deze e-mail te antwoorden: uw antwoord komt dan bij uw vraag.";

function render(subject: string, blocks: Block[], signature: string): MailContent {
  const all: Block[] = [
    ...blocks,
    { kind: "p", text: `Met vriendelijke groet,\n${signature}` },
    { kind: "p", text: FOOTER_PRIVACY },
    { kind: "p", text: FOOTER_AUTO },
  ];
  const text = all
    .map((b) => {
      if (b.kind === "p") return b.text;
      if (b.kind === "quote")
        return b.text
          .split(/\r?\n/)
          .map((l) => (l ? `> ${l}` : ">"))
          .join("\n");
      return `${b.intro}\n${b.url}`;
    })
    .join("\n\n");
  const lines = (s: string) => escapeHtml(s).replace(/\r?\n/g, "<br>\n");
  const htmlBlocks = all.map((b) => {
    if (b.kind === "p") return `<p>${lines(b.text)}</p>`;
    if (b.kind === "quote") {
      const paragraphs = b.text.split(/\r?\n\s*\r?\n/).filter((p) => p.trim());
      return `<blockquote style="margin:0 0 1em;padding:0 0 0 1em;border-left:4px solid #b1b4b6">\n${paragraphs.map((p) => `<p>${lines(p.trim())}</p>`).join("\n")}\n</blockquote>`;
    }
    return `<p>${lines(b.intro)}<br>\n<a href="${escapeHtml(b.url)}">${escapeHtml(b.label)}</a></p>`;
  });
  const html = [
    "<!DOCTYPE html>",
    '<html lang="nl">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(subject)}</title>`,
    "</head>",
    '<body style="font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1b1b1b;max-width:40em">',
    ...htmlBlocks,
    "</body>",
    "</html>",
  ].join("\n");
  return { subject, text, html };
}

/** Confirmation after a caller logged a question. */
export function ticketConfirmationMail(input: {
  reference: string;
  deskName: string;
  deskArticle?: DeskArticle | string | null;
  deskPhone: string;
  deskHours: DeskHoursInput;
  followUpUrl: string;
  requesterName?: string | null;
  subject: string;
  /** When given, the mail says within how many working days the caller hears from the desk. */
  firstResponseBusinessDays?: number | null;
  /** Extra paragraphs (the e-mail channel: a masked number, refused attachments). */
  notes?: readonly string[];
}): MailContent {
  const ref = oneLine(input.reference);
  const url = safeUrl(input.followUpUrl);
  const days = input.firstResponseBusinessDays;
  const when =
    days && days > 0
      ? `U krijgt binnen ${days === 1 ? "1 werkdag" : `${days} werkdagen`} een reactie.`
      : "U krijgt zo snel mogelijk een reactie.";
  return render(
    `Uw vraag is ontvangen (${ref})`,
    [
      { kind: "p", text: greeting(input.requesterName) },
      {
        kind: "p",
        text: `Wij hebben uw vraag goed ontvangen. Dank u wel.\nUw vraagnummer is ${ref}.\nOnderwerp: ${oneLine(input.subject)}`,
      },
      ...(input.notes ?? []).map((text): Block => ({ kind: "p", text })),
      {
        kind: "p",
        text: `Wat gebeurt er nu?\n${deskWithArticle(input.deskName, input.deskArticle, true)} leest uw vraag. ${when}`,
      },
      {
        kind: "link",
        intro:
          "Wilt u uw vraag bekijken of iets aanvullen? Gebruik deze link. Deel de link niet met anderen: met de link kan iemand uw vraag lezen.",
        label: `Bekijk uw vraag ${ref}`,
        url,
      },
      {
        kind: "p",
        text: `Wilt u liever bellen? Bel ${deskWithArticle(input.deskName, input.deskArticle)} op ${oneLine(input.deskPhone)}. Wij zijn bereikbaar ${formatDeskHours(input.deskHours)}. Noem dan uw vraagnummer ${ref}.`,
      },
    ],
    oneLine(input.deskName),
  );
}

/** An agent's answer, sent to the caller. */
export function ticketReplyMail(input: {
  reference: string;
  deskName: string;
  deskArticle?: DeskArticle | string | null;
  followUpUrl: string;
  requesterName?: string | null;
  replyText: string;
}): MailContent {
  const ref = oneLine(input.reference);
  const url = safeUrl(input.followUpUrl);
  return render(
    `Antwoord op uw vraag (${ref})`,
    [
      { kind: "p", text: greeting(input.requesterName) },
      {
        kind: "p",
        text: `${deskWithArticle(input.deskName, input.deskArticle, true)} heeft gereageerd op uw vraag ${ref}. Dit is onze reactie:`,
      },
      { kind: "quote", text: input.replyText.trim() },
      {
        kind: "link",
        intro: "Heeft u nog een vraag hierover? Of is uw vraag nog niet opgelost? Reageer dan via deze link.",
        label: `Reageer op vraag ${ref}`,
        url,
      },
    ],
    oneLine(input.deskName),
  );
}

/** The question moved to the other desk. */
export function ticketTransferredMail(input: {
  reference: string;
  /** The reference the caller knew: a transferred ticket gets the new desk's own number. */
  formerReference?: string | null;
  fromDesk: string;
  fromDeskArticle?: DeskArticle | string | null;
  toDesk: string;
  toDeskArticle?: DeskArticle | string | null;
  toDeskPhone?: string | null;
  reason?: string | null;
  followUpUrl: string;
  requesterName?: string | null;
}): MailContent {
  const ref = oneLine(input.reference);
  const former =
    input.formerReference && input.formerReference !== input.reference ? oneLine(input.formerReference) : null;
  const to = oneLine(input.toDesk);
  const url = safeUrl(input.followUpUrl);
  const blocks: Block[] = [
    { kind: "p", text: greeting(input.requesterName) },
    {
      kind: "p",
      text: `Wij hebben uw vraag ${former ?? ref} doorgestuurd van ${deskWithArticle(input.fromDesk, input.fromDeskArticle)} naar ${deskWithArticle(input.toDesk, input.toDeskArticle)}. ${deskWithArticle(input.toDesk, input.toDeskArticle, true)} kan u beter helpen met deze vraag. U hoeft zelf niets te doen.`,
    },
  ];
  if (former)
    blocks.push({
      kind: "p",
      text: `Uw vraag heeft nu vraagnummer ${ref}. Uw oude vraagnummer ${former} en de link hieronder blijven werken.`,
    });
  if (input.reason && input.reason.trim()) blocks.push({ kind: "p", text: `Waarom?\n${input.reason.trim()}` });
  blocks.push({
    kind: "link",
    intro: "U kunt uw vraag blijven volgen via deze link.",
    label: `Bekijk uw vraag ${ref}`,
    url,
  });
  if (input.toDeskPhone && input.toDeskPhone.trim()) {
    blocks.push({
      kind: "p",
      text: `Wilt u liever bellen? Bel ${deskWithArticle(input.toDesk, input.toDeskArticle)} op ${oneLine(input.toDeskPhone)}. Noem dan uw vraagnummer ${ref}.`,
    });
  }
  return render(`Uw vraag is doorgestuurd naar ${to} (${ref})`, blocks, to);
}

/** Two questions about the same thing became one. */
export function ticketMergedMail(input: {
  oldReference: string;
  newReference: string;
  followUpUrl: string;
  requesterName?: string | null;
  deskName?: string | null;
}): MailContent {
  const oldRef = oneLine(input.oldReference);
  const newRef = oneLine(input.newReference);
  const url = safeUrl(input.followUpUrl);
  return render(
    `Uw vraag ${oldRef} gaat verder als ${newRef}`,
    [
      { kind: "p", text: greeting(input.requesterName) },
      {
        kind: "p",
        text: `Uw vraag ${oldRef} gaat over hetzelfde als vraag ${newRef}. Daarom hebben wij de vragen samengevoegd. Zo krijgt u één antwoord.`,
      },
      { kind: "p", text: `Vanaf nu is uw vraagnummer ${newRef}. Noem dit nummer als u contact met ons opneemt.` },
      { kind: "link", intro: "U kunt uw vraag volgen via deze link.", label: `Bekijk vraag ${newRef}`, url },
    ],
    input.deskName ? oneLine(input.deskName) : "De helpdesk",
  );
}

const STATUS_TEXT: Record<string, { label: string; explain: string; linkIntro: string }> = {
  new: {
    label: "ontvangen",
    explain: "Wij hebben uw vraag ontvangen. Een medewerker gaat er zo snel mogelijk mee aan de slag.",
    linkIntro: "U kunt uw vraag volgen via deze link.",
  },
  open: {
    label: "in behandeling",
    explain: "Een medewerker werkt nu aan uw vraag.",
    linkIntro: "U kunt uw vraag volgen via deze link.",
  },
  waiting: {
    label: "wacht op uw reactie",
    explain:
      "Wij hebben meer informatie van u nodig om uw vraag te beantwoorden. Lees via de link wat wij nodig hebben.",
    linkIntro: "Geef uw reactie via deze link.",
  },
  resolved: {
    label: "opgelost",
    explain:
      "Wij denken dat uw vraag is opgelost. Klopt dat niet? Reageer dan via de link. Dan kijken wij opnieuw naar uw vraag.",
    linkIntro: "Bekijk het antwoord of reageer via deze link.",
  },
  closed: {
    label: "gesloten",
    explain: "Uw vraag is afgesloten. Heeft u een nieuwe vraag? Stel die dan via onze website.",
    linkIntro: "U kunt uw vraag nog bekijken via deze link.",
  },
};

/** Dutch label of a ticket status (new | open | waiting | resolved | closed); unknown values pass through. */
export function ticketStatusLabel(status: string): string {
  return STATUS_TEXT[status]?.label ?? status;
}

/** The status of the caller's question changed. */
export function ticketStatusMail(input: {
  reference: string;
  status: string;
  followUpUrl: string;
  requesterName?: string | null;
  deskName?: string | null;
}): MailContent {
  const ref = oneLine(input.reference);
  const url = safeUrl(input.followUpUrl);
  const known = STATUS_TEXT[input.status];
  const label = oneLine(known?.label ?? input.status);
  return render(
    `De status van uw vraag is: ${label} (${ref})`,
    [
      { kind: "p", text: greeting(input.requesterName) },
      { kind: "p", text: `De status van uw vraag ${ref} is veranderd. De nieuwe status is: ${label}.` },
      ...(known ? [{ kind: "p" as const, text: known.explain }] : []),
      {
        kind: "link",
        intro: known?.linkIntro ?? "U kunt uw vraag volgen via deze link.",
        label: `Bekijk uw vraag ${ref}`,
        url,
      },
    ],
    input.deskName ? oneLine(input.deskName) : "De helpdesk",
  );
}

/**
 * A short notice to someone who mailed a desk (a masked number, refused attachments). It names no ticket content:
 * the sender may not be the ticket's caller.
 */
export function mailNoticeMail(input: { deskName: string; subject: string; notes: readonly string[] }): MailContent {
  return render(
    `Over uw e-mail: ${oneLine(input.subject).slice(0, 120)}`,
    [
      { kind: "p", text: greeting(null) },
      { kind: "p", text: "Wij hebben uw e-mail ontvangen." },
      ...input.notes.map((text): Block => ({ kind: "p", text })),
    ],
    oneLine(input.deskName),
  );
}

/**
 * The sign-in link for "Mijn vragen". The same mail goes to every address, known or not: the page that asked for it
 * says the same for all, so nobody learns from it whether an address has questions here.
 */
export function callerLoginMail(input: { url: string; minutes: number }): MailContent {
  return render(
    "Uw inloglink voor Mijn vragen",
    [
      { kind: "p", text: greeting(null) },
      {
        kind: "p",
        text: `U wilde inloggen bij Mijn vragen van de Onderwijs Helpdesk. Met de link hieronder logt u in. De link werkt ${input.minutes} minuten en maar één keer.`,
      },
      {
        kind: "link",
        intro: "Klik op de link en daarna op de knop Inloggen.",
        label: "Inloggen bij Mijn vragen",
        url: safeUrl(input.url),
      },
      {
        kind: "p",
        text: "Heeft u niet gevraagd om in te loggen? Dan hoeft u niets te doen. Zonder deze link kan niemand inloggen met uw e-mailadres.",
      },
    ],
    "De Onderwijs Helpdesk",
  );
}
