// Large request bodies: refused by their declared size before a byte is read, and only a few read at a time.
// A 20 MB post costs several copies of itself while it is parsed (bytes, text, JSON, decoded files); thirty at
// once took the server from 170 MB to 1.7 GB. Browser-safe constants (the wizard checks the same limits).
import { ExpectedError } from "./errors";

/** Largest server-action body (3 files of 5 MB plus the form), the same as next.config.js serverActions.bodySizeLimit. */
export const SERVER_ACTION_MAX_BYTES = 17 * 1024 * 1024;

/** What the browser (before sending) and the server (413) say when the files are too large. */
export const UPLOAD_TOO_LARGE_MESSAGE =
  "Uw bijlagen zijn te groot om te versturen. U kunt maximaal 3 bestanden meesturen, van elk hoogstens 5 MB. Maak een bestand kleiner of laat het weg.";

/** A 413 with a Dutch message. */
export class PayloadTooLargeError extends ExpectedError {
  constructor(message = UPLOAD_TOO_LARGE_MESSAGE) {
    super(message, 413, [{ path: "", message }]);
  }
}

/** The declared Content-Length, or null when there is none (chunked) or it is not a number. */
export function declaredLength(headers: Headers): number | null {
  const raw = headers.get("content-length");
  if (raw === null || !/^\d{1,15}$/.test(raw.trim())) return null;
  return Number(raw);
}

/**
 * For proxy.ts: a POST to a page (a server action, or a form posted without JavaScript) declaring a body over
 * the server-action limit gets a 413 with the Dutch message before the framework reads it. Null: go on.
 */
export function refuseOversizedPagePost(req: Request): Response | null {
  if (req.method !== "POST") return null;
  const len = declaredLength(req.headers);
  if (len === null || len <= SERVER_ACTION_MAX_BYTES) return null;
  return Response.json(
    { error: UPLOAD_TOO_LARGE_MESSAGE, issues: [] },
    { status: 413, headers: { connection: "close" } },
  );
}

/** Bodies above this size count as large and need a slot. */
export const LARGE_BODY_BYTES = 1024 * 1024;

/**
 * A counting semaphore for large bodies: at most `slots` are read and handled at a time, at most `queue` wait;
 * beyond that the request gets a 503 with Retry-After (the client may try again; nothing was read).
 */
export function bodySlots(slots: number, queue: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else active--;
  };
  return {
    get active() {
      return active;
    },
    get waiting() {
      return waiting.length;
    },
    /** Resolves with a release function once a slot is free. */
    async acquire(): Promise<() => void> {
      if (active < slots) {
        active++;
        return once(release);
      }
      if (waiting.length >= queue) {
        throw new ExpectedError("Het is nu erg druk. Probeer het over een minuut opnieuw.", 503, [], {
          "Retry-After": "30",
        });
      }
      await new Promise<void>((resolve) => waiting.push(resolve));
      return once(release);
    },
  };
}

function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (!done) {
      done = true;
      fn();
    }
  };
}

/** Large API bodies read at once: UPLOAD_CONCURRENCY (default 3); the waiting line is 10 times that. */
export function uploadConcurrency(
  value = typeof process === "undefined" ? undefined : process.env.UPLOAD_CONCURRENCY,
): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 1000 ? n : 3;
}

/** The process-wide slots for large API bodies (one per process, shared by every bundle). */
export const largeBodies: ReturnType<typeof bodySlots> = ((
  globalThis as { __portalLargeBodies?: ReturnType<typeof bodySlots> }
).__portalLargeBodies ??= bodySlots(uploadConcurrency(), uploadConcurrency() * 10));
