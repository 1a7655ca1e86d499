// An absence protocol as data (content/protocols/*.yaml): the file schema, `extends` resolution and look-ups.
// Thresholds exist only in the data: titles and explanations carry placeholders such as {hours} that are filled
// from the threshold (rule-text.ts); what a page shows for a rule is in rule-view.ts.
import YAML from "yaml";
import { z } from "zod";
import { ContentError } from "../../content/errors";
import { isIsoDate } from "./dates";
import { templateProblem } from "./rule-text";

export const RULE_KINDS = ["late", "truancy", "unexcused-hours", "continuous-absence", "sick-hours", "leave"] as const;
export type RuleKind = (typeof RULE_KINDS)[number];
export const LEAVE_KINDS = ["vakantieverlof", "gewichtige-omstandigheden"] as const;
export type LeaveKind = (typeof LEAVE_KINDS)[number];
export const LEAVE_DECIDERS = ["afdelingsleider", "leerplichtambtenaar"] as const;
export type LeaveDecider = (typeof LEAVE_DECIDERS)[number];
export type Basis = "law" | "school";

// ---------------------------------------------------------------------------------------------
// File schema

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "expected a lowercase id with dashes, e.g. late-3");
const positiveInt = z.number().int().positive();
const text = (min: number) => z.string().trim().min(min, `expected a text of at least ${min} characters`);

const actionSchema = z.strictObject({ action: text(3), actor: text(2) });

/**
 * Where a rule comes from: an article of law or a government page (with its URL), or the section of a school's
 * protocol (with the school and the year). Every rendered threshold shows and links it.
 */
const sourceSchema = z.strictObject({
  label: text(5),
  url: z
    .string()
    .regex(/^https:\/\/[^\s]+$/, "expected an https:// address")
    .optional(),
});
export type RuleSource = z.infer<typeof sourceSchema>;

/** Hosts of law texts and government pages: the only sources a `basis: law` rule may cite. */
export const LAW_SOURCE_HOSTS = [
  "wetten.overheid.nl",
  "zoek.officielebekendmakingen.nl",
  "www.rijksoverheid.nl",
  "www.duo.nl",
  "duo.nl",
  "www.onderwijsinspectie.nl",
] as const;

/** True when the address is a page of a law text or a government body (see LAW_SOURCE_HOSTS). */
export function isLawSourceUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === "https:" && (LAW_SOURCE_HOSTS as readonly string[]).includes(u.hostname);
  } catch {
    return false;
  }
}

const isoDay = z.string().refine(isIsoDate, "expected a real date written as YYYY-MM-DD, e.g. 2027-08-01");

const ruleBase = {
  id: slug,
  /**
   * The first and last day (inclusive) this version of the rule is in force; absent = from the beginning / with
   * no end. Several entries with one id and periods that do not overlap are versions of one rule.
   */
  validFrom: isoDay.optional(),
  validUntil: isoDay.optional(),
  title: text(3),
  basis: z.enum(["law", "school"]),
  actions: z.array(actionSchema).min(1, "a rule needs at least one action"),
  explanation: text(20),
  source: sourceSchema,
};

const countThreshold = z.strictObject({ count: positiveInt, windowDays: positiveInt.optional() });
const hoursThreshold = z.strictObject({ hours: z.number().positive(), windowDays: positiveInt.optional() });
const countingWindow = z.enum(["school-year", "rolling"]);

const lateRule = z.strictObject({
  ...ruleBase,
  kind: z.literal("late"),
  threshold: countThreshold,
  window: countingWindow,
});
const truancyRule = z.strictObject({
  ...ruleBase,
  kind: z.literal("truancy"),
  threshold: countThreshold,
  window: countingWindow,
});
const unexcusedHoursRule = z.strictObject({
  ...ruleBase,
  kind: z.literal("unexcused-hours"),
  threshold: hoursThreshold,
  window: countingWindow,
});
const sickHoursRule = z.strictObject({
  ...ruleBase,
  kind: z.literal("sick-hours"),
  threshold: hoursThreshold,
  window: countingWindow,
});
/**
 * Continuous absence: unexcused on every school day of `windowDays` non-holiday calendar days, or of at least
 * `schoolDays` school days in a row (holidays skipped either way). Exactly one of the two.
 */
