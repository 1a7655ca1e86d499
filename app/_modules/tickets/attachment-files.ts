// Attachment checks shared by every way a file reaches a ticket (intake, caller replies, agent replies, mail):
// count, size, type by content, the BSN guard on names and text, and storing with clean-up on failure.
import "server-only";
import { createHash } from "node:crypto";
import { ValidationError } from "@/app/_core/errors";
import {
  containsPersonalNumber,
  fileNameHasPersonalNumber,
  PERSONAL_NUMBER_MESSAGE,
} from "@/app/_modules/privacy/personal-number";
import { ATTACHMENT_LIMITS, detectFileType, safeFileName, type DetectedType } from "@/app/_modules/storage/file-type";
import type { FileStorage } from "@/app/_modules/storage/storage";
import { attachmentText, MAX_PDF_PAGES, UnreadableFileError } from "@/app/_modules/storage/text-layer";

export type UploadedFile = { name: string; bytes: Uint8Array };

export type CheckedFile = { name: string; bytes: Uint8Array; mime: string; type: DetectedType };

/** The 400 for a file over the size limit. */
export const fileTooLarge = (fileName: string, index: number) =>
  new ValidationError("Bijlage te groot.", [
    { path: `attachments.${index}`, message: `Het bestand ${safeFileName(fileName)} is groter dan 5 MB.` },
  ]);

/** Checks attachments by count, size, content type and name; throws a 400 naming the file. */
export function checkAttachments(files: UploadedFile[]): CheckedFile[] {
  if (files.length > ATTACHMENT_LIMITS.maxFiles) {
    throw new ValidationError("Te veel bijlagen.", [
      { path: "attachments", message: `U kunt maximaal ${ATTACHMENT_LIMITS.maxFiles} bestanden toevoegen.` },
    ]);
  }
  return files.map((f, i) => {
    const path = `attachments.${i}`;
    const name = safeFileName(f.name);
    if (fileNameHasPersonalNumber(f.name))
      throw new ValidationError("Bijlage niet toegestaan.", [{ path, message: PERSONAL_NUMBER_MESSAGE }]);
    if (f.bytes.byteLength === 0)
      throw new ValidationError("Bijlage is leeg.", [{ path, message: `Het bestand ${name} is leeg.` }]);
    if (f.bytes.byteLength > ATTACHMENT_LIMITS.maxBytes) throw fileTooLarge(f.name, i);
    const type = detectFileType(f.bytes, f.name);
    if (!type) {
      throw new ValidationError("Soort bijlage niet toegestaan.", [
        { path, message: `Het bestand ${name} is geen png, jpg, pdf, txt of csv.` },
      ]);
    }
    return { name, bytes: f.bytes, mime: type.mime, type };
  });
}

/**
 * checkAttachments plus the number guard on the text inside: txt, csv and the text layer of a PDF are refused
 * with the same message as a form field when they hold a BSN or onderwijsnummer. A PDF whose text cannot be read
 * (broken, password, too long to check) is refused too: what cannot be checked is not stored.
 */
export async function checkAttachmentFiles(files: UploadedFile[]): Promise<CheckedFile[]> {
  const checked = checkAttachments(files);
  for (const [i, f] of checked.entries()) {
    const path = `attachments.${i}`;
    let text: string | null;
    try {
      text = await attachmentText(f.bytes, f.type);
    } catch (e) {
      if (!(e instanceof UnreadableFileError)) throw e;
      const message =
        e.reason === "password"
          ? `Het bestand ${f.name} is beveiligd met een wachtwoord. Stuur het zonder wachtwoord.`
          : e.reason === "too-long"
            ? `Het bestand ${f.name} heeft meer dan ${MAX_PDF_PAGES} pagina's. Stuur alleen de pagina's die nodig zijn.`
            : `Het bestand ${f.name} kunnen wij niet lezen. Sla het opnieuw op als pdf, of stuur een ander bestand.`;
      throw new ValidationError("Bijlage niet leesbaar.", [{ path, message }]);
    }
    if (text !== null && containsPersonalNumber(text)) {
      throw new ValidationError("Bijlage niet toegestaan.", [
        { path, message: `In ${f.name}: ${PERSONAL_NUMBER_MESSAGE}` },
      ]);
    }
  }
  return checked;
}

export type StoredFile = { name: string; mime: string; size: number; sha256: string; key: string };

/** Puts checked files in storage; on a failure the ones already stored are removed again. */
export async function storeFiles(storage: FileStorage | undefined, files: CheckedFile[]): Promise<StoredFile[]> {
  const stored: StoredFile[] = [];
  try {
    for (const f of files) {
      if (!storage) throw new Error("attachments need a storage");
      const key = await storage.put(f.bytes);
      stored.push({
        name: f.name,
        mime: f.mime,
        size: f.bytes.byteLength,
        sha256: createHash("sha256").update(f.bytes).digest("hex"),
        key,
      });
    }
    return stored;
  } catch (e) {
    await removeStored(storage, stored);
    throw e;
  }
}

/** Removes stored files again (after a failed transaction). */
export async function removeStored(storage: FileStorage | undefined, stored: StoredFile[]): Promise<void> {
  if (storage) for (const s of stored) await storage.remove(s.key).catch(() => {});
}
