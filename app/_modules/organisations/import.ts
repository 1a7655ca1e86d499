// Import of organisations from a CSV file in the column layout of DUO's open data on school addresses
// ("Adressen onderwijslocaties"), plus a few columns of our own for municipalities, vendors and other organisations.
// Idempotent: an organisation is recognised by kind and code; running the same file twice changes nothing.
// A row with any bad field is refused as a whole (line number, column, reason) and stores nothing.
import "server-only";
import type { Db } from "@/app/_core/db";
import { newId } from "@/app/_core/ids";
import { containsPersonalNumber } from "@/app/_modules/privacy/personal-number";
import {
  checkCode,
  checkDomain,
  municipalityCode,
  normaliseCode,
  searchTextOf,
  sectorFrom,
  type OrganisationKind,
  type SchoolSector,
} from "./codes";

/**
 * Supported columns (header names, case-insensitive; separator `;` as DUO writes it, or `,`). The first name is
 * DUO's; the others are accepted aliases.
 */
export const IMPORT_COLUMNS = {
  kind: ["SOORT ORGANISATIE", "ORGANISATIESOORT"],
  brin: ["BRIN NUMMER", "BRINNUMMER", "INSTELLINGSCODE"],
  vestiging: ["VESTIGINGSNUMMER", "VESTIGINGSCODE"],
  name: ["VESTIGINGSNAAM", "INSTELLINGSNAAM", "NAAM"],
  place: ["PLAATSNAAM", "PLAATS"],
  sector: ["ONDERWIJSSOORT", "SOORT PRIMAIR ONDERWIJS", "ONDERWIJSSTRUCTUUR", "SECTOR"],
  bestuurCode: ["BEVOEGD GEZAG NUMMER", "BEVOEGD GEZAG"],
  bestuurName: ["BEVOEGD GEZAG NAAM"],
  municipalityCode: ["GEMEENTENUMMER", "GEMEENTECODE"],
  municipalityName: ["GEMEENTENAAM"],
  website: ["INTERNETADRES", "WEBSITE"],
  domains: ["E-MAILDOMEINEN", "E-MAILDOMEIN"],
  kvk: ["KVK NUMMER", "KVK-NUMMER", "KVK"],
} as const;
type Column = keyof typeof IMPORT_COLUMNS;

export type ImportReport = {
  added: { line: number; kind: OrganisationKind; code: string | null; name: string }[];
  changed: { line: number; kind: OrganisationKind; code: string | null; name: string; fields: string[] }[];
  unchanged: number;
  refused: { line: number; field: string; message: string }[];
};

/** Parses CSV text (RFC 4180 quotes, `;` or `,` as found in the header line) into rows of cells with line numbers. */
export function parseCsv(text: string): { line: number; cells: string[] }[] {
  const src = text.replace(/^\uFEFF/, "");
  const firstLine = src.split(/\r?\n/, 1)[0] ?? "";
  const sep = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === "\n") line++;
        cell += c;
      }
    } else if (c === '"' && cell === "") quoted = true;
    else if (c === sep) {
      cells.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && src[i + 1] === "\n") i++;
      cells.push(cell);
      if (cells.some((x) => x.trim() !== "")) rows.push({ line: rowLine, cells });
      cells = [];
      cell = "";
      line++;
      rowLine = line;
    } else cell += c;
  }
  cells.push(cell);
  if (cells.some((x) => x.trim() !== "")) rows.push({ line: rowLine, cells });
  return rows;
}

type Planned = {
  kind: OrganisationKind;
  code: string | null;
  name: string;
  place: string | null;
  sector: SchoolSector | null;
  domains: string[];
  bestuur?: { code: string; name: string | null };
  municipality?: { code: string; name: string | null };
};

type RowError = { field: string; message: string };

