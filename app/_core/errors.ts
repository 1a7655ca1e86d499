// Expected errors reach the user with their own (Dutch) message and status; anything else is logged and
// answered with a generic message (formbricks' isExpectedError habit).
import type { ZodError } from "zod";

export type Issue = { path: string; message: string };

export class ExpectedError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly issues: Issue[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** 400 with per-field issues. */
export class ValidationError extends ExpectedError {
  constructor(message: string, issues: Issue[] = []) {
    super(message, 400, issues);
  }
}

/** 404: also used when a user may not see a thing, so its existence is not confirmed. */
export class NotFoundError extends ExpectedError {
  constructor(message = "Niet gevonden.") {
    super(message, 404);
  }
}

export class UnauthorizedError extends ExpectedError {
  constructor(message = "Log eerst in.") {
    super(message, 401);
  }
}

/** 403: authenticated (an API token), but not allowed to do this. */
export class ForbiddenError extends ExpectedError {
  constructor(message: string) {
    super(message, 403);
  }
}

export class ConflictError extends ExpectedError {
  constructor(message: string) {
    super(message, 409);
  }
}

export class RateLimitError extends ExpectedError {
  constructor(message: string, retryAfterSeconds: number) {
    super(message, 429, [], { "Retry-After": String(Math.max(1, Math.ceil(retryAfterSeconds))) });
  }
}

export const isExpectedError = (e: unknown): e is ExpectedError => e instanceof ExpectedError;

/** zod issues as `{path: "events.3.date", message}`. */
export function zodIssues(error: ZodError): Issue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
}

/** A ValidationError from a ZodError, with a summary message. */
export function fromZod(error: ZodError, message = "De invoer klopt niet. Controleer de velden."): ValidationError {
  return new ValidationError(message, zodIssues(error));
}

export const GENERIC_ERROR = "Er ging iets mis aan onze kant. Probeer het later opnieuw.";

/** Logs an unexpected error without request bodies (they may hold personal data). */
export function logUnexpected(where: string, error: unknown): void {
  const e =
    error instanceof Error
      ? { name: error.name, message: error.message, stack: error.stack }
      : { error: String(error) };
  console.error(JSON.stringify({ level: "error", where, ...e }));
}
