// The secret that signs and encrypts Auth.js session cookies. Development and tests run without a configured
// secret; production refuses to start without one (env.ts).
import "server-only";
import { env } from "./env";

const DEV_SECRET = "development-only-secret-not-for-production-use-0123456789";

/** AUTH_SECRET, or the development secret outside production. */
export function authSecret(): string {
  return env().AUTH_SECRET ?? DEV_SECRET;
}
