// Attachment types are decided by content, not by the name or the browser's claim.
import { UPLOAD_TOO_LARGE_MESSAGE } from "@/app/_core/body-limit";
import { fileNameHasPersonalNumber, PERSONAL_NUMBER_MESSAGE } from "@/app/_modules/privacy/personal-number";

export const ATTACHMENT_LIMITS = { maxFiles: 3, maxBytes: 5 * 1024 * 1024 };

/**
 * The browser's check of chosen files before anything is sent (count, size, extension, a BSN in the name), as a
 * Dutch message, or null when they may be sent. The server checks again, by content.
 */
export function chosenFilesError(files: { name: string; size: number }[]): string | null {
  if (files.length > ATTACHMENT_LIMITS.maxFiles)
    return `U kunt maximaal ${ATTACHMENT_LIMITS.maxFiles} bestanden toevoegen.`;
  const big = files.find((f) => f.size > ATTACHMENT_LIMITS.maxBytes);
  if (big) return `Het bestand ${big.name} is groter dan 5 MB. ${UPLOAD_TOO_LARGE_MESSAGE}`;
  const bad = files.find((f) => !/\.(png|jpe?g|pdf|txt|csv)$/i.test(f.name));
  if (bad) return `Het bestand ${bad.name} is geen png, jpg, pdf, txt of csv.`;
  if (files.some((f) => fileNameHasPersonalNumber(f.name))) return PERSONAL_NUMBER_MESSAGE;
  return null;
}

export type DetectedType = { ext: "png" | "jpg" | "pdf" | "txt" | "csv"; mime: string };

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((v, i) => b[i] === v);

/** Detects png, jpg, pdf, or plain text (txt/csv by name); null for anything else. */
export function detectFileType(bytes: Uint8Array, fileName: string): DetectedType | null {
  const ext = fileName.toLowerCase().split(".").pop() ?? "";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return ext === "png" ? { ext: "png", mime: "image/png" } : null;
  if (startsWith(bytes, [0xff, 0xd8, 0xff]))
    return ext === "jpg" || ext === "jpeg" ? { ext: "jpg", mime: "image/jpeg" } : null;
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d]))
    return ext === "pdf" ? { ext: "pdf", mime: "application/pdf" } : null;
  if ((ext === "txt" || ext === "csv") && isPlainText(bytes)) {
    return ext === "csv"
      ? { ext: "csv", mime: "text/csv; charset=utf-8" }
      : { ext: "txt", mime: "text/plain; charset=utf-8" };
  }
  return null;
}

function isPlainText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** A file name safe to show and to send back in a header. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "bestand";
  const cleaned = base
    .normalize("NFC")
    .replace(/[^\p{L}\p{N}._ -]+/gu, "_")
    .replace(/^\.+/, "")
    .slice(0, 120)
    .trim();
  return cleaned || "bestand";
}
