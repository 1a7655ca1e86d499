"use server";
// Server actions of the content-gap report: add a search as a question to an article, or add a synonym group.
import { z } from "zod";
import { action } from "@/app/_core/action";
import { db } from "@/app/_core/db";
import { ValidationError } from "@/app/_core/errors";
import {
  addGapQuestion,
  addGapSynonym,
  questionTargets,
  removeEditorSynonym,
  type GapActionHooks,
} from "@/app/_modules/articles/gap-actions";
import { refreshArticleIndexSettings } from "@/app/_modules/search/service";

const EDITOR = ["editor"] as const;
const normalized = z.string().trim().min(1, "Deze zoekvraag staat niet in het overzicht.").max(200);
const hooks: GapActionHooks = { onSynonymsChanged: () => refreshArticleIndexSettings() };

const questionSchema = z.object({
  normalized,
  question: z.string().max(1000, "De vraag mag hoogstens 200 tekens hebben."),
  /** The title as picked in the typeahead. */
  articleTitle: z.string().trim().max(300).default(""),
});

/** "Toevoegen als vraag bij artikel …": the article is picked by its title (typeahead over the working-copy titles). */
export const addQuestionFromGap = action(
  { name: "redactie.addQuestionFromGap", roles: EDITOR, schema: questionSchema },
  async (input, { user }) => {
    const title = input.articleTitle.toLocaleLowerCase("nl");
    const matches = title
      ? (await questionTargets(db(), { user: user })).filter((a) => a.title.toLocaleLowerCase("nl") === title)
      : [];
    if (matches.length !== 1) {
      throw new ValidationError("De vraag is niet toegevoegd.", [
        {
          path: "articleTitle",
          message: !title
            ? "Kies een artikel uit de lijst."
            : matches.length
              ? "Er zijn meer artikelen met deze titel. Pas eerst een van de titels aan."
              : "Er is geen artikel met deze titel. Kies een artikel uit de lijst.",
        },
      ]);
    }
    const r = await addGapQuestion(db(), {
      user: user,
      normalized: input.normalized,
      question: input.question,
      articleId: matches[0]!.id,
    });
    return { ...r, title: matches[0]!.title };
  },
);

const synonymSchema = z.object({
  normalized,
  term: z.string().max(200),
  /** Words that mean the same, separated by commas. */
  others: z.string().max(600, "Gebruik hoogstens 600 tekens."),
});

/** "Synoniem toevoegen …": the search word(s) and what they mean, as one mutual synonym group. */
export const addSynonymFromGap = action(
  { name: "redactie.addSynonymFromGap", roles: EDITOR, schema: synonymSchema },
  async (input, { user }) => {
    const others = input.others
      .split(/[,;\n]/)
      .map((s) => s.trim())
      .filter(Boolean);
    if (!input.term.trim())
      throw new ValidationError("Het synoniem is niet toegevoegd.", [
        { path: "term", message: "Vul het zoekwoord in." },
      ]);
    if (!others.length)
      throw new ValidationError("Het synoniem is niet toegevoegd.", [
        { path: "others", message: "Vul minstens één woord in dat hetzelfde betekent." },
      ]);
    try {
      return await addGapSynonym(db(), {
        user: user,
        normalized: input.normalized,
        terms: [input.term, ...others],
        hooks,
      });
    } catch (e) {
      // terms.0 is the search word, terms.1… the other field.
      if (e instanceof ValidationError) {
        throw new ValidationError(
          e.message,
          e.issues.map((i) => ({
            ...i,
            path: i.path === "terms.0" ? "term" : i.path.startsWith("terms") ? "others" : i.path,
          })),
        );
      }
      throw e;
    }
  },
);

/** Removes an editor synonym group. */
export const removeSynonym = action(
  { name: "redactie.removeSynonym", roles: EDITOR, schema: z.object({ id: z.string().min(1).max(40) }) },
  async (input, { user }) => {
    await removeEditorSynonym(db(), { user: user, id: input.id, hooks });
    return { removed: true };
  },
);