const continuousRule = z.strictObject({
  ...ruleBase,
  kind: z.literal("continuous-absence"),
  threshold: z.strictObject({ windowDays: positiveInt.optional(), schoolDays: positiveInt.optional() }),
  window: z.literal("consecutive"),
});
const leaveRule = z.strictObject({
  ...ruleBase,
  kind: z.literal("leave"),
  threshold: z
    .strictObject({
      maxSchoolDays: positiveInt.optional(),
      moreThanSchoolDays: z.number().int().nonnegative().optional(),
    })
    .optional(),
  window: z.literal("school-year").default("school-year"),
  leave: z.strictObject({
    /** Which request the rule judges; `any` applies to every kind of leave. */
    request: z.enum([...LEAVE_KINDS, "any"]),
    /** Who decides when this rule applies; null for a rule that only refuses. */
    decidedBy: z.enum(LEAVE_DECIDERS).nullable(),
    oncePerSchoolYear: z.boolean().default(false),
    blockedWeeksBeforeSummer: z.number().int().nonnegative().default(0),
    blockedWeeksAfterSummer: z.number().int().nonnegative().default(0),
    refuseWhenAdjoiningHoliday: z.boolean().default(false),
  }),
});

const ruleUnion = z.discriminatedUnion(
  "kind",
  [lateRule, truancyRule, unexcusedHoursRule, sickHoursRule, continuousRule, leaveRule],
  { error: `unknown kind; expected one of ${RULE_KINDS.join(", ")}` },
);
export type ProtocolRule = z.infer<typeof ruleUnion>;

export const ruleSchema = ruleUnion.superRefine((rule, ctx) => {
  if (rule.validFrom && rule.validUntil && rule.validUntil < rule.validFrom)
    ctx.addIssue({
      code: "custom",
      path: ["validUntil"],
      message: `validUntil (${rule.validUntil}) lies before validFrom (${rule.validFrom})`,
    });
  if (rule.kind === "leave") {
    const t = rule.threshold ?? {};
    if (t.maxSchoolDays !== undefined && t.moreThanSchoolDays !== undefined)
      ctx.addIssue({
        code: "custom",
        path: ["threshold"],
        message: "use either maxSchoolDays or moreThanSchoolDays, not both",
      });
    if (rule.leave.refuseWhenAdjoiningHoliday && rule.leave.decidedBy !== null)
      ctx.addIssue({
        code: "custom",
        path: ["leave", "decidedBy"],
        message: "a rule that refuses leave has decidedBy: null",
      });
    if (!rule.leave.refuseWhenAdjoiningHoliday && rule.leave.decidedBy === null)
      ctx.addIssue({
        code: "custom",
        path: ["leave", "decidedBy"],
        message: "expected afdelingsleider or leerplichtambtenaar",
      });
  } else if (rule.kind === "continuous-absence") {
    if ((rule.threshold.windowDays === undefined) === (rule.threshold.schoolDays === undefined))
      ctx.addIssue({ code: "custom", path: ["threshold"], message: "use either windowDays or schoolDays" });
  } else {
    if (rule.window === "rolling" && rule.threshold.windowDays === undefined)
      ctx.addIssue({ code: "custom", path: ["threshold", "windowDays"], message: "a rolling window needs windowDays" });
    if (rule.window === "school-year" && rule.threshold.windowDays !== undefined)
      ctx.addIssue({
        code: "custom",
        path: ["threshold", "windowDays"],
        message: "windowDays only fits window: rolling",
      });
  }
  if (rule.basis === "law" && !isLawSourceUrl(rule.source.url))
    ctx.addIssue({
      code: "custom",
      path: ["source", "url"],
      message: `a law rule needs the address of the law text or a government page (${LAW_SOURCE_HOSTS.join(", ")})`,
    });
  for (const field of ["title", "explanation"] as const) {
    const problem = templateProblem(rule, rule[field]);
    if (problem) ctx.addIssue({ code: "custom", path: [field], message: problem });
  }
});

