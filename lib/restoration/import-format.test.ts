import { describe, expect, it } from "vitest";
import { IMPORT_COLUMNS, parseRow, readHeader } from "./import-format";

const categories = new Map([["contacts", 1], ["calendar", 2], ["high-scores", 6]]);
const columns = readHeader([...IMPORT_COLUMNS]);
const row = (over: Partial<Record<(typeof IMPORT_COLUMNS)[number], string>> = {}) => {
  const base = { subscriber_ref: "NM-100001", category: "contacts", state: "RESTORED", items_lost: "315", items_recovered: "315", items_restored: "315", as_of: "2026-11-20T10:00:00Z", ...over };
  return IMPORT_COLUMNS.map((c) => base[c]);
};
const NOW = Date.parse("2026-11-21T00:00:00Z");

describe("readHeader", () => {
  it("accepts the columns in any order and tolerant spelling", () => {
    const cols = readHeader(["State", "subscriber ref", "category", "items_lost", "items-recovered", "items_restored", "AS_OF"]);
    expect(cols.state).toBe(0);
    expect(cols.subscriber_ref).toBe(1);
  });

  it("names missing, unexpected and repeated columns", () => {
    expect(() => readHeader(["subscriber_ref", "category", "state"])).toThrow(/missing columns: items_lost, items_recovered, items_restored, as_of/);
    expect(() => readHeader([...IMPORT_COLUMNS, "notes"])).toThrow(/unexpected column: notes/);
    expect(() => readHeader([...IMPORT_COLUMNS, "state"])).toThrow(/repeated column: state/);
  });
});

describe("parseRow", () => {
  it("parses a good row and normalises names", () => {
    const parsed = parseRow(row({ category: "High Scores", state: "unrecoverable", items_recovered: "0", items_restored: "0" }), columns, categories, NOW);
    expect(parsed).toMatchObject({ ok: true, row: { ref: "NM-100001", categoryId: 6, state: "UNRECOVERABLE", itemsLost: 315 } });
  });

  it.each([
    [{ subscriber_ref: " " }, /subscriber_ref is empty/],
    [{ category: "music" }, /unknown category "music"/],
    [{ state: "DONE" }, /unknown state "DONE"/],
    [{ items_lost: "-3" }, /items_lost must be a whole number/],
    [{ items_lost: "2.5" }, /items_lost must be a whole number/],
    [{ items_restored: "abc" }, /items_restored must be a whole number/],
    [{ items_recovered: "400" }, /recovered cannot exceed items lost/],
    [{ items_restored: "300" }, /RESTORED needs items restored equal/],
    [{ as_of: "20/11/2026" }, /ISO 8601/],
    [{ as_of: "2026-11-20T10:00:00" }, /with a zone/],
    [{ as_of: "2026-02-31T10:00:00Z" }, /not a real date|ISO/],
    [{ as_of: "2027-01-01T00:00:00Z" }, /in the future/],
  ])("rejects %o with a clear reason", (over, reason) => {
    const parsed = parseRow(row(over), columns, categories, NOW);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(reason);
  });

  it.each([
    ["0007", 7],
    [" 12 ", 12],
    ["100000000", 100_000_000],
    ["0000000000000000000315", 315],
  ])("reads the count %j as %d", (value, expected) => {
    const parsed = parseRow(row({ state: "AFFECTED", items_lost: value, items_recovered: "0", items_restored: "0" }), columns, categories, NOW);
    expect(parsed).toMatchObject({ ok: true, row: { itemsLost: expected } });
  });

  it.each([
    ["", 'items_lost must be a whole number ≥ 0 (got "")'],
    ["+5", 'items_lost must be a whole number ≥ 0 (got "+5")'],
    ["٣", 'items_lost must be a whole number ≥ 0 (got "٣")'],
    ["1e3", 'items_lost must be a whole number ≥ 0 (got "1e3")'],
    ["100000001", "items_lost is implausibly large (100000001)"],
    [" 123456789012 ", "items_lost is implausibly large (123456789012)"],
  ])("names the problem with the count %j exactly", (value, error) => {
    expect(parseRow(row({ items_lost: value }), columns, categories, NOW)).toEqual({ ok: false, ref: "NM-100001", category: "contacts", error });
  });

  it("reports every problem of a row, in column order", () => {
    const parsed = parseRow(row({ state: "DONE", items_lost: "x", items_recovered: "y", as_of: "yesterday" }), columns, categories, NOW);
    expect(parsed).toMatchObject({
      ok: false,
      error: [
        'unknown state "DONE" (expected one of NOT_AFFECTED, AFFECTED, RECOVERED, VALIDATED, RESTORING, RESTORED, PARTIAL, UNRECOVERABLE)',
        'items_lost must be a whole number ≥ 0 (got "x")',
        'items_recovered must be a whole number ≥ 0 (got "y")',
        'as_of must be an ISO 8601 time with a zone, like 2026-11-20T14:30:00Z (got "yesterday")',
      ].join("; "),
    });
  });

  it("names inconsistent counts together with the row's other problems", () => {
    const parsed = parseRow(row({ subscriber_ref: "", category: "music", items_restored: "300", as_of: "2027-01-01T00:00:00Z" }), columns, categories, NOW);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error.split("; ")).toEqual([
        "subscriber_ref is empty",
        expect.stringMatching(/^unknown category "music"/),
        "RESTORED needs items restored equal to items lost (use PARTIAL otherwise)",
        "as_of is in the future",
      ]);
    }
  });

  it("rejects a row with too few or too many fields", () => {
    const parsed = parseRow(row().slice(0, 5), columns, categories, NOW);
    expect(parsed).toMatchObject({ ok: false, error: "expected 7 fields, found 5" });
  });
});
