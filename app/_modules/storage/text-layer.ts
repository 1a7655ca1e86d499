// The readable text of a text-like attachment (txt, csv, the text layer of a PDF), so the same personal-number
// checks that guard every form field also guard files. Server only: PDFs are read with pdfjs-dist (Mozilla's
// PDF.js, pure JavaScript, no native code and no download at install), without fonts, eval or rendering.
import "server-only";
import type { DetectedType } from "./file-type";

/** Pages read from a PDF; a longer PDF is refused (its text could not all be checked). */
export const MAX_PDF_PAGES = 300;

export class UnreadableFileError extends Error {
  constructor(readonly reason: "password" | "broken" | "too-long") {
    super(`unreadable file: ${reason}`);
  }
}

/** Plain text of a txt/csv file (UTF-8, already checked by detectFileType). CSV separators become line breaks. */
export function plainFileText(bytes: Uint8Array, ext: "txt" | "csv"): string {
  const text = new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
  // In a CSV every cell is its own value: "123456782,1012345678" are two numbers, not a decimal.
  return ext === "csv" ? text.replace(/[,;\t|"]/g, "\n") : text;
}

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
let pdfjs: Promise<PdfJs> | undefined;

/** The text layer of a PDF, page by page; throws UnreadableFileError for a PDF it cannot read. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  pdfjs ??= import("pdfjs-dist/legacy/build/pdf.mjs");
  const lib = await pdfjs;
  // pdf.js may transfer (detach) the buffer it is given: hand it a copy.
  const task = lib.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => {});
    throw new UnreadableFileError((e as { name?: string }).name === "PasswordException" ? "password" : "broken");
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES) throw new UnreadableFileError("too-long");
    const pages: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      let line = "";
      for (const item of content.items) {
        if (!("str" in item)) continue;
        line += item.str + (item.hasEOL ? "\n" : " ");
      }
      pages.push(line);
      page.cleanup();
    }
    return pages.join("\n");
  } catch (e) {
    if (e instanceof UnreadableFileError) throw e;
    throw new UnreadableFileError("broken");
  } finally {
    await doc.destroy().catch(() => {});
  }
}

/** The text to check for a file of a detected type, or null for types without text (images). */
export async function attachmentText(bytes: Uint8Array, type: DetectedType): Promise<string | null> {
  if (type.ext === "txt" || type.ext === "csv") return plainFileText(bytes, type.ext);
  if (type.ext === "pdf") return pdfText(bytes);
  return null;
}
