import { describe, expect, it } from "vitest";
import { leaveVerdict } from "./leave-verdict";

describe("leaveVerdict", () => {
  it("above 10 days of gewichtige omstandigheden: the leerplichtambtenaar decides, the school forwards the request", () => {
    const v = leaveVerdict({ allowed: true, decidedBy: "leerplichtambtenaar" });
    expect(v.headline).toBe("De leerplichtambtenaar beslist over dit verlof, niet de school.");
    expect(v.headline).not.toMatch(/kan worden toegestaan/);
    expect(v.nextStep).toMatch(/Stuur de aanvraag .* door naar de leerplichtambtenaar/);
  });
  it("the school's own decision, and a refusal, stay one sentence each", () => {
    expect(leaveVerdict({ allowed: true, decidedBy: "afdelingsleider" })).toEqual({
      tone: "success",
      headline: "Dit verlof kan worden toegestaan.",
      nextStep: null,
    });
    expect(leaveVerdict({ allowed: false, decidedBy: null }).headline).toBe("Dit verlof kan niet worden toegestaan.");
  });
});
