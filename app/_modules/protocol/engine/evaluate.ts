// The absence protocol engine: which rules of a protocol a pupil's events trigger, and whether a leave
// request fits the protocol. Pure: no I/O, no clock; every threshold comes from the protocol data.
import {
  type Basis,
  type CountingRule,
  type LeaveDecider,
  type LeaveKind,
  type LeaveRule,
  type ResolvedProtocol,
  type ResolvedRule,
  type RuleAction,
  type RuleSource,
} from "./definition";
import { describeSummerBlock, describeThreshold, formatNumber, renderRuleText } from "./rule-text";
import { basisText } from "./rule-view";
import { DayRanges, dayOf, isoOf, isoWeekday, isWeekday, schoolYearOf } from "./dates";

export const EVENT_TYPES = ["late", "unexcused", "sick", "authorized"] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export type AbsenceEvent = { date: string; type: EventType; hours?: number };
export type DateRange = { start: string; end: string };

export type EvaluateInput = {
  asOf: string;
  events: readonly AbsenceEvent[];
  /** School holidays: their days are skipped when counting windows and continuous absence. */
  holidays?: readonly DateRange[];
};

export type TriggeredRule = {
  id: string;
  basis: Basis;
  /** Whose rule it is, as a reader sees it: "Wet" or "Schoolbeleid <school>". */
  basisText: string;
  /** The article of law, government page or school protocol section the rule comes from. */
  source: RuleSource;
  actions: RuleAction[];
  kind: CountingRule["kind"];
  title: string;
  thresholdText: string;
  /** The first day the threshold was reached (null in quick mode, which has no dates). */
  reachedOn: string | null;
};

export type AbsenceTotals = {
  late: number;
  truancy: number;
  /** Most unauthorised hours in one window of the protocol's unexcused-hours rule (28 days in the law). */
  maxUnexcusedHours28d: number;
  sickHours: number;
};

export type AbsenceEvaluation = {
  protocol: string;
  asOf: string | null;
  triggered: TriggeredRule[];
  legalDuty: boolean;
  totals: AbsenceTotals;
  continuousAbsence: {
    /** Longest run of school days in a row with unauthorised absence, ending inside the school year. */
    longestSchoolDaysInARow: number;
  };
  schoolYear: DateRange | null;
};

// The API field maxUnexcusedHours28d is defined on 28 days; a protocol's own unexcused-hours rule overrides it.
const TOTALS_FALLBACK_WINDOW_DAYS = 28;
const DAYS_PER_WEEK = 7;
const SCHOOL_DAYS_PER_WEEK = 5;
const EPSILON = 1e-9;

const round2 = (n: number) => Math.round(n * 100) / 100;

function countingRules(protocol: ResolvedProtocol): (CountingRule & ResolvedRule)[] {
  return protocol.rules.filter((r): r is CountingRule & ResolvedRule => r.kind !== "leave");
}

function triggeredItem(rule: CountingRule & ResolvedRule, reachedOn: string | null): TriggeredRule {
  return {
    id: rule.id,
    basis: rule.basis,
    basisText: basisText(rule),
    source: { ...rule.source },
    actions: rule.actions.map((a) => ({ action: a.action, actor: a.actor })),
    kind: rule.kind,
    title: renderRuleText(rule, rule.title),
    thresholdText: describeThreshold(rule),
    reachedOn,
  };
}

/** The result of one pass over a day-indexed series: the first day a threshold was reached and the peak. */
type Reach = { firstIndex: number | null; peak: number };

/** Running total over the whole school year. */
function cumulativeReach(series: Float64Array, target: number): Reach {
  let sum = 0;
  let firstIndex: number | null = null;
  for (let i = 0; i < series.length; i++) {
    sum += series[i];
    if (firstIndex === null && sum >= target - EPSILON) firstIndex = i;
  }
  return { firstIndex, peak: sum };
}

/**
 * Sliding window: for every end day, the window reaching back `windowDays` counted days (skipped days inside its
 * span are passed over, not counted), clipped at the start of the school year. The caller decides what is
 * skipped: for the law's "4 aaneengesloten lesweken" the days of weeks without a single school day.
 */
