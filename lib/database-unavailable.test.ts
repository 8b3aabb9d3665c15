import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./database-unavailable";

describe("isDatabaseUnavailable", () => {
  it("recognises a refused or dropped connection from node-postgres", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("timeout exceeded when trying to connect"))).toBe(true);
  });

  it("recognises a server that is shutting down or refusing connections", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("connection failure"), { code: "08006" }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("sorry, too many clients already"), { code: "53300" }))).toBe(true);
  });

  it("recognises Prisma's reports, with or without its driver adapter's classification", () => {
    expect(isDatabaseUnavailable({ name: "PrismaClientKnownRequestError", code: "P1001", message: "Can't reach database server" })).toBe(true);
    const raw = { name: "PrismaClientKnownRequestError", code: "P2010", meta: { driverAdapterError: { name: "DriverAdapterError", cause: { kind: "DatabaseNotReachable" } } } };
    expect(isDatabaseUnavailable(raw)).toBe(true);
    expect(isDatabaseUnavailable({ name: "DriverAdapterError", cause: { kind: "ConnectionClosed" } })).toBe(true);
  });

  it("follows causes, and needs every attempt of an AggregateError to have failed to connect", () => {
    expect(isDatabaseUnavailable(new Error("lookup failed", { cause: Object.assign(new Error("reset"), { code: "ECONNRESET" }) }))).toBe(true);
    const refused = Object.assign(new Error("refused"), { code: "ECONNREFUSED" });
    expect(isDatabaseUnavailable(new AggregateError([refused, refused]))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([refused, new Error("bug")]))).toBe(false);
  });

  it("leaves bugs, bad queries and refusals alone", () => {
    expect(isDatabaseUnavailable(new Error("Cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseUnavailable({ code: "P2002", meta: {} })).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('relation "Nope" does not exist'), { code: "42P01" }))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable("ECONNREFUSED")).toBe(false);
  });
});
