import { describe, expect, it } from "vitest";
import { firstFreeSlug, slugify } from "./slug";

describe("slugify", () => {
  it("turns a title into a readable address", () => {
    expect(slugify("Delayed photo uploads", "incident")).toBe("delayed-photo-uploads");
    expect(slugify("  Sync & backup: DOWN!!  ", "incident")).toBe("sync-and-backup-down");
    expect(slugify("Café in São Paulo — résumé", "incident")).toBe("cafe-in-sao-paulo-resume");
  });

  it("drops markup characters, so a hostile title gives a harmless address", () => {
    expect(slugify('<img src=x onerror="window.__xss=1">', "incident")).toBe("img-src-x-onerror-window-xss-1");
  });

  it("keeps addresses short without a trailing hyphen", () => {
    const slug = slugify(`${"a".repeat(59)} bcd`, "incident");
    expect(slug).toBe("a".repeat(59));
    expect(slugify("word ".repeat(30), "incident").length).toBeLessThanOrEqual(60);
  });

  it("falls back when nothing in the title can be used", () => {
    expect(slugify("数据丢失", "incident")).toBe("incident");
    expect(slugify("!!!", "maintenance")).toBe("maintenance");
  });
});

describe("firstFreeSlug", () => {
  it("uses the base when free and numbers the clashes from 2", () => {
    expect(firstFreeSlug("outage", [])).toBe("outage");
    expect(firstFreeSlug("outage", ["outage"])).toBe("outage-2");
    expect(firstFreeSlug("outage", ["outage", "outage-2", "outage-3", "outage-london"])).toBe("outage-4");
    expect(firstFreeSlug("outage", ["outage", "outage-3"])).toBe("outage-2");
  });
});
