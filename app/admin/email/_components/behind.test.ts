import { describe, expect, it } from "vitest";
import { formatBehind } from "./behind";

describe("worker backlog age", () => {
  it("reads as caught up, seconds, minutes, hours and days", () => {
    expect(formatBehind(0)).toBe("caught up");
    expect(formatBehind(42)).toBe("42 s");
    expect(formatBehind(12 * 60 + 59)).toBe("12 min");
    expect(formatBehind(3 * 3600)).toBe("3 h");
    expect(formatBehind(3 * 3600 + 5 * 60)).toBe("3 h 5 min");
    expect(formatBehind(50 * 3600)).toBe("2 d 2 h");
    expect(formatBehind(72 * 3600)).toBe("3 d");
  });
});
