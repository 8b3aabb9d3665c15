import { createHash } from "node:crypto";
import type { Readable } from "node:stream";
import type { PoolClient } from "pg";
import { CsvRecords, CsvStructureError, type RecordSink } from "./csv-records";
import { parseRow, readHeader, type ImportColumn } from "./import-format";
import { stagingWriter } from "./staging-writer";
import { firstInvalidUtf8, incompleteTail } from "./utf8-position";

/**
 * A problem with the file as a whole: nothing in it can be trusted, so nothing is applied.
 * `line` is where the problem is, when it has one.
 */
export class FileError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

/**
 * Streams the upload through size, hash and UTF-8 checks and the CSV splitter into the staging table.
 * Each chunk is split and validated synchronously; the writer's backpressure is honoured between chunks.
 */
export async function stageFile(client: PoolClient, stream: Readable, categories: ReadonlyMap<string, number>, maxBytes: number): Promise<string> {
  const hash = createHash("sha256");
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const writer = stagingWriter(client);

  const now = Date.now();
  let columns: Record<ImportColumn, number> | null = null;
  const sink: RecordSink = {
    record(fields, line) {
      if (!columns) {
        try {
          columns = readHeader(fields);
        } catch (error) {
          throw new FileError((error as Error).message, line);
        }
        return;
      }
      const parsed = parseRow(fields, columns, categories, now);
      writer.add(
        parsed.ok
          ? [line, parsed.row.ref, null, parsed.row.categoryId, parsed.row.state, parsed.row.itemsLost, parsed.row.itemsRecovered, parsed.row.itemsRestored, parsed.row.asOfText, null]
          : [line, parsed.ref, parsed.category, null, null, null, null, null, null, parsed.error],
      );
    },
    malformed(line, message) {
      writer.add([line, null, null, null, null, null, null, null, null, `malformed CSV: ${message}`]);
    },
  };
  const records = new CsvRecords(sink);

  let bytes = 0;
  // The last bytes before the current chunk: a character split across chunks starts there.
  let recent: Uint8Array = new Uint8Array(0);
  try {
    for await (const data of stream as AsyncIterable<Buffer | string>) {
      const chunk = typeof data === "string" ? Buffer.from(data) : data;
      if (bytes + chunk.length > maxBytes) throw new FileError(`The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB. Split it into smaller batches.`);
      hash.update(chunk);
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        throw notUtf8(records, Buffer.concat([incompleteTail(recent), chunk]), bytes - incompleteTail(recent).length, false);
      }
      bytes += chunk.length;
      recent = chunk.length >= 3 ? chunk.subarray(chunk.length - 3) : Buffer.concat([recent, chunk]).subarray(-3);
      records.push(text);
      await writer.ready();
    }
    let rest: string;
    try {
      rest = decoder.decode();
    } catch {
      const tail = incompleteTail(recent);
      throw notUtf8(records, tail, bytes - tail.length, true);
    }
    records.push(rest);
    records.end();
  } catch (error) {
    await writer.abort();
    if (error instanceof FileError) throw error;
    throw new FileError(`The file could not be read as CSV: ${(error as Error).message}`, error instanceof CsvStructureError ? error.line : undefined);
  }
  await writer.end();
  if (!columns) throw new FileError("The file is empty. Expected a header row and data rows.");
  return hash.digest("hex");
}

/** The SHA-256 of a file that need not be read as CSV, within the same size limit. */
export async function hashFile(stream: Readable, maxBytes: number): Promise<string> {
  const hash = createHash("sha256");
  let bytes = 0;
  for await (const data of stream as AsyncIterable<Buffer | string>) {
    const chunk = typeof data === "string" ? Buffer.from(data) : data;
    bytes += chunk.length;
    // Past the limit it cannot be the applied file: stop reading and let the hashes differ.
    if (bytes > maxBytes) return `larger than ${maxBytes} bytes`;
    hash.update(chunk);
  }
  return hash.digest("hex");
}

/**
 * Names the line and byte offset (from 0) of the first byte that is not UTF-8. `bytes` starts at
 * file offset `offset` on a character boundary, right after the text `records` has already read.
 */
function notUtf8(records: CsvRecords, bytes: Buffer | Uint8Array, offset: number, atEnd: boolean): FileError {
  const bad = Math.max(0, firstInvalidUtf8(bytes, true));
  const line = records.lineAfter(new TextDecoder().decode(bytes.subarray(0, bad)));
  const where = `line ${line} (byte ${(offset + bad).toLocaleString("en-US")})`;
  return new FileError(
    atEnd
      ? `${where}: the file is not valid UTF-8 text (it ends in the middle of a character).`
      : `${where}: the file is not valid UTF-8 text. Save it as “CSV UTF-8” and upload it again.`,
    line,
  );
}
