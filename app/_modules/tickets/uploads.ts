// Files as server actions receive them (File objects, in FormData or inside the argument object) → checked uploads.
import "server-only";
import { z } from "zod";
import { ATTACHMENT_LIMITS } from "@/app/_modules/storage/file-type";
import { fileTooLarge, type UploadedFile } from "./attachment-files";

/** Zero to 3 non-empty files; the content checks (type, size, BSN) follow in the service. */
export const attachmentFiles = z
  .array(z.instanceof(File, { error: "Kies een bestand." }))
  .max(ATTACHMENT_LIMITS.maxFiles, `U kunt maximaal ${ATTACHMENT_LIMITS.maxFiles} bestanden toevoegen.`)
  .optional()
  .transform((files) => (files ?? []).filter((f) => f.size > 0));

/**
 * A server action's FormData as a plain object for its zod schema: text entries as strings (the last of a repeated
 * key), `attachments` as the list of non-empty files, and `json` keys parsed (the editor document). Anything else
 * passes through unchanged.
 */
export function fromFormData(raw: unknown, jsonKeys: string[] = []): unknown {
  if (!(raw instanceof FormData)) return raw;
  const out: Record<string, unknown> = {};
  for (const [k, v] of raw.entries()) {
    if (k === "attachments") continue;
    if (typeof v !== "string") continue;
    if (jsonKeys.includes(k)) {
      try {
        out[k] = JSON.parse(v);
      } catch {
        out[k] = v;
      }
    } else out[k] = v;
  }
  out.attachments = raw.getAll("attachments").filter((f): f is File => typeof f !== "string" && f.size > 0);
  return out;
}

/** Reads files one at a time; a file over the limit is refused before its bytes are read. */
export async function toUploads(files: File[]): Promise<UploadedFile[]> {
  const out: UploadedFile[] = [];
  for (const [i, f] of files.entries()) {
    if (f.size > ATTACHMENT_LIMITS.maxBytes) throw fileTooLarge(f.name, i);
    out.push({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
  }
  return out;
}
