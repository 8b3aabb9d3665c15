import { createHash } from "node:crypto";
import type { Readable } from "node:stream";
import type { PoolClient } from "pg";
import { CsvRecords, type RecordSink } from "./csv-records";
import { parseRow, readHeader, type ImportColumn } from "./import-format";
import { stagingWriter } from "./staging-writer";

/** A problem with the file as a whole: nothing in it can be trusted, so nothing is applied. */
export class FileError extends Error {}

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
          throw new FileError((error as Error).message);
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
  try {
    for await (const data of stream as AsyncIterable<Buffer | string>) {
      const chunk = typeof data === "string" ? Buffer.from(data) : data;
      bytes += chunk.length;
      if (bytes > maxBytes) throw new FileError(`The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB. Split it into smaller batches.`);
      hash.update(chunk);
      records.push(decode(decoder, chunk));
      await writer.ready();
    }
    records.push(decode(decoder));
    records.end();
  } catch (error) {
    await writer.abort();
    throw error instanceof FileError ? error : new FileError(`The file could not be read as CSV: ${(error as Error).message}`);
  }
  await writer.end();
  if (!columns) throw new FileError("The file is empty. Expected a header row and data rows.");
  return hash.digest("hex");
}

/** Decodes the next chunk, or with none the end of the file, refusing anything that is not UTF-8. */
function decode(decoder: TextDecoder, chunk?: Buffer): string {
  try {
    return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
  } catch {
    throw new FileError(
      chunk
        ? "The file is not valid UTF-8 text. Save it as “CSV UTF-8” and upload it again."
        : "The file is not valid UTF-8 text (it ends in the middle of a character).",
    );
  }
}