function rollingReach(series: Float64Array, skipped: Uint8Array, windowDays: number, target: number): Reach {
  const prefix = new Float64Array(series.length + 1);
  for (let i = 0; i < series.length; i++) prefix[i + 1] = prefix[i] + series[i];
  const open: number[] = [];
  let firstIndex: number | null = null;
  let peak = 0;
  for (let end = 0; end < series.length; end++) {
    if (!skipped[end]) open.push(end);
    const start = open.length >= windowDays ? open[open.length - windowDays] : 0;
    const sum = prefix[end + 1] - prefix[start];
    if (sum > peak) peak = sum;
    if (firstIndex === null && sum >= target - EPSILON) firstIndex = end;
  }
  return { firstIndex, peak };
}

type Continuous = {
  /** First day of a window of `windowDays` non-holiday days with an unexcused event on every school day. */
  firstReached: (windowDays: number) => number | null;
  /** First day on which `schoolDays` school days in a row had an unexcused event. */
  firstReachedSchoolDays: (schoolDays: number) => number | null;
  longestSchoolDays: number;
};

/**
 * The days a window in lesweken skips: every day (weekend included) of a Monday–Sunday week in which no weekday
 * is a school day. A week with at least one school day is a lesweek and counts whole, so a single day off
 * (Koningsdag) does not stretch the window, and a holiday week counts not at all, however its dates were given.
 */
function nonLesweekDays(start: number, length: number, holidays: DayRanges): Uint8Array {
  const out = new Uint8Array(length);
  if (holidays.isEmpty) return out;
  const monday = (d: number) => d - (isoWeekday(d) - 1);
  for (let w = monday(start); w < start + length; w += DAYS_PER_WEEK) {
    let schoolDay = false;
    for (let d = w; d < w + 5 && !schoolDay; d++) schoolDay = !holidays.has(d);
    if (schoolDay) continue;
    for (let d = Math.max(w, start); d < Math.min(w + DAYS_PER_WEEK, start + length); d++) out[d - start] = 1;
  }
  return out;
}

/**
 * Continuous absence: a window of `windowDays` non-holiday calendar days in which every school day (Mon–Fri, not a
 * holiday) has an unexcused event. Runs may begin before the school year; they must be reached inside it.
 */
function continuousRuns(unexcusedDays: Set<number>, holidays: DayRanges, yearStart: number, asOf: number): Continuous {
  // streakAt: for each non-holiday day in [first, asOf] the number of non-holiday days in a row that needed nothing
  // (weekend) or had an unexcused event.
  const reachedDays: { day: number; streak: number; schoolDays: number }[] = [];
  let longest = 0;
  if (unexcusedDays.size > 0) {
    const first = Math.min(...unexcusedDays);
    let streak = 0;
    // Weekend days just before the first event belong to a window too (e.g. a window starting on a Saturday).
    for (let d = first - 1; ; d--) {
      const range = holidays.rangeOf(d);
      if (range) {
        d = range.start;
        continue;
      }
      if (isWeekday(d)) break;
      streak++;
    }
    let schoolDays = 0;
    for (let d = first; d <= asOf; d++) {
      const range = holidays.rangeOf(d);
      if (range) {
        d = Math.min(range.end, asOf);
        continue;
      }
      if (!isWeekday(d)) streak++;
      else if (unexcusedDays.has(d)) {
        streak++;
        schoolDays++;
      } else {
        streak = 0;
        schoolDays = 0;
      }
      if (d >= yearStart) {
        if (schoolDays > longest) longest = schoolDays;
        if (schoolDays > 0) reachedDays.push({ day: d, streak, schoolDays });
      }
    }
  }
  return {
    longestSchoolDays: longest,
    firstReached: (windowDays) => reachedDays.find((r) => r.streak >= windowDays)?.day ?? null,
    firstReachedSchoolDays: (n) => reachedDays.find((r) => r.schoolDays >= n)?.day ?? null,
  };
}