const KIND_WORDS: Record<string, OrganisationKind> = {
  school: "school",
  bestuur: "bestuur",
  schoolbestuur: "bestuur",
  "bevoegd gezag": "bestuur",
  gemeente: "gemeente",
  leverancier: "leverancier",
  softwareleverancier: "leverancier",
  anders: "anders",
};

function planRow(get: (c: Column) => string, header: (c: Column) => string): Planned | RowError {
  for (const c of Object.keys(IMPORT_COLUMNS) as Column[]) {
    const v = get(c);
    if (v.length > 300) return { field: header(c), message: "De waarde is te lang (meer dan 300 tekens)." };
    if (containsPersonalNumber(v))
      return { field: header(c), message: "Hier staat een BSN of onderwijsnummer; dat nemen we nooit over." };
  }
  const kindWord = get("kind").toLowerCase();
  const kind: OrganisationKind | undefined = kindWord ? KIND_WORDS[kindWord] : "school";
  if (!kind)
    return {
      field: header("kind"),
      message: `"${get("kind")}" is geen soort die we kennen (school, bestuur, gemeente, leverancier, anders).`,
    };
  const name = get("name").replace(/\s+/g, " ");
  if (name.length < 2) return { field: header("name"), message: "De naam ontbreekt." };
  const place = get("place") || null;

  let code: string | null = null;
  let sector: SchoolSector | null = null;
  if (kind === "school") {
    const brin = normaliseCode(get("brin"));
    let vest = normaliseCode(get("vestiging"));
    if (vest.startsWith(brin) && vest.length === brin.length + 2) vest = vest.slice(brin.length);
    if (vest && !/^[0-9]{2}$/.test(vest))
      return { field: header("vestiging"), message: "Een vestigingsnummer is 2 cijfers (bijvoorbeeld 01)." };
    const checked = checkCode("school", brin + vest);
    if ("error" in checked) return { field: header("brin"), message: checked.error };
    code = checked.code;
    sector = sectorFrom(get("sector"));
    if (!sector)
      return {
        field: header("sector"),
        message: get("sector")
          ? `"${get("sector")}" is geen onderwijssoort die we kennen (po, so, vo, mbo of DUO's benaming).`
          : "De onderwijssoort ontbreekt.",
      };
  } else if (kind === "bestuur") {
    const checked = checkCode("bestuur", get("bestuurCode"));
    if ("error" in checked) return { field: header("bestuurCode"), message: checked.error };
    code = checked.code;
  } else if (kind === "gemeente") {
    const gm = get("municipalityCode") ? municipalityCode(get("municipalityCode")) : null;
    if (!gm)
      return {
        field: header("municipalityCode"),
        message: "Een gemeentecode is GM met 4 cijfers (bijvoorbeeld GM0363).",
      };
    code = gm;
  } else if (kind === "leverancier") {
    const checked = checkCode("leverancier", get("kvk"));
    if ("error" in checked) return { field: header("kvk"), message: checked.error };
    code = checked.code;
  }

  const domains: string[] = [];
  const rawDomains = [get("website"), ...get("domains").split(/[\s,|]+/)].filter(Boolean);
  for (const d of rawDomains) {
    const checked = checkDomain(d);
    if ("error" in checked) {
      // A website on a shared host says nothing; only a malformed value is an error.
      if (/algemene maildienst/.test(checked.error)) continue;
      return { field: header(d === get("website") ? "website" : "domains"), message: checked.error };
    }
    if (!domains.includes(checked.domain)) domains.push(checked.domain);
  }

  const plan: Planned = { kind, code, name, place, sector, domains };
  if (kind === "school" || kind === "bestuur") {
    const bg = get("bestuurCode");
    if (kind === "school" && bg) {
      const checked = checkCode("bestuur", bg);
      if ("error" in checked) return { field: header("bestuurCode"), message: checked.error };
      plan.bestuur = { code: checked.code!, name: get("bestuurName") || null };
    }
  }
  if (kind !== "gemeente" && get("municipalityCode")) {
    const gm = municipalityCode(get("municipalityCode"));
    if (!gm)
      return {
        field: header("municipalityCode"),
        message: "Een gemeentecode is GM met 4 cijfers (bijvoorbeeld GM0363).",
      };
    plan.municipality = { code: gm, name: get("municipalityName") ? `Gemeente ${get("municipalityName")}` : null };
  }
  return plan;
}

