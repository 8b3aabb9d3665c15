// The small set of failures a use case may report. Each maps to one HTTP status and a message
// that is safe to show; anything else is an internal error whose details stay in the log.

import { isDatabaseUnavailable } from "./database-unavailable";

export type ErrorCode = "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "INVALID" | "RATE_LIMITED" | "UNAVAILABLE";

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const Unauthorized = (message = "Please sign in to continue.") => new AppError("UNAUTHORIZED", message);
export const Forbidden = (message = "You do not have access to this.") => new AppError("FORBIDDEN", message);
export const NotFound = (message = "We could not find that.") => new AppError("NOT_FOUND", message);
export const Conflict = (message: string) => new AppError("CONFLICT", message);
export const Invalid = (message: string, details?: Record<string, unknown>) => new AppError("INVALID", message, details);
export const RateLimited = (retryAfterSeconds: number) =>
  new AppError("RATE_LIMITED", `Too many attempts. Please try again in ${humanDuration(retryAfterSeconds)}.`, {
    retryAfterSeconds,
  });

/** How long a client is asked to wait before retrying while the database is out of reach. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 120;

export const UNAVAILABLE_MESSAGE = "We can't reach your account details right now. Nothing is lost; try again in a few minutes.";

/** The database could not be reached: nothing is known about the request, so it is never "signed out" or "not found". */
export const Unavailable = (message = UNAVAILABLE_MESSAGE, cause?: unknown) => {
  const error = new AppError("UNAVAILABLE", message, { retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS });
  if (cause !== undefined) error.cause = cause;
  return error;
};

const STATUS: Record<ErrorCode, number> = {
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID: 422,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/** Normalises anything thrown into an AppError (or null for a genuine internal failure). */
export function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (isUniqueViolation(error)) return Conflict("That already exists.");
  if (isDatabaseUnavailable(error)) return Unavailable(undefined, error);
  if (typeof error === "object" && error !== null && (error as { name?: unknown }).name === "ZodError") {
    const issues = (error as { issues?: { path: PropertyKey[]; message: string }[] }).issues ?? [];
    const first = issues[0];
    return Invalid(first ? `${first.path.map(String).join(".") || "input"}: ${first.message}` : "Invalid input.");
  }
  return null;
}

export function httpStatusOf(error: unknown): number {
  const appError = toAppError(error);
  return appError ? STATUS[appError.code] : 500;
}

/** The JSON body and status a route handler answers with. Internal errors are logged, not shown. */
export function errorResponse(error: unknown): Response {
  const appError = toAppError(error);
  if (!appError) {
    console.error(error);
    return Response.json({ error: { code: "INTERNAL", message: "Something went wrong on our side." } }, { status: 500 });
  }
  if (appError.code === "UNAVAILABLE") console.warn(`database unavailable: ${String((appError.cause as Error | undefined)?.message ?? appError.message)}`);
  const headers: Record<string, string> = {};
  const retry = appError.details?.retryAfterSeconds;
  if (typeof retry === "number") headers["Retry-After"] = String(retry);
  return Response.json({ error: { code: appError.code, message: appError.message } }, { status: STATUS[appError.code], headers });
}

export function humanDuration(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.ceil(seconds))} second${Math.ceil(seconds) === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}
