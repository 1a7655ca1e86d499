// Organisation kinds, sectors and codes: pure validation shared by the import, the forms and the API.
// A school's code is its BRIN number (2 digits + 2 letters) with an optional vestiging number (2 digits); a
// bestuur's its bevoegd-gezagnummer (5 digits); a municipality's the CBS code GM0000; a vendor's its KvK number.

export const ORGANISATION_KINDS = ["school", "bestuur", "gemeente", "leverancier", "anders"] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const SCHOOL_SECTORS = ["po", "so", "vo", "mbo"] as const;
export type SchoolSector = (typeof SCHOOL_SECTORS)[number];

export const KIND_LABELS: Record<OrganisationKind, string> = {
  school: "School",
  bestuur: "Schoolbestuur",
  gemeente: "Gemeente",
  leverancier: "Softwareleverancier",
  anders: "Andere organisatie",
};

export const SECTOR_LABELS: Record<SchoolSector, string> = {
  po: "basisonderwijs (po)",
  so: "speciaal onderwijs (so/vso)",
  vo: "voortgezet onderwijs (vo)",
  mbo: "mbo",
};

/** An organisation's public facts: what lists and typeaheads show (the public directory gives nothing more). */
export type OrganisationSummary = {
  id: string;
  kind: OrganisationKind;
  sector: SchoolSector | null;
  name: string;
  code: string | null;
  place: string | null;
};

/** "12AB · Oosterwolde · Voortgezet onderwijs (vo)": code, place, and the sector (schools) or the kind. */
export function organisationDetail(o: OrganisationSummary): string {
  const what = o.kind === "school" && o.sector ? SECTOR_LABELS[o.sector] : KIND_LABELS[o.kind];
  return [o.code, o.place, what].filter(Boolean).join(" · ");
}

/** The desk that answers questions about a school of this sector: (v)so is registered through BRON PO. */
export function deskForSector(sector: SchoolSector): "po" | "vo-mbo" {
  return sector === "po" || sector === "so" ? "po" : "vo-mbo";
}

const CODE_RULES: Record<Exclude<OrganisationKind, "anders">, { re: RegExp; message: string }> = {
  school: {
    re: /^[0-9]{2}[A-Z]{2}([0-9]{2})?$/,
    message:
      "Een BRIN-code is 2 cijfers en 2 letters, eventueel met een vestigingsnummer van 2 cijfers (12AB of 12AB01).",
  },
  bestuur: { re: /^[0-9]{5}$/, message: "Een bevoegd-gezagnummer is 5 cijfers (bijvoorbeeld 41234)." },
  gemeente: { re: /^GM[0-9]{4}$/, message: "Een gemeentecode is GM met 4 cijfers (bijvoorbeeld GM0363)." },
  leverancier: { re: /^[0-9]{8}$/, message: "Een KvK-nummer is 8 cijfers." },
};

/** Uppercase without spaces, dots or dashes ("12 ab" → "12AB", "gm 0363" → "GM0363", "1234.5678" → "12345678"). */
export function normaliseCode(raw: string): string {
  return raw.toUpperCase().replace(/[\s.-]/g, "");
}

/** Checks a code for its kind: `{ code }` normalised, or `{ error }` in plain Dutch. `anders` has no code. */
export function checkCode(
  kind: OrganisationKind,
  raw: string | null | undefined,
): { code: string | null } | { error: string } {
  const v = normaliseCode(raw ?? "");
  if (kind === "anders") return v ? { error: "Een andere organisatie heeft geen code." } : { code: null };
  if (!v) return kind === "school" ? { error: "Vul de BRIN-code in." } : { code: null };
  const rule = CODE_RULES[kind];
  return rule.re.test(v) ? { code: v } : { error: rule.message };
}

/** A municipality number from DUO ("363", "0363") or a CBS code ("GM0363") as a CBS code, or null. */
export function municipalityCode(raw: string): string | null {
  const v = normaliseCode(raw);
  if (/^GM[0-9]{4}$/.test(v)) return v;
  if (/^[0-9]{1,4}$/.test(v)) return "GM" + v.padStart(4, "0");
  return null;
}

/** The BRIN part (first 4 characters) of a school code. */
export const brinOf = (code: string) => code.slice(0, 4);

// DUO's sector words (onderwijssoort, soort primair onderwijs, onderwijsstructuur) and our own short ids.
const SECTOR_WORDS: [RegExp, SchoolSector][] = [
  [/^(po|bao|sbao|sbo|bas|basisonderwijs|basisschool|speciaal basisonderwijs|primair onderwijs)$/, "po"],
  [/^(so|vso|\(v\)so|wec|speciaal onderwijs|voortgezet speciaal onderwijs|expertisecentrum)$/, "so"],
  [/^(vo|vmbo|havo|vwo|pro|praktijkonderwijs|voortgezet onderwijs|vavo)(\/.*)?$/, "vo"],
  [/^(mbo|bol|bbl|roc|aoc|middelbaar beroepsonderwijs|beroepsonderwijs)$/, "mbo"],
];

/** A sector from DUO's words ("BAO", "Speciaal basisonderwijs", "VMBO/HAVO", "MBO"), or null if unknown. */
export function sectorFrom(raw: string): SchoolSector | null {
  const v = raw.trim().toLowerCase().replace(/\s+/g, " ");
  for (const [re, s] of SECTOR_WORDS) if (re.test(v)) return s;
  return null;
}

/** Lowercase, accents folded, single spaces: the form `searchText` is stored and searched in. */
export function foldText(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9@.\- ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The stored search text of an organisation: name, code and place. */
export function searchTextOf(o: { name: string; code?: string | null; place?: string | null }): string {
  return foldText([o.name, o.code ?? "", o.place ?? ""].join(" "));
}

// Mail providers shared by everyone: a domain of theirs says nothing about an organisation.
export const SHARED_MAIL_DOMAINS = new Set([
  "gmail.com",
  "googlemail.com",
  "hotmail.com",
  "hotmail.nl",
  "outlook.com",
  "outlook.nl",
  "live.nl",
  "live.com",
  "msn.com",
  "icloud.com",
  "me.com",
  "yahoo.com",
  "yahoo.nl",
  "ziggo.nl",
  "kpnmail.nl",
  "kpnplanet.nl",
  "planet.nl",
  "hetnet.nl",
  "home.nl",
  "xs4all.nl",
  "casema.nl",
  "upcmail.nl",
  "proton.me",
  "protonmail.com",
]);

/** An e-mail domain or website ("https://www.klimop.nl/contact", "@klimop.nl") as a domain, or an error. */
export function checkDomain(raw: string): { domain: string } | { error: string } {
  let v = raw.trim().toLowerCase();
  v = v.replace(/^[a-z]+:\/\//, "").replace(/^@/, "");
  v = v.split(/[/?#]/)[0]!.replace(/^www\./, "");
  if (!/^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}$/.test(v))
    return { error: `"${raw.trim()}" is geen geldig domein (zoals school.nl).` };
  if (SHARED_MAIL_DOMAINS.has(v))
    return { error: `${v} is een algemene maildienst en hoort niet bij één organisatie.` };
  return { domain: v };
}

/** The domain part of an e-mail address, lowercased. */
export const emailDomain = (email: string) => email.split("@").pop()!.trim().toLowerCase();
