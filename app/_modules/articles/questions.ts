// "Ook gevraagd als": the questions callers ask in their own words, kept by editors with an article. They are
// searched below the title (search/settings.ts), so an article is found the way people really ask. One rule set
// for content files, the editor form and the content-gap report. Pure and browser-safe.
import { containsPersonalNumber } from "@/app/_modules/privacy/personal-number";

export const QUESTION_MIN = 5;
export const QUESTION_MAX = 200;
export const MAX_QUESTIONS = 20;

export type QuestionIssue = {
  /** Index of the wrong question, or null when the list as a whole is wrong. */
  index: number | null;
  code: "type" | "length" | "too-many" | "duplicate" | "personal-number";
  /** For editors (Dutch, B1). */
  message: string;
  /** For content files (English, like the other front-matter errors). */
  technical: string;
};

/** Whitespace collapsed and trimmed: how a question is stored. */
export const tidyQuestion = (q: string): string => q.replace(/\s+/g, " ").trim();

/** The comparison key: two questions are the same when they differ only in case, accents, spaces or punctuation. */
export function questionKey(q: string): string {
  return q
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Every problem with a list of questions (empty = valid). Questions are compared after tidyQuestion. */
export function questionIssues(value: unknown): QuestionIssue[] {
  if (!Array.isArray(value)) {
    return [
      {
        index: null,
        code: "type",
        message: "De vragen konden niet worden gelezen.",
        technical: "expected a list of questions",
      },
    ];
  }
  const issues: QuestionIssue[] = [];
  if (value.length > MAX_QUESTIONS) {
    issues.push({
      index: null,
      code: "too-many",
      message: `Geef hoogstens ${MAX_QUESTIONS} vragen. Haal de minst gestelde vragen weg.`,
      technical: `at most ${MAX_QUESTIONS} questions`,
    });
  }
  const seen = new Map<string, number>();
  value.forEach((raw, i) => {
    if (typeof raw !== "string") {
      issues.push({ index: i, code: "type", message: `Vraag ${i + 1} is geen tekst.`, technical: "expected a string" });
      return;
    }
    const q = tidyQuestion(raw);
    if (q.length < QUESTION_MIN || q.length > QUESTION_MAX) {
      issues.push({
        index: i,
        code: "length",
        message: `Vraag ${i + 1} moet ${QUESTION_MIN} tot ${QUESTION_MAX} tekens hebben (nu ${q.length}).`,
        technical: `expected ${QUESTION_MIN} to ${QUESTION_MAX} characters, got ${q.length}`,
      });
      return;
    }
    if (containsPersonalNumber(q)) {
      issues.push({
        index: i,
        code: "personal-number",
        message: `Vraag ${i + 1} lijkt een BSN of onderwijsnummer te bevatten. Haal het nummer weg: wij mogen dit niet bewaren.`,
        technical: "looks like a BSN or onderwijsnummer; remove the number",
      });
      return;
    }
    const key = questionKey(q);
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push({
        index: i,
        code: "duplicate",
        message: `Vraag ${i + 1} staat er al (vraag ${first + 1}).`,
        technical: `duplicate of question ${first + 1}`,
      });
      return;
    }
    seen.set(key, i);
  });
  return issues;
}

/** The list as stored: tidied. Call after questionIssues returned nothing. */
export const tidyQuestions = (list: readonly string[]): string[] => list.map(tidyQuestion);