type OrgRow = {
  id: string;
  kind: string;
  code: string | null;
  name: string;
  place: string | null;
  sector: string | null;
  bestuurId: string | null;
  municipalityId: string | null;
  mergedIntoId: string | null;
};

/**
 * Imports CSV text; returns what was added, changed, left alone and refused. Reads every organisation and domain
 * once, decides in memory, then writes all additions and changes in one transaction (a 5,000-row DUO file is a few
 * statements per changed row, not per row).
 */
export async function importOrganisations(db: Db, text: string): Promise<ImportReport> {
  const report: ImportReport = { added: [], changed: [], unchanged: 0, refused: [] };
  const rows = parseCsv(text);
  if (!rows.length) {
    report.refused.push({ line: 1, field: "bestand", message: "Het bestand is leeg." });
    return report;
  }
  const head = rows[0]!.cells.map((h) => h.trim().toUpperCase().replace(/\s+/g, " "));
  const index = {} as Record<Column, number>;
  for (const c of Object.keys(IMPORT_COLUMNS) as Column[])
    index[c] = head.findIndex((h) => (IMPORT_COLUMNS[c] as readonly string[]).includes(h));
  if (index.name < 0) {
    report.refused.push({ line: 1, field: "kopregel", message: "De kolom VESTIGINGSNAAM (of NAAM) ontbreekt." });
    return report;
  }
  const header = (c: Column) => (index[c] >= 0 ? rows[0]!.cells[index[c]]!.trim() : IMPORT_COLUMNS[c][0]);

  // Everything there is, in memory.
  const all = await db.organisation.findMany({
    select: {
      id: true,
      kind: true,
      code: true,
      name: true,
      place: true,
      sector: true,
      bestuurId: true,
      municipalityId: true,
      mergedIntoId: true,
    },
  });
  const byId = new Map<string, OrgRow>(all.map((o) => [o.id, o]));
  const key = (kind: string, code: string | null, name: string) => (code ? `${kind}|${code}` : `${kind}||${name}`);
  const byKey = new Map<string, OrgRow>(all.map((o) => [key(o.kind, o.code, o.name), o]));
  const domainOwner = new Map(
    (await db.organisationDomain.findMany({ select: { domain: true, organisationId: true } })).map((d) => [
      d.domain,
      d.organisationId,
    ]),
  );
  const live = (o: OrgRow | undefined) => {
    for (let hops = 0; o?.mergedIntoId && hops < 5; hops++) o = byId.get(o.mergedIntoId);
    return o;
  };

  const creates: OrgRow[] = [];
  const created = new Set<string>();
  const updates = new Map<string, Partial<OrgRow> & { searchText?: string }>();
  const newDomains: { domain: string; organisationId: string }[] = [];
  const touch = (o: OrgRow, data: Partial<OrgRow>) => {
    Object.assign(o, data);
    if (created.has(o.id)) return;
    updates.set(o.id, { ...updates.get(o.id), ...data, searchText: searchTextOf(o) });
  };
  const create = (o: Omit<OrgRow, "id" | "mergedIntoId">): OrgRow => {
    const row: OrgRow = { ...o, id: newId(), mergedIntoId: null };
    creates.push(row);
    created.add(row.id);
    byId.set(row.id, row);
    byKey.set(key(row.kind, row.code, row.name), row);
    return row;
  };
  const parent = (kind: OrganisationKind, ref: { code: string; name: string | null }, fallback: string) => {
    const found = live(byKey.get(key(kind, ref.code, "")));
    const name = ref.name ?? fallback;
    if (found) {
      // A school row names its bestuur and municipality only to create them: their own rows are authoritative,
      // so a name here replaces only the placeholder made when the name was not known.
      if (ref.name && found.name === fallback && found.name !== name) touch(found, { name });
      return found.id;
    }
    const base = { kind, code: ref.code, name, place: null, sector: null, bestuurId: null, municipalityId: null };
    return create(base).id;
  };

  for (const row of rows.slice(1)) {
    const get = (c: Column) => (index[c] >= 0 ? (row.cells[index[c]] ?? "").trim() : "");
    const plan = planRow(get, header);
    if ("message" in plan) {
      report.refused.push({ line: row.line, ...plan });
      continue;
    }
    const existing = live(byKey.get(key(plan.kind, plan.code, plan.name)));
    // Domains already held by another organisation: refuse the row rather than move them silently.
    const taken = plan.domains.find((d) => domainOwner.has(d) && domainOwner.get(d) !== existing?.id);
    if (taken) {
      report.refused.push({
        line: row.line,
        field: header(get("website") ? "website" : "domains"),
        message: `Het domein ${taken} hoort al bij een andere organisatie.`,
      });
      continue;
    }
    const bestuurId = plan.bestuur ? parent("bestuur", plan.bestuur, `Schoolbestuur ${plan.bestuur.code}`) : null;
    const municipalityId = plan.municipality
      ? parent("gemeente", plan.municipality, `Gemeente ${plan.municipality.code}`)
      : null;
    const data = {
      name: plan.name,
      place: plan.place,
      sector: plan.sector,
      ...(plan.bestuur ? { bestuurId } : {}),
      ...(plan.municipality ? { municipalityId } : {}),
    };
    const missing = plan.domains.filter((d) => !domainOwner.has(d));
    if (!existing) {
      const o = create({ kind: plan.kind, code: plan.code, bestuurId: null, municipalityId: null, ...data });
      for (const domain of missing) {
        domainOwner.set(domain, o.id);
        newDomains.push({ domain, organisationId: o.id });
      }
      report.added.push({ line: row.line, kind: plan.kind, code: plan.code, name: plan.name });
      continue;
    }
    const fields: string[] = [];
    if (existing.name !== plan.name) fields.push("naam");
    if ((existing.place ?? null) !== plan.place) fields.push("plaats");
    if ((existing.sector ?? null) !== plan.sector) fields.push("sector");
    if (plan.bestuur && existing.bestuurId !== bestuurId) fields.push("bestuur");
    if (plan.municipality && existing.municipalityId !== municipalityId) fields.push("gemeente");
    if (missing.length) fields.push("e-maildomeinen");
    if (!fields.length) {
      report.unchanged++;
      continue;
    }
    touch(existing, data);
    for (const domain of missing) {
      domainOwner.set(domain, existing.id);
      newDomains.push({ domain, organisationId: existing.id });
    }
    if (!created.has(existing.id))
      report.changed.push({ line: row.line, kind: plan.kind, code: plan.code, name: plan.name, fields });
    else report.unchanged++;
  }

  // Parents (besturen, municipalities) first, so the schools' references hold at every statement.
  const rank = (o: OrgRow) => (o.kind === "gemeente" ? 0 : o.kind === "bestuur" ? 1 : 2);
  const ordered = [...creates].sort((x, y) => rank(x) - rank(y));
  const batches = [0, 1, 2].map((r) => ordered.filter((o) => rank(o) === r)).filter((b) => b.length);
  await db.$transaction([
    ...batches.map((b) =>
      db.organisation.createMany({
        data: b.map(({ mergedIntoId: _m, ...o }) => ({ ...o, searchText: searchTextOf(o) })),
      }),
    ),
    ...[...updates].map(([id, data]) => db.organisation.update({ where: { id }, data })),
    ...(newDomains.length ? [db.organisationDomain.createMany({ data: newDomains })] : []),
  ]);
  return report;
}
