import { describe, expect, it } from "vitest";
import {
  bodyFrom,
  questionFrom,
  removePersonalDetails,
  slugFrom,
  stripGreetings,
  summaryFrom,
  titleFrom,
} from "./from-ticket-text";

describe("removePersonalDetails", () => {
  it("masks known names (whole and in parts), e-mail addresses, phone numbers and BSN-like numbers", () => {
    const text =
      "Ik ben Fatima el Amrani. Fatima belt op 06-12345678, +31 6 1234 5678 of (010) 123 45 67; mail f.amrani@school.nl. BSN 111222333.";
    const out = removePersonalDetails(text, ["Fatima el Amrani"]);
    expect(out).toBe(
      "Ik ben [naam]. [naam] belt op [telefoonnummer], [telefoonnummer] of [telefoonnummer]; mail [e-mailadres]. BSN [nummer verwijderd].",
    );
  });
  it("leaves ordinary numbers and words that merely contain a name alone", () => {
    expect(removePersonalDetails("16 uur in 4 weken, artikel 21 Leerplichtwet; Jansen-school", ["Jan"])).toBe(
      "16 uur in 4 weken, artikel 21 Leerplichtwet; Jansen-school",
    );
  });
});

describe("draft fields", () => {
  it("strips the greeting and the signature", () => {
    expect(stripGreetings("Beste Jan,\n\nJa, dat mag.\n\nMet vriendelijke groet,\nPriya")).toBe("Ja, dat mag.");
    expect(stripGreetings("Ja, dat mag.\nGroeten, P.")).toBe("Ja, dat mag.");
  });
  it("keeps fields within their limits", () => {
    expect(questionFrom("ja")).toBeNull();
    expect(questionFrom("woord ".repeat(100))!.length).toBeLessThanOrEqual(200);
    expect(titleFrom("Hoi").length).toBeGreaterThanOrEqual(5);
    expect(summaryFrom("Ja. Meld het bij DUO binnen 5 dagen.", "x")).toBe("Ja. Meld het bij DUO binnen 5 dagen.");
    expect(summaryFrom("Meld het bij DUO. Daarna volgt de leerplichtambtenaar.", "x")).toBe("Meld het bij DUO.");
    expect(slugFrom("Verzuim melden bij DUO: hoe?", "PO-2026-0012")).toBe("verzuim-melden-bij-duo-hoe-po-2026-0012");
    expect(bodyFrom("Een.\n\nTwee\ndrie.").content).toEqual([
      { type: "paragraph", content: [{ type: "text", text: "Een." }] },
      { type: "paragraph", content: [{ type: "text", text: "Twee drie." }] },
    ]);
  });
});
