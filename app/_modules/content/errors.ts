/** A content file that does not validate: names the file and the field, and stops the seed. */
export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    detail: string,
  ) {
    super(`${file}: ${field ? `field "${field}": ` : ""}${detail}`);
    this.name = "ContentError";
  }
}

/** Turns zod issues into a ContentError on the first issue. */
export function contentErrorFromIssues(
  file: string,
  issues: { path: PropertyKey[]; message: string }[],
  prefix = "",
): ContentError {
  const first = issues[0];
  const field = [prefix, ...(first?.path ?? []).map(String)].filter(Boolean).join(".");
  return new ContentError(file, field, first?.message ?? "invalid");
}