export const protocolFileSchema = z.strictObject({
  id: slug,
  name: text(3),
  description: z.string().optional(),
  extends: slug.optional(),
  /** The portal's default protocol (exactly one file sets this). */
  default: z.boolean().default(false),
  source: z.string().optional(),
  /** The school whose protocol this is; school rules show it as "Schoolbeleid <school>". */
  school: text(2).optional(),
  rules: z.array(ruleSchema).default([]),
});

export type CountingRule = Exclude<ProtocolRule, { kind: "leave" }>;
export type LeaveRule = Extract<ProtocolRule, { kind: "leave" }>;
export type RuleAction = z.infer<typeof actionSchema>;
/** A validated protocol file; `file` is where it came from (for error messages). */
export type ProtocolDefinition = z.infer<typeof protocolFileSchema> & { file?: string };
/** A rule after `extends` resolution; `definedIn` is the protocol whose file holds it, `school` that file's school. */
export type ResolvedRule = ProtocolRule & { definedIn: string; school?: string };

export type ResolvedProtocol = {
  id: string;
  name: string;
  description?: string;
  extends?: string;
  isDefault: boolean;
  file?: string;
  /** The protocol and its ancestors, nearest first. */
  chain: string[];
  /** The rule versions in force on the day the set was resolved for (see protocolAt in periods.ts for another day). */
  rules: ResolvedRule[];
  /** Every version of every rule (with validFrom/validUntil), in the same stable order. */
  versions: ResolvedRule[];
};

// ---------------------------------------------------------------------------------------------
// Errors

/** A protocol file that does not validate; the message names the file, the rule and the field. */
export class ProtocolFileError extends ContentError {
  constructor(
    file: string,
    readonly ruleId: string | null,
    field: string,
    readonly detail: string,
  ) {
    super(file, field, detail);
    this.name = "ProtocolFileError";
    this.message = `${file}: ${ruleId ? `regel ${ruleId}: ` : ""}${field ? `veld ${field}: ` : ""}${detail}`;
  }
}

type Issue = { code?: string; path: PropertyKey[]; message: string; keys?: string[] };

function errorFromIssue(file: string, raw: unknown, issue: Issue): ProtocolFileError {
  const path = issue.path.map((p) => (typeof p === "symbol" ? p.toString() : p));
  const keys = issue.code === "unrecognized_keys" && issue.keys?.length ? issue.keys : null;
  if (path[0] === "rules" && typeof path[1] === "number") {
    const rawRule = (raw as { rules?: unknown[] })?.rules?.[path[1]] as { id?: unknown } | undefined;
    const ruleId = typeof rawRule?.id === "string" && rawRule.id ? rawRule.id : `#${path[1] + 1}`;
    const field = [...path.slice(2), ...(keys ? [keys[0]] : [])].join(".");
    return new ProtocolFileError(file, ruleId, field, issue.message);
  }
  const field = [...path, ...(keys ? [keys[0]] : [])].join(".");
  return new ProtocolFileError(file, null, field, issue.message);
}

// ---------------------------------------------------------------------------------------------
// Parsing and resolution

