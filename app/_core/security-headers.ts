// Content-Security-Policy and HSTS for every page answer (set by proxy.ts). Pure: no Next.js.
//
// Scripts run only with this request's nonce ('strict-dynamic' lets those scripts load Next.js's own chunks);
// Next.js reads the nonce from the request's Content-Security-Policy header and puts it on every script it renders
// (its docs: "How nonces work"). Every page is rendered per request (the root layout reads the session cookie), so
// no page is served with a stale build-time script tag. Pages answered from the anonymous page cache get their
// own nonce too (app/_core/page-cache.ts).
//
// Styles allow 'unsafe-inline': React renders `style` attributes and the editor (Tiptap/ProseMirror) sets
// styles at run time, neither of which can carry a nonce; styles cannot run code, scripts are what CSP guards here.
import "server-only";
import { randomBytes } from "node:crypto";

/** A fresh, unguessable nonce (base64 of 16 random bytes). */
export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

/** The policy for one answer. */
export function contentSecurityPolicy(nonce: string, opts: { https: boolean; dev: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(opts.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** HSTS for a site served over https (one year, subdomains included); none for plain http. */
export function strictTransportSecurity(appUrl: string): string | null {
  return appUrl.startsWith("https:") ? "max-age=31536000; includeSubDomains" : null;
}
