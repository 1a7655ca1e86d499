"use client";
// The reply's attachments: up to 3 files of 5 MB, checked as soon as they are chosen.
import type { RefObject } from "react";
import { chosenFilesError } from "@/app/_modules/storage/file-type";

export function AttachmentField({
  id,
  kind,
  files,
  fileError,
  fileInput,
  onChosen,
}: {
  id: string;
  kind: "reply" | "note";
  files: File[];
  fileError: string | null;
  fileInput: RefObject<HTMLInputElement | null>;
  onChosen: (files: File[], problem: string | null) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={`${id}-files`}>
        Bijlagen <span className="muted">(niet verplicht)</span>
      </label>
      <span className="hint" id={`${id}-files-hint`}>
        Maximaal 3 bestanden van 5 MB: png, jpg, pdf, txt of csv.{" "}
        {kind === "reply" ? "De beller kan ze downloaden." : "Alleen collega’s zien ze."}
      </span>
      <input
        id={`${id}-files`}
        ref={fileInput}
        type="file"
        multiple
        accept=".png,.jpg,.jpeg,.pdf,.txt,.csv"
        aria-invalid={fileError ? true : undefined}
        aria-describedby={`${id}-files-hint${fileError ? ` ${id}-files-error` : ""}`}
        onChange={(e) => {
          const chosen = Array.from(e.target.files ?? []);
          onChosen(chosen, chosenFilesError(chosen));
        }}
      />
      {files.length > 0 && <p className="muted">Gekozen: {files.map((f) => f.name).join(", ")}</p>}
      {fileError && (
        <p id={`${id}-files-error`} className="field-error" role="alert">
          {fileError}
        </p>
      )}
    </div>
  );
}
