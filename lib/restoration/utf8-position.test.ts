import { describe, expect, it } from "vitest";
import { firstInvalidUtf8, incompleteTail } from "./utf8-position";

const bytes = (...b: number[]) => Uint8Array.from(b);

describe("firstInvalidUtf8", () => {
  it("finds nothing wrong in valid text, including 2-, 3- and 4-byte characters", () => {
    expect(firstInvalidUtf8(Buffer.from("a,é,€,😀\n"), true)).toBe(-1);
  });

  it.each([
    ["a stray continuation byte", bytes(0x41, 0x80, 0x41), 1],
    ["a byte that never occurs", bytes(0x41, 0x42, 0xff), 2],
    ["an overlong form", bytes(0x41, 0xc0, 0xaf), 1],
    ["an encoded surrogate", bytes(0xed, 0xa0, 0x80), 0],
    ["a lead byte followed by ASCII", bytes(0x41, 0xe2, 0x82, 0x41), 1],
    ["a code point past U+10FFFF", bytes(0xf4, 0x90, 0x80, 0x80), 0],
  ])("points at the start of %s", (_name, input, at) => {
    expect(firstInvalidUtf8(input, false)).toBe(at);
    // Where TextDecoder refuses it too: the two must agree on what is invalid.
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(input)).toThrow();
  });

  it("treats a character cut off by the end as invalid only at the end of the file", () => {
    expect(firstInvalidUtf8(bytes(0x41, 0xe2, 0x82), false)).toBe(-1);
    expect(firstInvalidUtf8(bytes(0x41, 0xe2, 0x82), true)).toBe(1);
  });
});

describe("incompleteTail", () => {
  it("returns the start of a character still waiting for its last bytes", () => {
    expect([...incompleteTail(bytes(0x41, 0xe2, 0x82))]).toEqual([0xe2, 0x82]);
    expect([...incompleteTail(bytes(0x41, 0xe2, 0x82, 0xac))]).toEqual([]);
    expect([...incompleteTail(bytes(0x41))]).toEqual([]);
  });
});
