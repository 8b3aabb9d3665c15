import { createHash } from "node:crypto";
import { once } from "node:events";
import type { Readable } from "node:stream";
import type { PoolClient } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { CsvRecords, type RecordSink } from "./csv-records";
import { parseRow, readHeader, type ImportColumn } from "./import-format";
import { COPY_STAGING, copyLine } from "./import-sql";

/** A problem with the file as a whole: nothing in it can be trusted, so nothing is applied. */
export class FileError extends Error {}

// COPY text goes out in batches of ~900 rows. Bigger ones cost more than they save: the pending
// text is a rope of small strings that every young-generation GC has to copy while it grows.
const BATCH_CHARS = 64 * 1024;

/**
 * Streams the upload through size, hash and UTF-8 checks and the CSV splitter into COPY.
 * Each chunk is split and validated synchronously; COPY's backpressure is honoured between chunks.
 */
export async function stageFile(client: PoolClient, stream: Readable, categories: ReadonlyMap<string, number>, maxBytes: number): Promise<string> {
  const hash = createHash("sha256");
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const copy = client.query(copyFrom(COPY_STAGING));
  const copied = new Promise<void>((resolve, reject) => {
    copy.on("finish", resolve);
    copy.on("error", reject);
  });
  copied.catch(() => {}); // awaited below; this only keeps an early COPY failure from going unhandled

  const now = Date.now();
  let columns: Record<ImportColumn, number> | null = null;
  let pending = "";
  const add = (line: string) => {
    pending += line;
    if (pending.length < BATCH_CHARS) return;
    copy.write(pending);
    pending = "";
  };
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
      add(
        parsed.ok
          ? copyLine([line, parsed.row.ref, null, parsed.row.categoryId, parsed.row.state, parsed.row.itemsLost, parsed.row.itemsRecovered, parsed.row.itemsRestored, parsed.row.asOfText, null])
          : copyLine([line, parsed.ref, parsed.category, null, null, null, null, null, null, parsed.error]),
      );
    },
    malformed(line, message) {
      add(copyLine([line, null, null, null, null, null, null, null, null, `malformed CSV: ${message}`]));
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
      // A COPY that failed (PostgreSQL refused a row) will never drain: its failure ends the wait.
      if (copy.writableNeedDrain) await Promise.race([once(copy, "drain"), copied]);
    }
    records.push(decode(decoder));
    records.end();
  } catch (error) {
    copy.destroy();
    await copied.catch(() => {});
    throw error instanceof FileError ? error : new FileError(`The file could not be read as CSV: ${(error as Error).message}`);
  }
  copy.end(pending);
  await copied;
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
