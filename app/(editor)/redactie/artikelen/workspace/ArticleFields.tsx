// The article form's plain fields: title, web address and summary; kind, topic, review date, audiences and sectors.
import type { UseFormRegister, UseFormRegisterReturn } from "react-hook-form";
import type { Choices } from "../../data";
import { FORM_LABELS } from "../../form-fields";
import type { ArticleFormValues } from "../../schema";
import type { FieldHelpers } from "./shared";

export function TextFields({
  titleReg,
  slugReg,
  register,
  slug,
  fieldError,
  described,
}: FieldHelpers & {
  titleReg: UseFormRegisterReturn<"title">;
  slugReg: UseFormRegisterReturn<"slug">;
  register: UseFormRegister<ArticleFormValues>;
  slug: string | undefined;
}) {
  return (
    <>
      <div className="field">
        <label htmlFor="f-title">Titel</label>
        <input
          id="f-title"
          type="text"
          {...titleReg}
          aria-invalid={!!fieldError("title")}
          aria-describedby={described("title")}
        />
        {fieldError("title") && (
          <p id="title-error" className="field-error">
            {fieldError("title")}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="f-slug">Webadres</label>
        <span className="hint" id="slug-hint">
          Het artikel komt op /artikelen/{slug || "…"}. Kleine letters, cijfers en streepjes.
        </span>
        <input
          id="f-slug"
          type="text"
          {...slugReg}
          aria-invalid={!!fieldError("slug")}
          aria-describedby={described("slug", true)}
        />
        {fieldError("slug") && (
          <p id="slug-error" className="field-error">
            {fieldError("slug")}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="f-summary">Samenvatting</label>
        <span className="hint" id="summary-hint">
          Eén of twee zinnen. Deze tekst staat in de zoekresultaten.
        </span>
        <textarea
          id="f-summary"
          rows={3}
          {...register("summary")}
          aria-invalid={!!fieldError("summary")}
          aria-describedby={described("summary", true)}
        />
        {fieldError("summary") && (
          <p id="summary-error" className="field-error">
            {fieldError("summary")}
          </p>
        )}
      </div>
    </>
  );
}

export function ClassificationFields({
  register,
  choices,
  fieldError,
  described,
}: FieldHelpers & { register: UseFormRegister<ArticleFormValues>; choices: Choices }) {
  return (
    <>
      <div className="field-row">
        <div className="field">
          <label htmlFor="f-type">Soort artikel</label>
          <select
            id="f-type"
            {...register("type")}
            aria-invalid={!!fieldError("type")}
            aria-describedby={described("type")}
          >
            <option value="faq">Veelgestelde vraag</option>
            <option value="nieuws">Nieuws en praktijk</option>
          </select>
          {fieldError("type") && (
            <p id="type-error" className="field-error">
              {fieldError("type")}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="f-topic">Onderwerp</label>
          <select
            id="f-topic"
            {...register("topic")}
            aria-invalid={!!fieldError("topic")}
            aria-describedby={described("topic")}
          >
            <option value="">Kies een onderwerp</option>
            {choices.topics.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
          {fieldError("topic") && (
            <p id="topic-error" className="field-error">
              {fieldError("topic")}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="f-reviewDueAt">Controleren vóór</label>
          <input
            id="f-reviewDueAt"
            type="date"
            {...register("reviewDueAt")}
            aria-invalid={!!fieldError("reviewDueAt")}
            aria-describedby={described("reviewDueAt")}
          />
          {fieldError("reviewDueAt") && (
            <p id="reviewDueAt-error" className="field-error">
              {fieldError("reviewDueAt")}
            </p>
          )}
        </div>
        {(["validFrom", "validUntil"] as const).map((name) => (
          <div className="field" key={name}>
            <label htmlFor={`f-${name}`}>{name === "validFrom" ? "Geldig vanaf" : "Geldig tot"}</label>
            <input
              id={`f-${name}`}
              type="date"
              {...register(name)}
              aria-invalid={!!fieldError(name)}
              aria-describedby={described(name)}
            />
            {fieldError(name) && (
              <p id={`${name}-error`} className="field-error">
                {fieldError(name)}
              </p>
            )}
          </div>
        ))}
      </div>
      <div className="field-row">
        {(["audiences", "sectors"] as const).map((list) => (
          <fieldset
            key={list}
            id={`fs-${list}`}
            className="field checkbox-group"
            aria-invalid={!!fieldError(list)}
            aria-describedby={fieldError(list) ? `${list}-error` : undefined}
          >
            <legend>{FORM_LABELS[list]}</legend>
            {choices[list].map((c) => (
              <label key={c.id} className="check">
                <input type="checkbox" value={c.id} {...register(list)} /> {c.label}
              </label>
            ))}
            {fieldError(list) && (
              <p id={`${list}-error`} className="field-error">
                {fieldError(list)}
              </p>
            )}
          </fieldset>
        ))}
      </div>
    </>
  );
}