/** Evaluates a pupil's absence events against a protocol on a given day (the spec's answer shape, plus extras). */
export function evaluateAbsence(protocol: ResolvedProtocol, input: EvaluateInput): AbsenceEvaluation {
  const asOf = dayOf(input.asOf, "asOf");
  const year = schoolYearOf(asOf);
  const holidays = DayRanges.fromIso(input.holidays);
  const length = asOf - year.start + 1;
  const series = {
    late: new Float64Array(length),
    truancy: new Float64Array(length),
    "unexcused-hours": new Float64Array(length),
    "sick-hours": new Float64Array(length),
  };
  const unexcusedDays = new Set<number>();
  for (const e of input.events) {
    const day = dayOf(e.date, "event date");
    if (day > asOf) continue;
    const hours = Number.isFinite(e.hours) && (e.hours ?? 0) > 0 ? (e.hours as number) : 0;
    if (e.type === "unexcused") unexcusedDays.add(day);
    if (day < year.start) continue;
    const i = day - year.start;
    if (e.type === "late") series.late[i] += 1;
    else if (e.type === "unexcused") {
      series.truancy[i] += 1;
      series["unexcused-hours"][i] += hours;
    } else if (e.type === "sick") series["sick-hours"][i] += hours;
    // "authorized" counts toward nothing.
  }
  const skipped = nonLesweekDays(year.start, length, holidays);

  const runs = continuousRuns(unexcusedDays, holidays, year.start, asOf);
  const triggered: TriggeredRule[] = [];
  for (const rule of countingRules(protocol)) {
    let reachedDay: number | null;
    if (rule.kind === "continuous-absence")
      reachedDay =
        rule.threshold.schoolDays !== undefined
          ? runs.firstReachedSchoolDays(rule.threshold.schoolDays)
          : runs.firstReached(rule.threshold.windowDays!);
    else {
      const target = "count" in rule.threshold ? rule.threshold.count : rule.threshold.hours;
      const reach =
        rule.window === "rolling" && rule.threshold.windowDays !== undefined
          ? rollingReach(series[rule.kind], skipped, rule.threshold.windowDays, target)
          : cumulativeReach(series[rule.kind], target);
      reachedDay = reach.firstIndex === null ? null : year.start + reach.firstIndex;
    }
    if (reachedDay !== null) triggered.push(triggeredItem(rule, isoOf(reachedDay)));
  }

  const sum = (a: Float64Array) => a.reduce((s, x) => s + x, 0);
  const lawWindow = countingRules(protocol).find((r) => r.kind === "unexcused-hours" && r.window === "rolling")
    ?.threshold.windowDays;
  const totalsWindow = lawWindow ?? TOTALS_FALLBACK_WINDOW_DAYS;
  return {
    protocol: protocol.id,
    asOf: input.asOf,
    triggered,
    legalDuty: triggered.some((t) => t.basis === "law"),
    totals: {
      late: sum(series.late),
      truancy: sum(series.truancy),
      maxUnexcusedHours28d: round2(rollingReach(series["unexcused-hours"], skipped, totalsWindow, Infinity).peak),
      sickHours: round2(sum(series["sick-hours"])),
    },
    continuousAbsence: { longestSchoolDaysInARow: runs.longestSchoolDays },
    schoolYear: { start: isoOf(year.start), end: isoOf(year.end) },
  };
}

export type QuickCounts = {
  late: number;
  truancy: number;
  sickHours: number;
  unexcusedHoursLast4Weeks: number;
  weeksAbsentInARow: number;
  asOf?: string;
};

/** Quick mode (the portal's question form): the same answer from counts instead of dated events. */
export function evaluateCounts(protocol: ResolvedProtocol, counts: QuickCounts): AbsenceEvaluation {
  const n = (x: number) => (Number.isFinite(x) && x > 0 ? x : 0);
  const triggered: TriggeredRule[] = [];
  for (const rule of countingRules(protocol)) {
    let hit: boolean;
    switch (rule.kind) {
      case "late":
        hit = n(counts.late) >= rule.threshold.count;
        break;
      case "truancy":
        hit = n(counts.truancy) >= rule.threshold.count;
        break;
      case "unexcused-hours":
        hit = n(counts.unexcusedHoursLast4Weeks) >= rule.threshold.hours - EPSILON;
        break;
      case "sick-hours":
        hit = n(counts.sickHours) >= rule.threshold.hours - EPSILON;
        break;
      case "continuous-absence":
        hit =
          rule.threshold.schoolDays !== undefined
            ? n(counts.weeksAbsentInARow) * SCHOOL_DAYS_PER_WEEK >= rule.threshold.schoolDays
            : n(counts.weeksAbsentInARow) * DAYS_PER_WEEK >= rule.threshold.windowDays!;
        break;
    }
    if (hit) triggered.push(triggeredItem(rule, null));
  }
  return {
    protocol: protocol.id,
    asOf: counts.asOf ?? null,
    triggered,
    legalDuty: triggered.some((t) => t.basis === "law"),
    totals: {
      late: n(counts.late),
      truancy: n(counts.truancy),
      maxUnexcusedHours28d: n(counts.unexcusedHoursLast4Weeks),
      sickHours: n(counts.sickHours),
    },
    continuousAbsence: { longestSchoolDaysInARow: Math.floor(n(counts.weeksAbsentInARow) * SCHOOL_DAYS_PER_WEEK) },
    schoolYear: null,
  };
}

