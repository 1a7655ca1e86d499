// The one check for every return path a request carries (login's `terug`, the deep link after login, …).
// Pure: no Next.js.
//
// Rather than recognising bad input (browsers forgive backslashes, tabs, CR/LF, encoded and unicode slashes in
// ways a pattern easily misses), the path is resolved the way a browser would, against a placeholder origin, and
// kept only when it stays on that origin; it is then rebuilt from the parsed pathname, query and hash, so what is
// returned is what the browser will go to. On top of that, only a conservative character set is accepted.

import "server-only";
const BASE = "http://portal.invalid";

/** A same-site path ("/desk/tickets/PO-1?x=1") safe to redirect to, or null. */
export function safeReturnPath(input: string | null | undefined): string | null {
  if (typeof input !== "string" || input.length === 0 || input.length > 2000) return null;
  // Only printable ASCII, no backslash: control characters (tab, CR, LF are stripped by URL parsers), unicode
  // look-alikes (／ ∕ ⁄ ＼ ．) and backslashes (read as "/" by browsers) have no place in our own paths.
  if (!/^[\x21-\x7e]+$/.test(input) || input.includes("\\")) return null;
  if (!input.startsWith("/") || input.startsWith("//")) return null;
  // Encoded slashes, backslashes and control characters in the path could turn into the above after one more
  // decoding step (a proxy, a framework, a second redirect): refuse them too. (In the query they are data.)
  if (/%(2f|5c|0[0-9a-f]|1[0-9a-f]|7f)/i.test(input.split(/[?#]/, 1)[0]!)) return null;
  let url: URL;
  try {
    url = new URL(input, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  const out = url.pathname + url.search + url.hash;
  // The rebuilt path must still be a plain one-slash path (URL normalises "/./x" and "/a/../b", never to "//").
  return out.startsWith("/") && !out.startsWith("//") ? out : null;
}

/** Where to go after login: the return path when it is safe and inside the allowed areas, else the fallback. */
export function returnPathOr(input: string | null | undefined, fallback: string): string {
  return safeReturnPath(input) ?? fallback;
}

/**
 * Request header carrying the path (and query) the visitor asked for, set by proxy.ts on every page request
 * (any client-sent value is replaced), so the login guard can send people back to the exact page after login.
 */
export const RETURN_PATH_HEADER = "x-portal-path";

/** A caller's return path after signing in by e-mail link: a safe path inside /mijn-vragen, else /mijn-vragen. */
export function callerReturnPath(input: string | null | undefined): string {
  const path = safeReturnPath(input);
  return path && /^\/mijn-vragen(\/|\?|$)/.test(path) && !path.startsWith("/mijn-vragen/inloggen")
    ? path
    : "/mijn-vragen";
}
