import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  PERSONAL_NUMBER_MESSAGE,
  containsPersonalNumber,
  fileNameHasPersonalNumber,
  findPersonalNumbers,
  isValidBsn,
  isValidOnderwijsnummer,
  noPersonalNumber,
  personalNumberKind,
  redactLongDigitRuns,
} from "./personal-number";

// 123456782, 111222333 and 555123406 pass the elfproef; 10000008 passes once padded to 010000008.
// 100000004 and 100000016 are onderwijsnummers (start with 10, remainder 5).

describe("checksums", () => {
  it.each([
    ["123456782", "bsn"],
    ["111222333", "bsn"],
    ["555123406", "bsn"],
    ["10000008", "bsn"], // 8 digits, padded with a leading 0
    ["010000008", "bsn"],
    ["100000009", "bsn"], // starts with 10 but remainder 0: a BSN, not an onderwijsnummer
    ["100000004", "onderwijsnummer"],
    ["100000016", "onderwijsnummer"],
  ])("%s is a %s", (digits, kind) => {
    expect(personalNumberKind(digits)).toBe(kind);
  });

  it.each([
    ["123456783", "last digit changed"],
    ["123456792", "one middle digit changed"],
    ["223456782", "first digit changed"],
    ["12345678", "8 digits that fail once padded"],
    ["1234567820", "10 digits"],
    ["1234567", "7 digits"],
    ["000000000", "all zeros"],
    ["00000000", "8 zeros"],
    ["100000005", "onderwijsnummer with the last digit changed"],
    ["200000004", "remainder 5 but does not start with 10"],
    ["12345678a", "not all digits"],
  ])("%s is not a personal number (%s)", (digits) => {
    expect(personalNumberKind(digits)).toBeNull();
  });

  it("a valid onderwijsnummer is never a valid BSN and the other way round", () => {
    expect(isValidBsn("100000004")).toBe(false);
    expect(isValidOnderwijsnummer("100000004")).toBe(true);
    expect(isValidOnderwijsnummer("123456782")).toBe(false);
    expect(isValidOnderwijsnummer("00000004")).toBe(false);
  });
});

describe("findPersonalNumbers", () => {
  it.each([
    "BSN 123456782",
    "bsn:123456782",
    "het nummer is 123 456 782, kunt u kijken?",
    "1234.56.782",
    "123.456.782",
    "123-456-782",
    "12 34 56 782",
    "leerling 555123406 staat niet in het register",
    "nummer 10000008 klopt niet", // old 8-digit BSN
    "onderwijsnummer 100000004",
    "1000.00.016",
    "groep 7 123456782", // the lone 7 is a separate number
    "(123456782)",
    "bsn123456782",
    "burgerservicenummer 0123 456 72", // 012345672 written oddly
  ])("finds a number in %j", (text) => {
    expect(containsPersonalNumber(text)).toBe(true);
  });

  it.each([
    ["Bel 050-599 77 66", "the PO desk's phone number"],
    ["050-599 90 00 (optie 4)", "the IPO phone number"],
    ["0505997766", "phone number without separators"],
    ["+31 (0)50 599 77 08", "international phone whose tail passes the checksum"],
    ["+31 50 599 77 08", "international phone without (0)"],
    ["0031 50 599 77 08", "phone with 00 prefix"],
    ["06 - 10000008", "mobile number with the area code apart"],
    ["(06) 10000008", "mobile number with the area code in brackets"],
    ["+31 6 10000008", "international mobile"],
    ["06-12345678", "mobile number"],
    ["9722 TB Groningen", "postcode"],
    ["op 09-01-2023 is de melding gedaan", "date whose digits pass the checksum"],
    ["2023-01-14", "ISO date whose digits pass the checksum"],
    ["datum 09012023", "compact date (ddmmyyyy)"],
    ["20230102", "compact date (yyyymmdd)"],
    ["NL91 ABNA 0417 1643 00", "IBAN"],
    ["NL91ABNA0417164300", "IBAN without spaces"],
    ["BRIN 12AB", "BRIN code"],
    ["school 12AB00 heeft 123 leerlingen", "BRIN with vestiging"],
    ["1234567820", "10 digits"],
    ["123 456 7820", "10 digits in groups"],
    ["12345678901", "11 digits"],
    ["123456783", "one digit off"],
    ["€ 1.234.567,89", "amount"],
    ["KvK 10000008", "Chamber of Commerce number"],
    ["RSIN 123456782", "RSIN of a school board (passes the same checksum)"],
    ["meldingsnummer 123456782", "a report number the desk asks for"],
    ["20 uur in 4 weken, 3 keer te laat", "ordinary counts"],
  ])("ignores %j (%s)", (text) => {
    expect(findPersonalNumbers(text)).toEqual([]);
  });

  it("returns kind and position of every hit", () => {
    const text = "Leerling 123 456 782 en leerling 100000004.";
    const hits = findPersonalNumbers(text);
    expect(hits.map((h) => h.kind)).toEqual(["bsn", "onderwijsnummer"]);
    expect(text.slice(hits[0].start, hits[0].end)).toBe("123 456 782");
    expect(text.slice(hits[1].start, hits[1].end)).toBe("100000004");
  });

  it("position excludes a lone digit before the number", () => {
    const text = "groep 7 123456782";
    const [hit] = findPersonalNumbers(text);
    expect(text.slice(hit.start, hit.end)).toBe("123456782");
  });

  it("a personal label wins over a phone-like prefix", () => {
    expect(containsPersonalNumber("tel 050 - BSN 123456782")).toBe(true);
  });
});

describe("redactLongDigitRuns", () => {
  it.each([
    ["BSN 123456782 staat fout", "BSN staat fout"],
    ["bel 050-599 77 66 voor hulp", "bel voor hulp"],
    ["nummer 123 456 782.", "nummer."],
    ["melding 123456", "melding"],
    ["20 uur gespijbeld in groep 7", "20 uur gespijbeld in groep 7"],
    ["postcode 9722 TB", "postcode 9722 TB"],
    ["code 12345", "code 12345"],
    ["schooljaar 2025", "schooljaar 2025"],
  ])("%j → %j", (input, output) => {
    expect(redactLongDigitRuns(input)).toBe(output);
  });
});

describe("fileNameHasPersonalNumber", () => {
  it.each([
    ["verzuim_123456782.pdf", true],
    ["123456782.docx", true],
    ["bsn123456782-brief.pdf", true],
    ["C:\\Users\\x\\leerling 1234.56.782.pdf", true],
    ["onderwijsnummer-100000004.xlsx", true],
    ["verzuimoverzicht-2025-2026.pdf", false],
    ["export_20230102.csv", false],
    ["scan 0001.jpg", false],
    ["brief-12AB.pdf", false],
    ["rapport_123456783.pdf", false],
  ])("%s → %s", (name, expected) => {
    expect(fileNameHasPersonalNumber(name)).toBe(expected);
  });
});

describe("noPersonalNumber", () => {
  const schema = noPersonalNumber(z.string().trim().min(3));

  it("accepts text without a number", () => {
    expect(schema.parse("  Een leerling uit groep 6 verzuimt  ")).toBe("Een leerling uit groep 6 verzuimt");
  });

  it("rejects a BSN with the Dutch message", () => {
    const r = schema.safeParse("Leerling met BSN 123 456 782");
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toBe(PERSONAL_NUMBER_MESSAGE);
  });

  it("works inside an object and keeps the field path", () => {
    const form = z.object({ question: noPersonalNumber(z.string()) });
    const r = form.safeParse({ question: "onderwijsnummer 100000004" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].path).toEqual(["question"]);
  });
});
