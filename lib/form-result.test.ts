import { describe, expect, it, vi } from "vitest";
import { Invalid } from "@/lib/errors";
import { toFormFailure } from "./form-result";

describe("toFormFailure", () => {
  it("shows a known refusal as it is, with its field", () => {
    expect(toFormFailure(Invalid("Write a note.", { field: "note" }), "fallback")).toEqual({ ok: false, message: "Write a note.", field: "note" });
  });

  it("hides an internal error behind the fallback and logs it", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(toFormFailure(new Error("connection refused at 10.0.0.3"), "Please try again.")).toEqual({ ok: false, message: "Please try again.", field: undefined });
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });
});
