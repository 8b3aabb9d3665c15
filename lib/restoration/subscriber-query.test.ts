import { describe, expect, it } from "vitest";
import { isEmptyQuery, parseSubscriberQuery, phoneCandidates } from "./subscriber-query";

describe("parseSubscriberQuery", () => {
  it("treats anything with an @ as an email address, lower-cased", () => {
    expect(parseSubscriberQuery("  Zoe.Rivera13@Example.com ")).toEqual({ emails: ["zoe.rivera13@example.com"], phones: [], accountRefs: [] });
    expect(isEmptyQuery(parseSubscriberQuery("not an@ email"))).toBe(true);
  });

  it("normalises phone numbers written with spaces, dashes, dots or brackets", () => {
    for (const written of ["+15551000017", "+1 555 100 0017", "+1-555-100-0017", "+1 (555) 100.0017", "0015551000017"]) {
      expect(parseSubscriberQuery(written).phones, written).toEqual(["+15551000017"]);
    }
    expect(phoneCandidates("15551000017")).toEqual(["+15551000017", "15551000017"]);
    expect(phoneCandidates("12-34")).toEqual([]);
  });

  it("matches account references whatever their case", () => {
    expect(parseSubscriberQuery("nm-100017").accountRefs).toEqual(["NM-100017", "nm-100017"]);
    expect(parseSubscriberQuery("NM-100017")).toEqual({ emails: [], phones: [], accountRefs: ["NM-100017"] });
  });

  it("tries a bare number as both a phone number and an account reference", () => {
    expect(parseSubscriberQuery("5551000017")).toEqual({ emails: [], phones: ["+5551000017", "5551000017"], accountRefs: ["5551000017"] });
  });

  it("looks for nothing when the text cannot be a key", () => {
    for (const text of ["", "   ", "drop table;", "a", "x".repeat(201)]) expect(isEmptyQuery(parseSubscriberQuery(text)), text).toBe(true);
  });
});
