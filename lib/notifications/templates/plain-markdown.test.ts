import { describe, expect, it } from "vitest";
import { markdownToParagraphs } from "./plain-markdown";

describe("markdownToParagraphs", () => {
  it("keeps words and link targets and drops markup", () => {
    expect(markdownToParagraphs("## Where we are\n\nContacts are **back** for _most_ of you.\nSee [the plan](https://status.example/plan).\n\n- one\n- two")).toEqual([
      "Where we are",
      "Contacts are back for most of you. See the plan (https://status.example/plan).",
      "• one • two",
    ]);
  });

  it("drops images and leaves HTML as text for the layout to escape", () => {
    expect(markdownToParagraphs("![x](http://e/x.png)Hello <b>there</b>")).toEqual(["Hello <b>there</b>"]);
  });
});
