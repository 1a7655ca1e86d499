// The Dutch texts a protocol rule shows, built from its data: the threshold in words, and titles and explanations
// with {placeholders} filled from the threshold (a text may not type a threshold number itself).
import type { CountingRule, LeaveRule, ProtocolRule } from "./definition";

const DAYS_PER_WEEK = 7;

/** A number the Dutch way (decimal comma). */
export function formatNumber(n: number): string {
  return String(Math.round(n * 100) / 100).replace(".", ",");
}

/** A window length in words: whole weeks as "4 weken", otherwise days. */
export function describePeriod(days: number): string {
  if (days % DAYS_PER_WEEK === 0) {
    const weeks = days / DAYS_PER_WEEK;
    return weeks === 1 ? "1 week" : `${weeks} weken`;
  }
  return days === 1 ? "1 dag" : `${days} dagen`;
}

/** A rolling window in words: whole weeks are lesweken (holiday weeks do not count), e.g. "4 lesweken". */
export function describeLesweken(days: number): string {
  if (days % DAYS_PER_WEEK !== 0) return describePeriod(days);
  const weeks = days / DAYS_PER_WEEK;
  return weeks === 1 ? "1 lesweek" : `${weeks} lesweken`;
}

/** Whole weeks that a run of school days goes beyond: 21 school days is "longer than 4 weeks". */
export function weeksExceeded(schoolDays: number): number {
  return Math.floor((schoolDays - 1) / 5);
}

const times = (n: number) => `${formatNumber(n)} keer`;
const schoolDaysText = (n: number) => (n === 1 ? "1 schooldag" : `${formatNumber(n)} schooldagen`);
const weeksText = (n: number) => (n === 1 ? "1 week" : `${n} weken`);

/** When vakantieverlof may not fall, in words, e.g. "in de 2 weken voor of na de zomervakantie"; null if never blocked. */
export function describeSummerBlock(rule: LeaveRule): string | null {
  const { blockedWeeksBeforeSummer: before, blockedWeeksAfterSummer: after } = rule.leave;
  if (before > 0 && after > 0)
    return before === after
      ? `in de ${weeksText(before)} voor of na de zomervakantie`
      : `in de ${weeksText(before)} voor of de ${weeksText(after)} na de zomervakantie`;
  if (before > 0) return `in de laatste ${weeksText(before)} voor de zomervakantie`;
  if (after > 0) return `in de eerste ${after === 1 ? "lesweek" : `${after} lesweken`} van het schooljaar`;
  return null;
}

/** The threshold of a rule in plain Dutch, built from the data (e.g. "16 uur of meer ongeoorloofd verzuim binnen 4 weken"). */
export function describeThreshold(rule: ProtocolRule): string {
  const within = (r: CountingRule) =>
    r.window === "rolling" && r.threshold.windowDays !== undefined
      ? ` binnen ${describeLesweken(r.threshold.windowDays)}`
      : "";
  switch (rule.kind) {
    case "late":
      return `${times(rule.threshold.count)} te laat${within(rule)}`;
    case "truancy":
      return `${times(rule.threshold.count)} gespijbeld${within(rule)}`;
    case "unexcused-hours":
      return `${formatNumber(rule.threshold.hours)} uur of meer ongeoorloofd verzuim${within(rule)}`;
    case "sick-hours":
      return `${formatNumber(rule.threshold.hours)} uur ziekteverzuim${within(rule)}`;
    case "continuous-absence":
      if (rule.threshold.schoolDays !== undefined) {
        const n = rule.threshold.schoolDays;
        return `langer dan ${weeksText(weeksExceeded(n))} aaneengesloten ongeoorloofd afwezig (${schoolDaysText(n)} of meer achter elkaar)`;
      }
      return `${describePeriod(rule.threshold.windowDays!)} aaneengesloten ongeoorloofd afwezig`;
    case "leave": {
      const parts: string[] = [];
      const t = rule.threshold ?? {};
      if (t.maxSchoolDays !== undefined) parts.push(`hoogstens ${schoolDaysText(t.maxSchoolDays)}`);
      if (t.moreThanSchoolDays !== undefined) parts.push(`meer dan ${schoolDaysText(t.moreThanSchoolDays)}`);
      if (rule.leave.oncePerSchoolYear) parts.push("1 keer per schooljaar");
      else if (parts.length && rule.leave.request === "gewichtige-omstandigheden")
        parts[parts.length - 1] += " per schooljaar";
      const block = describeSummerBlock(rule);
      if (block) parts.push(`niet ${block}`);
      if (rule.leave.refuseWhenAdjoiningHoliday)
        parts.push("verlof dat aansluit op een schoolvakantie wordt niet gegeven");
      return parts.join(", ");
    }
  }
}

