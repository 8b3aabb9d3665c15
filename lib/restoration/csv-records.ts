// Splits decoded CSV text into records as it streams in. Lines are cut at commas by hand (RFC 4180:
// an unquoted field is the text between commas, a quoted one "…" with "" inside): 0.2 s for a
// million lines where csv-parse took 7 s. Anything irregular goes whole to csv-parse, which reports it.
// Records end at the file's first kind of line break, as in csv-parse; line numbers count every break.
import { parse, type CsvError } from "csv-parse/sync";

/** The most characters one record may have; it also bounds the text held while reading a line. */
export const MAX_RECORD_CHARS = 65_536;

export interface RecordSink {
  /**
   * A record's fields and the 1-based line of the file where the record starts. The array is
   * reused for the next record (a million rows need not mean a million arrays): copy it to keep it.
   */
  record(fields: string[], line: number): void;
  /** A record that is not valid CSV, by the line where it starts: reported, never dropped silently. */
  malformed(line: number, message: string): void;
}

const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const LF = 10;

/** Where a line leaves its record: complete, or inside a quoted field opened earlier or on it. */
const enum Quotes {
  Closed,
  StillOpen,
  Opened,
}

/**
 * csv-parse's quoting rules, for finding where a record ends: a quote opens a field only at its
 * start; inside, "" is a quote and a quote before a comma or the line's end closes the field. Any
 * other quote is an error csv-parse reports when it parses the record; it does not end the field.
 */
function quotesAtEnd(text: string, quoting: boolean): Quotes {
  let state = quoting ? Quotes.StillOpen : Quotes.Closed;
  let fieldStart = !quoting;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (state !== Quotes.Closed) {
      if (c !== QUOTE) continue;
      const next = text.charCodeAt(i + 1);
      if (next === QUOTE) i++;
      else if (next === COMMA || i + 1 === text.length) state = Quotes.Closed;
    } else if (c === COMMA) {
      fieldStart = true;
    } else {
      if (c === QUOTE && fieldStart) state = Quotes.Opened;
      fieldStart = false;
    }
  }
  return state;
}

/** The file's record delimiter: its first line break outside a quoted field (null: need more text). */
function findDelimiter(text: string, quoteAware: boolean, atEnd: boolean): string | null {
  let quoting = false;
  for (let from = 0; ; ) {
    let at = from;
    while (at < text.length && text.charCodeAt(at) !== LF && text.charCodeAt(at) !== CR) at++;
    if (at === text.length) return null;
    if (quoteAware) quoting = quotesAtEnd(text.slice(from, at), quoting) !== Quotes.Closed;
    if (quoting) {
      from = at + 1;
      continue;
    }
    if (text.charCodeAt(at) === LF) return "\n";
    if (at + 1 < text.length) return text.charCodeAt(at + 1) === LF ? "\r\n" : "\r";
    return atEnd ? "\r" : null;
  }
}

/** Where `char` next occurs in `text` from `from`; the text's length when it does not. */
function next(text: string, char: string, from: number): number {
  const at = text.indexOf(char, from);
  return at === -1 ? text.length : at;
}

// csv-parse's wording for its own limit, so one problem always reads the same.
const tooLong = (line: number) => `Max Record Size: record exceed the maximum number of tolerated bytes of ${MAX_RECORD_CHARS} at line ${line}`;

/** A record that leaves the rest of the file unreadable; `line` is where it starts. */
export class CsvStructureError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

const runaway = (line: number) =>
  new CsvStructureError(`a quoted field starts on line ${line} and runs on for more than ${MAX_RECORD_CHARS} characters; its closing quote (") is probably missing`, line);

/** A record whose quoted field runs on past the end of a line. */
interface OpenRecord {
  text: string;
  line: number;
  quoteLine: number;
}

export class CsvRecords {
  private delimiter = "";
  private carry = "";
  private line = 1;
  private started = false;
  private skipping = false;
  private open: OpenRecord | null = null;
  // The next comma and quote in the text being split (-1: not looked for yet), so that finding
  // them costs one pass over the text however its lines fall.
  private comma = -1;
  private quote = -1;
  private cr = -1;
  private lf = -1;
  private readonly fields: string[] = [];

