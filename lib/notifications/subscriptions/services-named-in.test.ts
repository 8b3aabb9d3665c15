import { describe, expect, it } from "vitest";
import { servicesNamedIn } from "./services-named-in";

const groups = [
  { components: [{ id: 1, slug: "contacts-sync" }, { id: 2, slug: "backups" }] },
  { components: [{ id: 3, slug: "website" }] },
];

describe("servicesNamedIn", () => {
  it("ticks the services an incident page names, across groups", () => {
    expect(servicesNamedIn(groups, "backups,website")).toEqual([2, 3]);
  });

  it("ignores unknown names, blanks and a missing parameter", () => {
    expect(servicesNamedIn(groups, "gone, ,contacts-sync")).toEqual([1]);
    expect(servicesNamedIn(groups, "")).toEqual([]);
    expect(servicesNamedIn(groups, undefined)).toEqual([]);
  });
});
