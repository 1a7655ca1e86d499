// Runs before every page and server action. It makes no access decisions (every check is on the server:
// app/_core/guard.ts); it only:
// - refuses a post declaring a body over the upload limit with a Dutch 413 (refuseOversizedPagePost),
// - refuses server-action posts the framework would answer with a 500 (refuseMalformedAction),
// - gives every page answer a Content-Security-Policy with a fresh nonce, and HSTS over https (securityHeaders),
// - tells the login guard which page was asked for, so login can return there (deep links),
// - sends a signed-in caller who opens /desk or /redactie to /mijn-vragen (the server refuses them anyway),
// - answers plain anonymous views of cached public pages (the search page) from the page cache.
// Each concern is its own small function so they stay easy to read (and to merge).
import { NextResponse, type NextRequest } from "next/server";
import { refuseMalformedAction } from "@/app/_core/action-guard";
import { refuseOversizedPagePost } from "@/app/_core/body-limit";
import { callerInStaffArea } from "@/app/_core/caller-gate";
import { env } from "@/app/_core/env";
import { PAGE_FILL_HEADER, type PageCache } from "@/app/_core/page-cache";
import { RETURN_PATH_HEADER } from "@/app/_core/safe-redirect";
import { contentSecurityPolicy, newNonce, strictTransportSecurity } from "@/app/_core/security-headers";

export async function proxy(req: NextRequest) {
  // A post declaring a body over the server-action limit: a Dutch 413 before anything reads it.
  const tooLarge = refuseOversizedPagePost(req);
  if (tooLarge) return tooLarge;
  const refused = await refuseMalformedAction(req);
  if (refused) return refused;
  if (await callerInStaffArea(req.nextUrl.pathname, req.cookies)) {
    // On the portal's own address: req.nextUrl can carry the server's bind address, which the browser cannot resolve.
    return NextResponse.redirect(new URL("/mijn-vragen", env().APP_URL));
  }
  // Set up at start by instrumentation.ts in this process; without it the page simply renders.
  const cache = (globalThis as { __portalPageCache?: PageCache }).__portalPageCache;
  // A render for the page cache uses the cache's nonce slot, which each cached answer replaces with its own nonce.
  const nonce = cache?.isFill(req.headers.get(PAGE_FILL_HEADER)) ? cache.nonceSlot : newNonce();
  const policy = contentSecurityPolicy(nonce, {
    https: env().APP_URL.startsWith("https:"),
    dev: process.env.NODE_ENV === "development",
  });
  const res =
    (await cache?.serve(req, { nonce })) ?? NextResponse.next({ request: { headers: forwardedHeaders(req, policy) } });
  return securityHeaders(res, policy);
}

/** The request headers the app sees: the nonce (Next.js reads it from the CSP header) and the page asked for. */
function forwardedHeaders(req: NextRequest, policy: string): Headers {
  const headers = new Headers(req.headers);
  headers.set("content-security-policy", policy);
  const asked = new URL(req.nextUrl.href);
  asked.searchParams.delete("_rsc"); // a client-side navigation's cache buster, not part of the page
  headers.set(RETURN_PATH_HEADER, asked.pathname + asked.search);
  return headers;
}

/** CSP on every answer, HSTS when the site is served over https. */
function securityHeaders(res: Response, policy: string): Response {
  res.headers.set("content-security-policy", policy);
  const hsts = strictTransportSecurity(env().APP_URL);
  if (hsts) res.headers.set("strict-transport-security", hsts);
  return res;
}

export const config = {
  // Pages and server actions; not the API (JSON, no scripts), nor built assets.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"],
};