/** The values a title or explanation may use as {placeholder}. */
function placeholders(rule: ProtocolRule): Record<string, string> {
  const values: Record<string, string> = { threshold: describeThreshold(rule) };
  switch (rule.kind) {
    case "late":
    case "truancy":
      values.count = formatNumber(rule.threshold.count);
      break;
    case "unexcused-hours":
    case "sick-hours":
      values.hours = formatNumber(rule.threshold.hours);
      break;
    case "continuous-absence":
      if (rule.threshold.schoolDays !== undefined) {
        values.schoolDays = formatNumber(rule.threshold.schoolDays);
        values.weeks = String(weeksExceeded(rule.threshold.schoolDays));
      }
      break;
    case "leave": {
      const days = rule.threshold?.maxSchoolDays ?? rule.threshold?.moreThanSchoolDays;
      if (days !== undefined) values.schoolDays = formatNumber(days);
      values.weeksBefore = String(rule.leave.blockedWeeksBeforeSummer);
      values.weeksAfter = String(rule.leave.blockedWeeksAfterSummer);
      const block = describeSummerBlock(rule);
      if (block) values.summerBlock = block;
      break;
    }
  }
  if (rule.kind !== "leave" && rule.threshold.windowDays !== undefined) {
    values.period =
      rule.kind !== "continuous-absence" && rule.window === "rolling"
        ? describeLesweken(rule.threshold.windowDays)
        : describePeriod(rule.threshold.windowDays);
    values.days = formatNumber(rule.threshold.windowDays);
  }
  return values;
}

/** The numbers of a rule's threshold, which a text must not type itself. */
function thresholdNumbers(rule: ProtocolRule): number[] {
  if (rule.kind === "leave")
    return [
      rule.threshold?.maxSchoolDays,
      rule.threshold?.moreThanSchoolDays,
      rule.leave.blockedWeeksBeforeSummer || undefined,
      rule.leave.blockedWeeksAfterSummer || undefined,
    ].filter((n): n is number => n !== undefined);
  const t = rule.threshold as { count?: number; hours?: number; windowDays?: number; schoolDays?: number };
  const out = [t.count, t.hours, t.windowDays, t.schoolDays].filter((n): n is number => n !== undefined);
  if (t.schoolDays !== undefined) out.push(weeksExceeded(t.schoolDays));
  if (t.windowDays !== undefined && t.windowDays % DAYS_PER_WEEK === 0) out.push(t.windowDays / DAYS_PER_WEEK);
  return out;
}

const PLACEHOLDER = /\{([a-zA-Z]+)\}/g;

/** Why a title or explanation template does not fit its rule (unknown placeholder, typed number), or null. */
export function templateProblem(rule: ProtocolRule, template: string): string | null {
  const values = placeholders(rule);
  for (const m of template.matchAll(PLACEHOLDER)) {
    if (!(m[1] in values))
      return `unknown placeholder {${m[1]}}; this rule knows ${Object.keys(values)
        .map((k) => `{${k}}`)
        .join(", ")}`;
  }
  const bare = template.replace(PLACEHOLDER, "");
  for (const n of thresholdNumbers(rule)) {
    const literal = formatNumber(n);
    if (new RegExp(`(^|[^0-9,])${literal.replace(",", "\\,")}(?![0-9])`).test(bare))
      return `contains the threshold number ${literal} as text; use a placeholder such as {count}, {hours}, {period} or {schoolDays}`;
  }
  return null;
}

/** Fills a rule's {placeholders} from its threshold. */
export function renderRuleText(rule: ProtocolRule, template: string): string {
  const values = placeholders(rule);
  return template.replace(PLACEHOLDER, (all, key: string) => values[key] ?? all);
}
