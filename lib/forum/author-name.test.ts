import { describe, expect, it } from "vitest";
import { authorDisplayName } from "./author-name";

describe("authorDisplayName", () => {
  it("shows a subscriber's first name and last initial", () => {
    expect(authorDisplayName("Sam Rivera", "SUBSCRIBER")).toBe("Sam R.");
    expect(authorDisplayName("  Ines  de la Cruz ", "SUBSCRIBER")).toBe("Ines D.");
    expect(authorDisplayName("Cher", "SUBSCRIBER")).toBe("Cher");
  });

  it("shows staff by first name only", () => {
    expect(authorDisplayName("Riley (Support)", "SUPPORT")).toBe("Riley");
    expect(authorDisplayName("Morgan Lee", "ADMIN")).toBe("Morgan");
  });

  it("never shows an email address, and falls back to the role", () => {
    expect(authorDisplayName("sam@example.com", "SUBSCRIBER")).toBe("Subscriber");
    expect(authorDisplayName(null, "SUBSCRIBER")).toBe("Subscriber");
    expect(authorDisplayName("", "SUPPORT")).toBe("Support team");
    expect(authorDisplayName("(bot) 123", "ADMIN")).toBe("Support team");
  });
});
