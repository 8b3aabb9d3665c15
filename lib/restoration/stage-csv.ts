import { createHash } from "node:crypto";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parse } from "csv-parse";
import type { PoolClient } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { parseRow, readHeader, type ImportColumn } from "./import-format";
import { COPY_STAGING, copyLine } from "./import-sql";

/** A problem with the file as a whole: nothing in it can be trusted, so nothing is applied. */
export class FileError extends Error {}

/** Streams the upload through size, hash and UTF-8 checks and the CSV parser into COPY. */
export async function stageFile(client: PoolClient, stream: Readable, categories: ReadonlyMap<string, number>, maxBytes: number): Promise<string> {
  const hash = createHash("sha256");
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let bytes = 0;
  const guard = new Transform({
    decodeStrings: true,
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > maxBytes) return callback(new FileError(`The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB. Split it into smaller batches.`));
      hash.update(chunk);
      try {
        callback(null, decoder.decode(chunk, { stream: true }));
      } catch {
        callback(new FileError("The file is not valid UTF-8 text. Save it as “CSV UTF-8” and upload it again."));
      }
    },
    flush(callback) {
      try {
        callback(null, decoder.decode());
      } catch {
        callback(new FileError("The file is not valid UTF-8 text (it ends in the middle of a character)."));
      }
    },
  });
  const parser = parse({ bom: true, info: true, skip_empty_lines: true, relax_column_count: true, skip_records_with_error: true, max_record_size: 65_536 });
  const copy = client.query(copyFrom(COPY_STAGING));
  const copied = new Promise<void>((resolve, reject) => {
    copy.on("finish", resolve);
    copy.on("error", reject);
  });

  let columns: Record<ImportColumn, number> | null = null;
  let pending = "";
  const write = async (line: string) => {
    pending += line;
    if (pending.length < 256 * 1024) return;
    const ok = copy.write(pending);
    pending = "";
    if (!ok) await new Promise((resolve) => copy.once("drain", resolve));
  };
  const skipped: { line: number; message: string }[] = [];
  parser.on("skip", (error: Error & { lines?: number }) => skipped.push({ line: error.lines ?? 0, message: error.message }));

  const reading = pipeline(stream, guard, parser);
  reading.catch(() => {}); // observed below; the loop usually reports the same failure first
  const now = Date.now();
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      for (const s of skipped.splice(0)) await write(copyLine([s.line, null, null, null, null, null, null, null, null, `malformed CSV: ${s.message}`]));
      if (!columns) {
        try {
          columns = readHeader(record);
        } catch (error) {
          throw new FileError((error as Error).message);
        }
        continue;
      }
      const parsed = parseRow(record, columns, categories, now);
      await write(
        parsed.ok
          ? copyLine([info.lines, parsed.row.ref, null, parsed.row.categoryId, parsed.row.state, parsed.row.itemsLost, parsed.row.itemsRecovered, parsed.row.itemsRestored, parsed.row.asOfText, null])
          : copyLine([info.lines, parsed.ref, parsed.category, null, null, null, null, null, null, parsed.error]),
      );
    }
    await reading;
  } catch (error) {
    copy.destroy();
    await copied.catch(() => {});
    throw error instanceof FileError ? error : new FileError(`The file could not be read as CSV: ${(error as Error).message}`);
  }
  for (const s of skipped.splice(0)) await write(copyLine([s.line, null, null, null, null, null, null, null, null, `malformed CSV: ${s.message}`]));
  copy.end(pending);
  await copied;
  if (!columns) throw new FileError("The file is empty. Expected a header row and data rows.");
  return hash.digest("hex");
}