  constructor(private readonly sink: RecordSink) {}

  /** Takes the next piece of decoded text; calls the sink for every record it completes. */
  push(chunk: string): void {
    this.feed(chunk, false);
  }

  /** The end of the text: the last line needs no line break, but an open quoted field is an error. */
  end(): void {
    this.feed("", true);
    this.delimiter ||= "\n"; // no line break at all: the text is one line
    this.comma = this.quote = this.cr = this.lf = -1;
    if (!this.skipping && (this.carry || this.open)) this.take(this.carry, 0, this.carry.length);
    this.carry = "";
    if (this.open) throw new CsvStructureError(`a quoted field starts on line ${this.open.quoteLine} but its closing quote (") is missing`, this.open.quoteLine);
  }

  /** The line `text` would end on if it came next: the line of whatever follows it in the file. */
  lineAfter(text: string): number {
    // The text not yet split starts on this.line; every kind of line break counts, as in take().
    const rest = this.carry + text;
    let breaks = 0;
    for (let i = 0; i < rest.length; i++) {
      const c = rest.charCodeAt(i);
      if (c === LF || (c === CR && rest.charCodeAt(i + 1) !== LF)) breaks++;
    }
    return this.line + breaks;
  }

  private feed(chunk: string, atEnd: boolean): void {
    if (!this.started && chunk) {
      this.started = true;
      // TextDecoder has dropped one byte-order mark; csv-parse dropped a second one, so do we.
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    const text = this.carry + chunk;
    this.carry = "";
    if (!this.delimiter) {
      const found = findDelimiter(text, !this.skipping, atEnd);
      if (!found) return this.wait(text, atEnd);
      this.delimiter = found;
    }
    const delimiter = this.delimiter;
    let start = 0;
    if (this.skipping) {
      const at = text.indexOf(delimiter);
      if (at === -1) return this.keepDelimiterStart(text);
      this.skipping = false;
      this.line++;
      start = at + delimiter.length;
    }
    this.comma = this.quote = this.cr = this.lf = -1;
    for (let at = text.indexOf(delimiter, start); at !== -1; at = text.indexOf(delimiter, start)) {
      this.take(text, start, at);
      start = at + delimiter.length;
    }
    this.carry = start === 0 ? text : text.slice(start);
    if (!atEnd) this.bound();
  }

  /** One line: text[start, end), without its line break. */
  private take(text: string, start: number, end: number): void {
    const line = this.line;
    this.line += 1 + this.strayBreaks(text, start, end);
    if (this.open) return this.continueOpen(text.slice(start, end), line);
    if (end === start) return;
    if (end - start > MAX_RECORD_CHARS) return this.sink.malformed(line, tooLong(line));
    if (this.quote < start) this.quote = next(text, '"', start);
    if (this.quote >= end) return this.sink.record(this.split(text, start, end), line);
    const quoted = this.splitQuoted(text, start, end);
    if (quoted) return this.sink.record(quoted, line);
    const record = text.slice(start, end);
    if (quotesAtEnd(record, false) === Quotes.Closed) return this.parseQuoted(record, line);
    this.open = { text: record, line, quoteLine: line };
  }

  /**
   * Line breaks of another style inside text[start, end), in a file with mixed line endings: not
   * record delimiters (csv-parse keeps them in the field), but lines all the same for the staff.
   */
  private strayBreaks(text: string, start: number, end: number): number {
    let count = 0;
    if (this.delimiter !== "\r") {
      if (this.cr < start) this.cr = next(text, "\r", start);
      for (; this.cr < end; this.cr = next(text, "\r", this.cr + 1)) count++;
      // "\r" then the "\n" delimiter is one "\r\n" line break.
      if (this.delimiter === "\n" && count > 0 && text.charCodeAt(end - 1) === CR) count--;
    }
    if (this.delimiter !== "\n") {
      if (this.lf < start) this.lf = next(text, "\n", start);
      for (; this.lf < end; this.lf = next(text, "\n", this.lf + 1)) count++;
      // The "\r" delimiter then "\n" is one "\r\n" line break.
      if (this.delimiter === "\r" && end > start && text.charCodeAt(start) === LF) count--;
    }
    return count;
  }

  /** The fields of a line without quotes: exactly the text between its commas. */
  private split(text: string, start: number, end: number): string[] {
    const fields = this.fields;
    let count = 0;
    let comma = this.comma < start ? next(text, ",", start) : this.comma;
    for (; comma < end; comma = next(text, ",", start)) {
      fields[count++] = text.slice(start, comma);
      start = comma + 1;
    }
    this.comma = comma;
    fields[count++] = text.slice(start, end);
    fields.length = count;
    return fields;
  }

  /**
   * The fields of a line whose quotes are all well formed (RFC 4180: a quoted field is the whole
   * field, "" inside it is a quote), as files that quote every field have on every line; null for
   * anything else, which csv-parse then reads and reports on.
   */
  private splitQuoted(text: string, start: number, end: number): string[] | null {
    const fields = this.fields;
    let count = 0;
    let quote = this.quote;
    let comma = this.comma;
    for (let at = start; ; ) {
      if (quote < at) quote = next(text, '"', at);
      if (comma < at) comma = next(text, ",", at);
      if (quote === at && at < end) {
        let value = "";
        for (let from = at + 1; ; ) {
          const close = next(text, '"', from);
          if (close >= end) return null;
          if (close + 1 < end && text.charCodeAt(close + 1) === QUOTE) {
            value += text.slice(from, close + 1);
            from = close + 2;
            continue;
          }
          value += text.slice(from, close);
          at = close + 1;
          break;
        }
        fields[count++] = value;
        if (at === end) break;
        if (text.charCodeAt(at) !== COMMA) return null;
        at++;
      } else {
        const stop = comma < end ? comma : end;
        if (quote < stop) return null;
        fields[count++] = text.slice(at, stop);
        if (stop === end) break;
        at = stop + 1;
      }
    }
    this.comma = comma;
    fields.length = count;
    return fields;
  }

  private continueOpen(text: string, line: number): void {
    const open = this.open!;
    open.text += this.delimiter + text;
    const quotes = quotesAtEnd(text, true);
    if (quotes === Quotes.Opened) open.quoteLine = line;
    if (quotes !== Quotes.Closed) return this.bound();
    this.open = null;
    this.parseQuoted(open.text, open.line);
  }

  /** Hands one whole record to csv-parse; its errors become malformed rows. */
  private parseQuoted(text: string, line: number): void {
    const errors: CsvError[] = [];
    const records = parse(text, {
      record_delimiter: this.delimiter,
      relax_column_count: true,
      skip_records_with_error: true,
      max_record_size: MAX_RECORD_CHARS,
      on_skip: (error) => {
        if (error) errors.push(error);
      },
    });
    // csv-parse numbers lines from 1 in the text it was given; the message names the file's line.
    for (const error of errors) this.sink.malformed(line, error.message.replace(/ line (\d+)/, (_, n: string) => ` line ${line + Number(n) - 1}`));
    for (const fields of records) this.sink.record(fields, line);
  }

  /** Keeps memory bounded: a line or quoted record past the limit is reported, not accumulated. */
  private bound(): void {
    if (this.open) {
      if (this.open.text.length + this.delimiter.length + this.carry.length <= MAX_RECORD_CHARS) return;
      throw runaway(this.open.quoteLine);
    }
    if (this.carry.length > MAX_RECORD_CHARS) this.skipLine(this.carry);
  }

  /** Before the first line break is known, the text waits, up to the record limit. */
  private wait(text: string, atEnd: boolean): void {
    if (this.skipping) return this.keepDelimiterStart(text);
    this.carry = text;
    if (atEnd || text.length <= MAX_RECORD_CHARS) return;
    // Line breaks that are all inside a quoted field: the field is the problem, not one long line.
    if (text.includes("\n") || text.includes("\r")) throw runaway(1);
    this.skipLine(text);
  }

  private skipLine(text: string): void {
    this.sink.malformed(this.line, tooLong(this.line));
    this.skipping = true;
    this.keepDelimiterStart(text);
  }

  /** While skipping a line, only a "\r" that may begin its line break is kept. */
  private keepDelimiterStart(text: string): void {
    this.carry = this.delimiter !== "\n" && text.endsWith("\r") ? "\r" : "";
  }
}
