import { describe, expect, it, vi } from "vitest";

vi.stubEnv("DATABASE_URL", "postgresql://unused@127.0.0.1/none");
const { personalLine } = await import("./personal-restoration");

const category = (slug: string, state: string, position: number, eta: unknown = { kind: "unknown", reason: "" }) =>
  ({ slug, name: slug[0]!.toUpperCase() + slug.slice(1), itemNoun: slug, state, itemsLost: 10, itemsRestored: 0, position, eta }) as Parameters<typeof personalLine>[0][number];

describe("personalLine", () => {
  const now = new Date("2026-11-20T09:00:00Z");
  it("says what is back and what comes next, in plan order, with its day and zone", () => {
    const eta = { kind: "date", date: new Date("2026-11-27T18:00:00Z"), basis: "plan", late: false };
    expect(personalLine([category("contacts", "RESTORED", 0), category("calendar", "RESTORED", 1), category("photos", "VALIDATED", 4, eta), category("notes", "AFFECTED", 2, eta)], now)).toBe(
      "For you: your contacts and calendar are back; 2 categories still to come, next notes, expected by Fri, Nov 27 (UTC).",
    );
  });

  it("never names as next what is already coming back", () => {
    const soon = { kind: "date", date: new Date("2026-11-21T15:00:00Z"), basis: "progress", late: false };
    const later = { kind: "date", date: new Date("2026-11-25T10:00:00Z"), basis: "plan", late: true };
    expect(personalLine([category("calendar", "RESTORING", 1, soon), category("notes", "VALIDATED", 2, later)], now)).toBe(
      "For you: your calendar is coming back now; next and last: notes, expected by Wed, Nov 25 (UTC).",
    );
    expect(personalLine([category("calendar", "RESTORING", 1, soon)], now)).toBe("For you: your calendar is coming back now.");
  });

  it("names the last category and admits when there is no date yet", () => {
    expect(personalLine([category("contacts", "RESTORED", 0), category("photos", "AFFECTED", 4)])).toBe("For you: your contacts are back; next and last: photos (no date yet).");
  });

  it("tells about losses and says nothing to someone who was not affected", () => {
    expect(personalLine([category("photos", "UNRECOVERABLE", 4), category("notes", "PARTIAL", 2)])).toBe("For you: your notes are partly back; your photos could not be recovered.");
    expect(personalLine([category("photos", "NOT_AFFECTED", 4)])).toBeNull();
  });
});
