import { describe, expect, it } from "vitest";
import { readCookie } from "./cookies";

describe("readCookie", () => {
  it("finds one cookie among several, by its exact name", () => {
    const header = "theme=dark; next-auth.session-token=abc123; __Secure-next-auth.session-token=def";
    expect(readCookie(header, "next-auth.session-token")).toBe("abc123");
    expect(readCookie(header, "__Secure-next-auth.session-token")).toBe("def");
    expect(readCookie(header, "session-token")).toBeUndefined();
  });

  it("decodes percent-encoding and quotes, and keeps a value that is not valid encoding", () => {
    expect(readCookie("a=%7B%22x%22%3A1%7D", "a")).toBe('{"x":1}');
    expect(readCookie('a="quoted"', "a")).toBe("quoted");
    expect(readCookie("a=100%", "a")).toBe("100%");
    expect(readCookie("a=x=y", "a")).toBe("x=y");
  });

  it("answers undefined without a header or for a malformed pair", () => {
    expect(readCookie(null, "a")).toBeUndefined();
    expect(readCookie("", "a")).toBeUndefined();
    expect(readCookie("novalue; ;", "novalue")).toBeUndefined();
  });
});
