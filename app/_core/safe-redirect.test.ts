import { describe, expect, it } from "vitest";
import { returnPathOr, safeReturnPath } from "./safe-redirect";

// Known open-redirect bypasses (as a browser sees them after one round of query-string decoding, and raw).
const BYPASSES = [
  "//evil.example",
  "///evil.example",
  "/\\evil.example",
  "/\\evil.example/phish",
  "\\\\evil.example",
  "\\/evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "/%2F%5Cevil.example",
  "%2F%5Cevil.example%2Fphish",
  "/%2Fevil.example",
  "/%2f/evil.example",
  "%2F%09%2Fevil.example",
  "/%09/evil.example",
  "/%0d%0a/evil.example",
  "/%5Cevil.example",
  "/%5cevil.example",
  "https://evil.example",
  "http:evil.example",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "/／evil.example",
  "／／evil.example",
  "/∕evil.example",
  "/⁄evil.example",
  "/＼evil.example",
  "/\u3002evil.example",
  "/evil\uff0eexample",
  "/\u0000/evil.example",
  " /desk",
  "desk",
  "",
  "/" + "a".repeat(2001),
];

describe("safeReturnPath", () => {
  it.each(BYPASSES)("refuses %j", (p) => {
    expect(safeReturnPath(p)).toBeNull();
  });

  it("refuses non-strings", () => {
    expect(safeReturnPath(undefined)).toBeNull();
    expect(safeReturnPath(null)).toBeNull();
  });

  it("keeps our own paths with their query and fragment", () => {
    expect(safeReturnPath("/desk")).toBe("/desk");
    expect(safeReturnPath("/desk/tickets/PO-2026-000001")).toBe("/desk/tickets/PO-2026-000001");
    expect(safeReturnPath("/desk?status=open&desk=po#lijst")).toBe("/desk?status=open&desk=po#lijst");
    expect(safeReturnPath("/redactie/artikelen/abc%20def")).toBe("/redactie/artikelen/abc%20def");
    expect(safeReturnPath("/zoeken?q=verlof%20aanvragen")).toBe("/zoeken?q=verlof%20aanvragen");
    expect(safeReturnPath("/inloggen/verder?terug=%2Fdesk%2Ftickets%2FPO-1")).toBe(
      "/inloggen/verder?terug=%2Fdesk%2Ftickets%2FPO-1",
    );
  });

  it("resolves dot segments the way the browser would and stays on the site", () => {
    expect(safeReturnPath("/desk/../redactie")).toBe("/redactie");
    expect(safeReturnPath("/./desk")).toBe("/desk");
    expect(safeReturnPath("/../../desk")).toBe("/desk");
  });

  it("falls back when the path is not safe", () => {
    expect(returnPathOr("/\\evil.example", "/desk")).toBe("/desk");
    expect(returnPathOr("/redactie/hiaten", "/desk")).toBe("/redactie/hiaten");
  });
});
