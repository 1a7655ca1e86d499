// The "Bewerken" tab: the form with every field, the Tiptap editor for the body and the save button.
import Link from "next/link";
import type { UseFormRegister } from "react-hook-form";
import type { JSONContent } from "@tiptap/core";
import { ArticleEditor, type RuleOption } from "@/app/_components/editor/ArticleEditor";
import type { Choices } from "../../data";
import type { ArticleFormValues } from "../../schema";
import { ClassificationFields, TextFields } from "./ArticleFields";
import { QuestionsField } from "./QuestionsField";
import type { FormFields } from "./useFormFields";

export function EditPanel(props: {
  uid: string;
  tab: "edit" | "preview";
  onSubmit: () => void;
  register: UseFormRegister<ArticleFormValues>;
  fields: FormFields;
  slug: string | undefined;
  choices: Choices;
  body: JSONContent;
  onBodyChange: (doc: JSONContent) => void;
  bodyError: string | null;
  rules: RuleOption[];
  defaultProtocolId: string;
  saving: boolean;
  articleId: string | null;
  working: string;
}) {
  const { uid, tab, fields, articleId, working } = props;
  return (
    <div role="tabpanel" id={`${uid}-panel-edit`} aria-labelledby={`${uid}-tab-edit`} hidden={tab !== "edit"}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          props.onSubmit();
        }}
        noValidate
      >
        <TextFields
          titleReg={fields.titleReg}
          slugReg={fields.slugReg}
          register={props.register}
          slug={props.slug}
          fieldError={fields.fieldError}
          described={fields.described}
        />
        <QuestionsField questions={fields.questions} setQuestions={fields.setQuestions} errors={fields.errors} />
        <ClassificationFields
          register={props.register}
          choices={props.choices}
          fieldError={fields.fieldError}
          described={fields.described}
        />

        <div className="field" id={`${uid}-editor`} tabIndex={-1}>
          <p className="label" id={`${uid}-body-label`}>
            Tekst
          </p>
          <ArticleEditor
            value={props.body}
            onChange={props.onBodyChange}
            rules={props.rules}
            defaultProtocol={props.defaultProtocolId}
            label="Tekst van het artikel"
          />
          {props.bodyError && (
            <p id="body-error" className="field-error">
              {props.bodyError}
            </p>
          )}
        </div>

        <div className="btn-row">
          <button type="submit" className="btn" disabled={props.saving}>
            {!articleId
              ? "Concept opslaan"
              : working === "in_review" || working === "scheduled"
                ? "Wijziging opslaan (wordt weer concept)"
                : "Nu opslaan"}
          </button>
          {articleId && <Link href={`/redactie/artikelen/${articleId}/versies`}>Versies bekijken en vergelijken</Link>}
        </div>
      </form>
    </div>
  );
}
