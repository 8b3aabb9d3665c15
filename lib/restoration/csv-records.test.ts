import { describe, expect, it } from "vitest";
import { CsvRecords, MAX_RECORD_CHARS } from "./csv-records";

type Seen = { line: number; fields?: string[]; malformed?: string };

/** Feeds `text` in pieces of `size` characters and lists what the splitter reports, in order. */
function split(text: string, size = text.length || 1): Seen[] {
  const seen: Seen[] = [];
  const records = new CsvRecords({
    record: (fields, line) => seen.push({ line, fields: [...fields] }),
    malformed: (line, message) => seen.push({ line, malformed: message }),
  });
  for (let i = 0; i < text.length; i += size) records.push(text.slice(i, i + size));
  records.end();
  return seen;
}

const lines = (seen: Seen[]) => seen.map((s) => s.line);

describe("CsvRecords", () => {
  it("splits plain lines on commas, numbering every line of the file, blank ones included", () => {
    expect(split("a,b,c\n\n1,,3\n \nx")).toEqual([
      { line: 1, fields: ["a", "b", "c"] },
      { line: 3, fields: ["1", "", "3"] },
      { line: 4, fields: [" "] },
      { line: 5, fields: ["x"] },
    ]);
  });

  it("reads quoted commas, escaped quotes and empty quoted fields as csv-parse does", () => {
    expect(split('a,b\n"x, y","say ""hi""",z\n"""",""," x ",\n""\n')).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["x, y", 'say "hi"', "z"] },
      { line: 3, fields: ['"', "", " x ", ""] },
      { line: 4, fields: [""] },
    ]);
  });

  it("keeps a quoted line break in its field and numbers the record by its first line", () => {
    const seen = split('h\n"two\nlines",b\nnext\n');
    expect(seen).toEqual([
      { line: 1, fields: ["h"] },
      { line: 2, fields: ["two\nlines", "b"] },
      { line: 4, fields: ["next"] },
    ]);
  });

  it("reads CRLF files, with CRLF inside a quoted field kept as it was", () => {
    expect(split('h1,h2\r\n"a\r\nb",c\r\nd,e\r\n')).toEqual([
      { line: 1, fields: ["h1", "h2"] },
      { line: 2, fields: ["a\r\nb", "c"] },
      { line: 4, fields: ["d", "e"] },
    ]);
  });

  it("reads files that end lines with CR alone", () => {
    expect(split("h\rx,y\r\rz")).toEqual([
      { line: 1, fields: ["h"] },
      { line: 2, fields: ["x", "y"] },
      { line: 4, fields: ["z"] },
    ]);
  });

  it("follows the file's first line break, like csv-parse, and still counts other breaks as lines", () => {
    // An LF file with a CRLF line: the \r stays in the field (parseRow trims it), one line either way.
    expect(split("h\na,b\r\nc\n")).toEqual([
      { line: 1, fields: ["h"] },
      { line: 2, fields: ["a", "b\r"] },
      { line: 3, fields: ["c"] },
    ]);
    // A CR file with a CRLF line: the \n starts the next field, but \r\n is one line break.
    expect(split("h\ra\r\nb\rc")).toEqual([
      { line: 1, fields: ["h"] },
      { line: 2, fields: ["a"] },
      { line: 3, fields: ["\nb"] },
      { line: 4, fields: ["c"] },
    ]);
    // A CRLF file with a bare \n: not a record delimiter there, but a line to anyone reading it.
    expect(split("h\r\na\nb\r\nc\r\n")).toEqual([
      { line: 1, fields: ["h"] },
      { line: 2, fields: ["a\nb"] },
      { line: 4, fields: ["c"] },
    ]);
  });

  it("drops a byte-order mark left at the start, and only there", () => {
    expect(split("\uFEFFh,i\n\uFEFFx")).toEqual([
      { line: 1, fields: ["h", "i"] },
      { line: 2, fields: ["\uFEFFx"] },
    ]);
  });

  it("gives the same records however the text is cut into chunks", () => {
    const text = 'h,i\r\n"a,\r\nb",c\r\n\r\nplain,row\r\n"q""q",x\r\nlast';
    const whole = split(text);
    for (const size of [1, 2, 3, 5, 7]) expect(split(text, size)).toEqual(whole);
  });

  it("reports a record that is not valid CSV with csv-parse's reason and the file's line, then goes on", () => {
    const closing = (got: string) => `Invalid Closing Quote: got "${got}" at line 3 instead of delimiter, record delimiter, trimable character (if activated) or comment`;
    expect(split('h\nok\n"bad"x,"1"\nafter\n')).toEqual([
      { line: 1, fields: ["h"] },
      { line: 2, fields: ["ok"] },
      { line: 3, malformed: closing("x") },
      { line: 3, malformed: closing("1") },
      { line: 4, fields: ["after"] },
    ]);
    expect(split('h\nab"c,d\n')).toEqual([
      { line: 1, fields: ["h"] },
      { line: 2, malformed: 'Invalid Opening Quote: a quote is found on field 0 at line 2, value is "ab"' },
    ]);
  });

  it("refuses a quoted field that never closes, naming the line where it starts", () => {
    expect(() => split('h\nok\na,"open\nstill\nopen')).toThrow('a quoted field starts on line 3 but its closing quote (") is missing');
    expect(() => split('h\n"x\ny","z\nw')).toThrow("a quoted field starts on line 3 but");
  });

  it("reports an over-long line as a malformed row as soon as it is too long, without holding it", () => {
    const seen: Seen[] = [];
    const records = new CsvRecords({
      record: (fields, line) => seen.push({ line, fields: [...fields] }),
      malformed: (line, message) => seen.push({ line, malformed: message }),
    });
    records.push("h\n");
    for (let i = 0; i < 40; i++) records.push("x".repeat(4096));
    expect(seen).toEqual([{ line: 1, fields: ["h"] }, { line: 2, malformed: `Max Record Size: record exceed the maximum number of tolerated bytes of ${MAX_RECORD_CHARS} at line 2` }]);
    records.push("tail of the long line\nnext,row\n");
    records.end();
    expect(seen.at(-1)).toEqual({ line: 3, fields: ["next", "row"] });
    expect(lines(split(`h\n${"y".repeat(MAX_RECORD_CHARS + 1)}\nz`))).toEqual([1, 2, 3]);
    expect(split(`${"y".repeat(MAX_RECORD_CHARS + 1)}\r\nh\r\n`, 4096)).toEqual([
      { line: 1, malformed: `Max Record Size: record exceed the maximum number of tolerated bytes of ${MAX_RECORD_CHARS} at line 1` },
      { line: 2, fields: ["h"] },
    ]);
  });

  it("refuses a quoted field that runs past the record limit across lines", () => {
    const text = `h\nok\n"${"many lines\n".repeat(7000)}`;
    expect(() => split(text, 65_536)).toThrow(`a quoted field starts on line 3 and runs on for more than ${MAX_RECORD_CHARS} characters`);
    expect(() => split(`"${"header\n".repeat(10_000)}`, 4096)).toThrow("a quoted field starts on line 1 and runs on");
  });

  it("reads an empty text as no records", () => {
    expect(split("")).toEqual([]);
    expect(split("\n\n")).toEqual([]);
    expect(split("\r\n\r\n")).toEqual([]);
  });
});
