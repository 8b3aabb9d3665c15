import { describe, expect, it } from "vitest";
import { classifyFailure, retryDelaySeconds } from "./classify-failure";

describe("classifyFailure", () => {
  it("stops at once on a 5xx reply or a refused address", () => {
    expect(classifyFailure({ responseCode: 550, response: "550 5.1.1 No such user" })).toEqual({ kind: "permanent", reason: "550 550 5.1.1 No such user" });
    expect(classifyFailure({ responseCode: 553, message: "bad mailbox" }).kind).toBe("permanent");
    expect(classifyFailure({ code: "EENVELOPE", message: "No recipients defined" }).kind).toBe("permanent");
  });

  it("retries on 4xx replies, throttling and lost connections", () => {
    expect(classifyFailure({ responseCode: 421, response: "421 Try again later" }).kind).toBe("temporary");
    expect(classifyFailure({ responseCode: 451, response: "451 4.7.1 Rate limited" }).kind).toBe("temporary");
    for (const code of ["ECONNECTION", "ETIMEDOUT", "ESOCKET", "ECONNRESET"]) expect(classifyFailure({ code, message: "gone" }).kind).toBe("temporary");
    expect(classifyFailure(new Error("something odd")).kind).toBe("temporary");
  });

  it("treats our own login failure as temporary, never as the recipient's fault", () => {
    expect(classifyFailure({ code: "EAUTH", responseCode: 535, response: "535 bad credentials" })).toMatchObject({ kind: "temporary" });
  });
});

describe("retryDelaySeconds", () => {
  it("doubles per attempt within ±20 % and is capped at six hours", () => {
    expect(retryDelaySeconds(1, 30, () => 0.5)).toBe(30);
    expect(retryDelaySeconds(2, 30, () => 0.5)).toBe(60);
    expect(retryDelaySeconds(4, 30, () => 0.5)).toBe(240);
    expect(retryDelaySeconds(3, 30, () => 0)).toBeCloseTo(96);
    expect(retryDelaySeconds(3, 30, () => 1)).toBeCloseTo(144);
    expect(retryDelaySeconds(30, 30, () => 0.5)).toBe(6 * 3600);
  });
});
