// Whether a request carries an Auth.js session cookie (plain, __Secure- prefixed, or chunked as .0, .1, …).
// Without one there is nothing to decode: the visitor is anonymous.
import "server-only";
export const SESSION_COOKIE_RE = /(^|[.-])authjs\.session-token(\.\d+)?$/;

/** From a Cookie header. */
export function hasSessionCookie(header: string | null | undefined): boolean {
  if (!header) return false;
  return header.split(";").some((part) => SESSION_COOKIE_RE.test(part.split("=", 1)[0]!.trim()));
}
