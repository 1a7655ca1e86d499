import { describe, expect, it } from "vitest";
import { macroSchema } from "./desk-schema";
import { applyMacro } from "./macros";

const values = { naam: "Jan Jansen", referentie: "PO-2026-000123", desk: "Helpdesk BRON PO" };

describe("applyMacro", () => {
  it.each([
    ["Beste {{naam}},", "Beste Jan Jansen,"],
    ["Uw vraag {{ referentie }} bij {{desk}}.", "Uw vraag PO-2026-000123 bij Helpdesk BRON PO."],
    ["{{naam}} en nog eens {{naam}}", "Jan Jansen en nog eens Jan Jansen"],
    ["Onbekend: {{voornaam}} blijft staan", "Onbekend: {{voornaam}} blijft staan"],
    ["Geen plaatshouders", "Geen plaatshouders"],
  ])("%s", (text, expected) => expect(applyMacro(text, values)).toBe(expected));

  it("does not expand placeholders inside the values", () => {
    expect(applyMacro("{{naam}}", { ...values, naam: "{{desk}}" })).toBe("{{desk}}");
  });
});

describe("macroSchema", () => {
  it.each([
    [{ deskId: "po", title: "Titel", body: "Beste {{naam}}" }, true],
    [{ deskId: null, title: "Titel", body: "Tekst" }, true],
    [{ deskId: "po", title: "Titel", body: "Beste {{voornaam}}" }, false],
    [{ deskId: "hbo", title: "Titel", body: "Tekst" }, false],
    [{ deskId: "po", title: "T", body: "Tekst" }, false],
    [{ deskId: "po", title: "Titel", body: "BSN 111222333" }, false],
  ])("%j valid: %s", (input, ok) => expect(macroSchema.safeParse(input).success).toBe(ok));
});