// ---------------------------------------------------------------------------------------------
// Leave requests

export type LeaveRequest = {
  kind: LeaveKind;
  start: string;
  schoolDays: number;
  summerHoliday?: DateRange;
  earlierVakantieverlofThisYear?: boolean;
  adjoinsSchoolHoliday?: boolean;
  /** School days of gewichtige-omstandigheden leave already granted this school year (counts toward the limit). */
  earlierGewichtigeSchoolDaysThisYear?: number;
};

export type LeaveDecision = {
  allowed: boolean;
  decidedBy: LeaveDecider | null;
  rules: string[];
  reasons: string[];
  /** The school days the leave covers (Mon–Fri, the summer holiday skipped). */
  period: { first: string; last: string };
};

const KIND_LABEL: Record<LeaveKind, string> = {
  vakantieverlof: "Vakantieverlof",
  "gewichtige-omstandigheden": "Verlof om gewichtige omstandigheden",
};
const DECIDER_LABEL: Record<LeaveDecider, string> = {
  afdelingsleider: "de afdelingsleider van de school",
  leerplichtambtenaar: "de leerplichtambtenaar van de gemeente waar de leerling woont",
};

const schoolDaysWord = (n: number) => (n === 1 ? "1 schooldag" : `${formatNumber(n)} schooldagen`);
const dutchDate = (day: number) => {
  const [y, m, d] = isoOf(day).split("-");
  return `${Number(d)}-${Number(m)}-${y}`;
};

/** The school days a leave covers: `count` days Mon–Fri from `start`, skipping the summer holiday. */
export function leaveDays(start: string, count: number, summer?: DateRange): number[] {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`schoolDays must be a positive integer: ${count}`);
  const summerRange = summer
    ? { start: dayOf(summer.start, "summerHoliday.start"), end: dayOf(summer.end, "summerHoliday.end") }
    : null;
  const days: number[] = [];
  for (let d = dayOf(start, "start"); days.length < count; d++) {
    if (summerRange && d >= summerRange.start && d <= summerRange.end) {
      d = summerRange.end;
      continue;
    }
    if (isWeekday(d)) days.push(d);
  }
  return days;
}

function fitsDays(rule: LeaveRule, total: number): boolean {
  const t = rule.threshold ?? {};
  if (t.maxSchoolDays !== undefined && total > t.maxSchoolDays) return false;
  if (t.moreThanSchoolDays !== undefined && total <= t.moreThanSchoolDays) return false;
  return true;
}

