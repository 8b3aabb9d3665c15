import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseInput } from "./parse-input";

const Schema = z.object({ note: z.string().min(5, "Write a longer note.") });

describe("parseInput", () => {
  it("returns the parsed value", () => {
    expect(parseInput(Schema, { note: "hello world" })).toEqual({ note: "hello world" });
  });

  it("refuses with the first message as written, naming the field", () => {
    expect(() => parseInput(Schema, { note: "hi" })).toThrow(expect.objectContaining({ code: "INVALID", message: "Write a longer note.", details: { field: "note" } }));
  });
});
