import { describe, expect, it } from "vitest";
import { deriveFollowUpToken, followUpSecret } from "./desk-token";

describe("deriveFollowUpToken", () => {
  const secret = "s".repeat(40);
  it("is stable per reference and secret, and passes the follow-up token format", () => {
    const a = deriveFollowUpToken("PO-2026-000001", secret);
    expect(a).toBe(deriveFollowUpToken("PO-2026-000001", secret));
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
  it("differs per reference and per secret", () => {
    const a = deriveFollowUpToken("PO-2026-000001", secret);
    expect(deriveFollowUpToken("PO-2026-000002", secret)).not.toBe(a);
    expect(deriveFollowUpToken("IPO-2026-000001", secret)).not.toBe(a);
    expect(deriveFollowUpToken("PO-2026-000001", "t".repeat(40))).not.toBe(a);
  });
  it("has a secret without configuration (development and tests)", () => {
    expect(followUpSecret().length).toBeGreaterThanOrEqual(32);
  });
});