/** Checks a leave request against the protocol's leave rules: allowed, who decides, which rules, and why. */
export function checkLeave(protocol: ResolvedProtocol, request: LeaveRequest): LeaveDecision {
  const days = leaveDays(request.start, request.schoolDays, request.summerHoliday);
  const period = { first: isoOf(days[0]), last: isoOf(days[days.length - 1]) };
  const label = KIND_LABEL[request.kind];
  const rules = protocol.rules.filter(
    (r): r is LeaveRule & ResolvedRule =>
      r.kind === "leave" && (r.leave.request === request.kind || r.leave.request === "any"),
  );
  const refusals: { rule: string | null; reason: string }[] = [];
  const notes: string[] = [];

  for (const r of rules.filter((x) => x.leave.refuseWhenAdjoiningHoliday)) {
    if (request.adjoinsSchoolHoliday)
      refusals.push({
        rule: r.id,
        reason:
          r.basis === "school"
            ? `Het verlof sluit aan op een schoolvakantie. Volgens het eigen beleid van ${r.school ?? "de school"} ` +
              "geeft de school dan geen verlof. De wet verbiedt dit niet apart, maar een langere vakantie is nooit een geldige reden."
            : "Het verlof sluit aan op een schoolvakantie. De school geeft dit verlof niet.",
      });
  }

  const sized = rules.filter((x) => !x.leave.refuseWhenAdjoiningHoliday);
  const earlier =
    request.kind === "gewichtige-omstandigheden" ? Math.max(0, request.earlierGewichtigeSchoolDaysThisYear ?? 0) : 0;
  const total = request.schoolDays + earlier;
  const match = sized.find((r) => fitsDays(r, total));
  // The rule the request is judged under: the matching one, else the one whose limit it goes over.
  const judged = match ?? sized.find((r) => r.threshold?.maxSchoolDays !== undefined) ?? sized[0];

  if (!judged) {
    refusals.push({
      rule: null,
      reason: `${label} staat niet in het protocol "${protocol.id}". Vraag de school hoe zij dit regelt.`,
    });
  } else {
    if (!match) {
      const max = judged.threshold?.maxSchoolDays;
      refusals.push({
        rule: judged.id,
        reason:
          max !== undefined
            ? `${label} mag hoogstens ${schoolDaysWord(max)} per schooljaar duren. ` +
              (earlier > 0
                ? `Samen met het eerdere verlof (${schoolDaysWord(earlier)}) gaat het om ${schoolDaysWord(total)}.`
                : `De aanvraag is voor ${schoolDaysWord(total)}.`)
            : `${label} van ${schoolDaysWord(total)} past niet in het protocol (${describeThreshold(judged)}).`,
      });
    }
    if (judged.leave.oncePerSchoolYear && request.kind === "vakantieverlof" && request.earlierVakantieverlofThisYear)
      refusals.push({
        rule: judged.id,
        reason:
          "Vakantieverlof kan maar 1 keer per schooljaar. De leerling heeft dit schooljaar al vakantieverlof gehad.",
      });
    const before = judged.leave.blockedWeeksBeforeSummer * DAYS_PER_WEEK;
    const after = judged.leave.blockedWeeksAfterSummer * DAYS_PER_WEEK;
    if (before > 0 || after > 0) {
      if (!request.summerHoliday) {
        notes.push(
          `Let op: de zomervakantie is niet opgegeven. Controleer zelf dat het verlof niet valt ${describeSummerBlock(judged)}.`,
        );
      } else {
        const s = dayOf(request.summerHoliday.start, "summerHoliday.start");
        const e = dayOf(request.summerHoliday.end, "summerHoliday.end");
        const blocked = days.find((d) => (d >= s - before && d < s) || (d > e && d <= e + after));
        if (blocked !== undefined)
          refusals.push({
            rule: judged.id,
            reason:
              `${label} mag niet vallen ${describeSummerBlock(judged)}. ` +
              `Het verlof loopt van ${dutchDate(days[0])} tot en met ${dutchDate(days[days.length - 1])}.`,
          });
      }
    }
  }

  if (refusals.length > 0 || !match) {
    return {
      allowed: false,
      decidedBy: null,
      rules: [...new Set(refusals.map((r) => r.rule).filter((r): r is string => r !== null))],
      reasons: [...refusals.map((r) => r.reason), ...notes],
      period,
    };
  }

  const decidedBy = match.leave.decidedBy as LeaveDecider;
  const reasons = [
    `${label} van ${schoolDaysWord(request.schoolDays)} past binnen de regel: ${describeThreshold(match)}.`,
    `Over de aanvraag beslist ${DECIDER_LABEL[decidedBy]}.`,
  ];
  if (decidedBy === "leerplichtambtenaar")
    reasons.push(
      "De school kan dit verlof zelf niet toestaan of weigeren. De school stuurt de aanvraag door naar de leerplichtambtenaar.",
    );
  return { allowed: true, decidedBy, rules: [match.id], reasons: [...reasons, ...notes], period };
}
