import { describe, expect, it } from "vitest";
import { makePdf } from "@/tests/helpers/pdf";
import { attachmentText, MAX_PDF_PAGES, pdfText, plainFileText, UnreadableFileError } from "./text-layer";

const enc = (s: string) => new TextEncoder().encode(s);

describe("attachment text", () => {
  it("reads the text layer of a PDF, page by page", async () => {
    const text = await pdfText(makePdf(["Leerling met BSN 123456782", "Tweede pagina (met haakjes)"]));
    expect(text).toContain("123456782");
    expect(text).toContain("Tweede pagina (met haakjes)");
  });

  it("refuses what it cannot read: a broken PDF, or more pages than it checks", async () => {
    await expect(pdfText(enc("%PDF-1.4\nthis is not a pdf"))).rejects.toBeInstanceOf(UnreadableFileError);
    const long = makePdf(Array.from({ length: MAX_PDF_PAGES + 1 }, (_, i) => `pagina ${i}`));
    await expect(pdfText(long)).rejects.toMatchObject({ reason: "too-long" });
  });

  it("splits CSV cells so neighbouring numbers are not read as one decimal", () => {
    expect(plainFileText(enc("\uFEFFnaam;nummer\nJan,123456782,1012345678"), "csv")).toBe(
      "naam\nnummer\nJan\n123456782\n1012345678",
    );
    expect(plainFileText(enc("a,b"), "txt")).toBe("a,b");
  });

  it("has no text for images", async () => {
    expect(await attachmentText(enc("x"), { ext: "png", mime: "image/png" })).toBeNull();
  });
});