/** Parses and validates one protocol file (YAML); throws ProtocolFileError naming file, rule and field. */
export function parseProtocolFile(text: string, fileName: string): ProtocolDefinition {
  let raw: unknown;
  try {
    raw = YAML.parse(text, { maxAliasCount: 1000 });
  } catch (e) {
    throw new ProtocolFileError(fileName, null, "", `not valid YAML: ${(e as Error).message}`);
  }
  if (raw && typeof raw === "object" && !Array.isArray(raw)) {
    // Top-level keys starting with "x-" hold YAML anchors shared by rules; they are not part of the protocol.
    raw = Object.fromEntries(Object.entries(raw).filter(([k]) => !k.startsWith("x-")));
  }
  const parsed = protocolFileSchema.safeParse(raw);
  if (!parsed.success) throw errorFromIssue(fileName, raw, parsed.error.issues[0] as Issue);
  const def = parsed.data;
  const base = fileName
    .split(/[\\/]/)
    .pop()!
    .replace(/\.ya?ml$/i, "");
  if (/\.ya?ml$/i.test(fileName) && base !== def.id)
    throw new ProtocolFileError(fileName, null, "id", `the id "${def.id}" must equal the file name "${base}"`);
  const seen = new Map<string, ProtocolRule[]>();
  for (const rule of def.rules) {
    if (rule.basis === "school" && !def.school)
      throw new ProtocolFileError(
        fileName,
        rule.id,
        "basis",
        "a school rule belongs in a school's protocol (a file with school: …)",
      );
    const earlier = seen.get(rule.id) ?? [];
    for (const other of earlier) {
      if (other.kind !== rule.kind)
        throw new ProtocolFileError(fileName, rule.id, "kind", "all versions of a rule have the same kind");
      if (periodsOverlap(other, rule))
        throw new ProtocolFileError(
          fileName,
          rule.id,
          other.validFrom || other.validUntil || rule.validFrom || rule.validUntil ? "validFrom" : "id",
          other.validFrom || other.validUntil || rule.validFrom || rule.validUntil
            ? `the versions ${periodText(other)} and ${periodText(rule)} overlap; give each version its own period`
            : "this rule id occurs twice in the file (give each version validFrom/validUntil)",
        );
    }
    seen.set(rule.id, [...earlier, rule]);
  }
  return { ...def, file: fileName };
}

type Period = { validFrom?: string; validUntil?: string };

/** True when two (inclusive) validity periods share a day. */
export function periodsOverlap(a: Period, b: Period): boolean {
  const startsBeforeEnd = (x: Period, y: Period) => !x.validFrom || !y.validUntil || x.validFrom <= y.validUntil;
  return startsBeforeEnd(a, b) && startsBeforeEnd(b, a);
}

/** "2026-08-01 – 2027-07-31", with "begin" / "no end" for an open side. */
export function periodText(p: Period): string {
  return `${p.validFrom ?? "begin"} – ${p.validUntil ?? "no end"}`;
}

/** True when the rule version is in force on `day` (YYYY-MM-DD). */
export function inForce(p: Period, day: string): boolean {
  return (!p.validFrom || p.validFrom <= day) && (!p.validUntil || day <= p.validUntil);
}

/** Today as YYYY-MM-DD in the Netherlands (a rule changes at midnight Dutch time). */
export function todayIso(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(now);
}

/** Resolved protocols by id (a null-prototype object, so an id from a request cannot reach Object's members). */
export type ProtocolSet = Readonly<Record<string, ResolvedProtocol>>;
/** What the helpers below accept: the set from resolveProtocols, or a plain list. */
export type Protocols = ProtocolSet | readonly ResolvedProtocol[];

/**
 * Applies `extends` (a child adds rules or replaces them by id: a child's versions of a rule replace all of the
 * parent's versions of it); detects duplicates, unknown parents and cycles. `rules` holds the versions in force on
 * `day` (default: today in the Netherlands), `versions` all of them.
 */
