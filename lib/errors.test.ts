import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Conflict, errorResponse, httpStatusOf, humanDuration, RateLimited, toAppError, Unavailable } from "./errors";

describe("error mapping", () => {
  it("maps each typed error to its HTTP status", () => {
    expect(httpStatusOf(Conflict("dup"))).toBe(409);
    expect(httpStatusOf(RateLimited(30))).toBe(429);
    expect(httpStatusOf(new Error("boom"))).toBe(500);
  });

  it("answers a database that cannot be reached with 503 and Retry-After, not 500", async () => {
    const original = console.warn;
    console.warn = () => {};
    const lost = errorResponse(new Error("Connection terminated unexpectedly"));
    const refused = errorResponse({ name: "PrismaClientKnownRequestError", code: "P1001", message: "Can't reach database server at db:5432" });
    console.warn = original;
    for (const response of [lost, refused]) {
      expect(response.status).toBe(503);
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
      const body = await response.json();
      expect(body.error.code).toBe("UNAVAILABLE");
      expect(body.error.message).not.toContain("db:5432");
    }
    expect(httpStatusOf(Unavailable())).toBe(503);
  });

  it("turns Prisma's unique violation into a conflict", () => {
    expect(toAppError({ code: "P2002", meta: {} })?.code).toBe("CONFLICT");
  });

  it("turns a zod failure into an Invalid naming the field", () => {
    const result = z.object({ email: z.email() }).safeParse({ email: "nope" });
    expect(result.success).toBe(false);
    const appError = toAppError(result.error);
    expect(appError?.code).toBe("INVALID");
    expect(appError?.message).toMatch(/^email:/);
  });

  it("never leaks an internal message", async () => {
    const original = console.error;
    console.error = () => {};
    const response = errorResponse(new Error("password=hunter2"));
    console.error = original;
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain("hunter2");
  });

  it("sends Retry-After when rate limited", () => {
    expect(errorResponse(RateLimited(90)).headers.get("Retry-After")).toBe("90");
    expect(humanDuration(90)).toBe("2 minutes");
    expect(humanDuration(1)).toBe("1 second");
  });
});
