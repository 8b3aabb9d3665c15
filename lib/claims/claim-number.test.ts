import { describe, expect, it } from "vitest";
import { CLAIM_NUMBER_PATTERN, newClaimNumber, normaliseClaimNumber } from "./claim-number";

describe("claim numbers", () => {
  it("look like C-XXXX-XXXX with no confusable characters, and do not repeat", () => {
    const numbers = Array.from({ length: 2000 }, newClaimNumber);
    for (const n of numbers) expect(n).toMatch(CLAIM_NUMBER_PATTERN);
    expect(numbers.join("")).not.toMatch(/[01ILOU]/);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it("accept what a person types", () => {
    expect(normaliseClaimNumber(" c-7k4m-9q2x ")).toBe("C-7K4M-9Q2X");
  });
});
