import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, strictTransportSecurity } from "./security-headers";

describe("security headers", () => {
  it("makes a fresh base64 nonce each time and puts it in script-src only", () => {
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(a);
    const p = contentSecurityPolicy(a, { https: false, dev: false });
    expect(p).toContain(`script-src 'self' 'nonce-${a}' 'strict-dynamic';`);
    expect(p).not.toContain("unsafe-eval");
    expect(p).toMatch(/object-src 'none'.*base-uri 'self'.*form-action 'self'.*frame-ancestors 'none'/);
    expect(p).not.toContain("upgrade-insecure-requests");
  });

  it("adds upgrade-insecure-requests and HSTS only over https; unsafe-eval only in development", () => {
    expect(contentSecurityPolicy("n", { https: true, dev: false })).toMatch(/upgrade-insecure-requests$/);
    expect(contentSecurityPolicy("n", { https: false, dev: true })).toContain("'strict-dynamic' 'unsafe-eval'");
    expect(strictTransportSecurity("https://helpdesk.example")).toBe("max-age=31536000; includeSubDomains");
    expect(strictTransportSecurity("http://localhost:3000")).toBeNull();
  });
});