export function resolveProtocols(defs: readonly ProtocolDefinition[], day: string = todayIso()): ProtocolSet {
  const byId = new Map<string, ProtocolDefinition>();
  for (const def of defs) {
    const other = byId.get(def.id);
    if (other)
      throw new ProtocolFileError(
        def.file ?? def.id,
        null,
        "id",
        `protocol "${def.id}" is also defined in ${other.file ?? "another file"}`,
      );
    byId.set(def.id, def);
  }
  const defaults = defs.filter((d) => d.default);
  if (defaults.length > 1)
    throw new ProtocolFileError(
      defaults[1].file ?? defaults[1].id,
      null,
      "default",
      `only one protocol can be the default (also: ${defaults[0].id})`,
    );

  const done = new Map<string, ResolvedProtocol>();
  const resolve = (def: ProtocolDefinition, visiting: string[]): ResolvedProtocol => {
    const cached = done.get(def.id);
    if (cached) return cached;
    if (visiting.includes(def.id))
      throw new ProtocolFileError(def.file ?? def.id, null, "extends", `cycle: ${[...visiting, def.id].join(" → ")}`);
    let inherited: ResolvedRule[] = [];
    let chain = [def.id];
    if (def.extends) {
      const parentDef = byId.get(def.extends);
      if (!parentDef)
        throw new ProtocolFileError(def.file ?? def.id, null, "extends", `unknown parent protocol "${def.extends}"`);
      const parent = resolve(parentDef, [...visiting, def.id]);
      inherited = parent.versions;
      chain = [def.id, ...parent.chain];
    }
    let rules = [...inherited];
    const replaced = new Set<string>();
    for (const rule of def.rules) {
      const own: ResolvedRule = { ...rule, definedIn: def.id, ...(def.school ? { school: def.school } : {}) };
      const parentVersion = rules.find((r) => r.id === rule.id && r.definedIn !== def.id);
      if (parentVersion && parentVersion.kind !== rule.kind)
        throw new ProtocolFileError(
          def.file ?? def.id,
          rule.id,
          "kind",
          `replaces a ${parentVersion.kind} rule of ${parentVersion.definedIn} with a ${rule.kind} rule`,
        );
      if (parentVersion && !replaced.has(rule.id)) {
        // The child's versions take the place of the parent's first version; the parent's others go.
        const at = rules.indexOf(parentVersion);
        rules = rules.filter((r, i) => i === at || r.id !== rule.id || r.definedIn === def.id);
        rules[rules.indexOf(parentVersion)] = own;
        replaced.add(rule.id);
      } else rules.push(own);
    }
    // A stable order by kind keeps ladders together whichever file a rule came from.
    const order = (r: ResolvedRule) => RULE_KINDS.indexOf(r.kind);
    const sorted = rules
      .map((r, i) => ({ r, i }))
      .sort((a, b) => order(a.r) - order(b.r) || a.i - b.i)
      .map((x) => x.r);
    const resolved: ResolvedProtocol = {
      id: def.id,
      name: def.name,
      ...(def.description !== undefined ? { description: def.description } : {}),
      ...(def.extends !== undefined ? { extends: def.extends } : {}),
      isDefault: def.default,
      ...(def.file !== undefined ? { file: def.file } : {}),
      chain,
      rules: sorted.filter((r) => inForce(r, day)),
      versions: sorted,
    };
    done.set(def.id, resolved);
    return resolved;
  };
  const set: Record<string, ResolvedProtocol> = Object.create(null);
  for (const d of defs) set[d.id] = resolve(d, []);
  return set;
}

/** The protocols of a set as a list, in file order. */
export function protocolList(protocols: Protocols): ResolvedProtocol[] {
  return Array.isArray(protocols) ? [...protocols] : Object.values(protocols as ProtocolSet);
}

/** The default protocol of a set (the one marked `default: true`, else the first); throws on an empty set. */
export function defaultProtocol(protocols: Protocols): ResolvedProtocol {
  const list = protocolList(protocols);
  const p = list.find((x) => x.isDefault) ?? list[0];
  if (!p) throw new Error("no protocols loaded");
  return p;
}

/** A protocol by id, or undefined. */
export function findProtocol(protocols: Protocols, id: string): ResolvedProtocol | undefined {
  return protocolList(protocols).find((p) => p.id === id);
}

/** A rule of a protocol by id, or undefined. */
export function findRule(protocol: ResolvedProtocol, ruleId: string): ResolvedRule | undefined {
  return protocol.rules.find((r) => r.id === ruleId);
}
