import { describe, expect, it } from "vitest";
import { readGiftCodeFile } from "./gift-code-file";

describe("readGiftCodeFile", () => {
  it("reads one code per line, skipping blank lines and a bare header", () => {
    expect(readGiftCodeFile("code\r\nAAAA-1111\n\n  BBBB-2222  \n")).toEqual({
      codes: [{ line: 2, code: "AAAA-1111" }, { line: 4, code: "BBBB-2222" }],
      rejected: [],
    });
  });

  it("reads the code column of a CSV with quoted fields", () => {
    const { codes, rejected } = readGiftCodeFile('\uFEFFbatch,Code,value\n1,"CC,33",100\n2,DDDD-4444,100\n3,,100\n');
    expect(codes).toEqual([{ line: 2, code: "CC,33" }, { line: 3, code: "DDDD-4444" }]);
    expect(rejected).toEqual([{ line: 4, reason: "The code is empty." }]);
  });

  it("names each refused line: too long, odd characters, repeated in the file", () => {
    const { codes, rejected } = readGiftCodeFile(["GOOD-0001", "X".repeat(65), "BAD\u0007CODE", "GOOD-0001"].join("\n"));
    expect(codes).toEqual([{ line: 1, code: "GOOD-0001" }]);
    expect(rejected).toEqual([
      { line: 2, reason: "The code is longer than 64 characters." },
      { line: 3, reason: "The code has characters other than letters, digits, spaces and punctuation." },
      { line: 4, reason: "The same code is already on line 1 of this file." },
    ]);
  });

  it("refuses a multi-column file with no code column rather than guessing", () => {
    expect(readGiftCodeFile("a,b\n1,2\n")).toEqual({ codes: [], rejected: [{ line: 1, reason: "A file with several columns needs a header row with a “code” column." }] });
  });
});
