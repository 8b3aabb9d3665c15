import { createHash } from "node:crypto";
import { Readable, Writable } from "node:stream";
import type { PoolClient } from "pg";
import { describe, expect, it } from "vitest";
import { FileError, stageFile } from "./stage-csv";

const HEADER = "subscriber_ref,category,state,items_lost,items_recovered,items_restored,as_of";
const categories = new Map([["contacts", 1], ["notes", 3]]);

/** A client whose COPY keeps the text; like pg-copy-streams, destroying it fails the COPY. */
function copyClient({ slow = false } = {}) {
  let text = "";
  const copy = new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _encoding, callback) {
      text += chunk.toString();
      if (slow) setTimeout(callback, 1);
      else callback();
    },
    destroy(error, callback) {
      callback(error ?? new Error("COPY failed"));
    },
  });
  return { client: { query: () => copy } as unknown as PoolClient, rows: () => text.split("\n").filter(Boolean).map((l) => l.split("\t")) };
}

const stage = (csv: string | Buffer, client: PoolClient, maxBytes = 1024 * 1024) => stageFile(client, Readable.from([Buffer.from(csv)]), categories, maxBytes);

describe("stageFile", () => {
  it("copies each data row with its file line and answers with the sha256 of the bytes", async () => {
    const csv = `${HEADER}\r\nA-1,contacts,AFFECTED,3,0,0,2026-11-09T00:00:00Z\r\n\r\nA-2,music,AFFECTED,1,0,0,2026-11-09T00:00:00Z\r\n`;
    const { client, rows } = copyClient();
    expect(await stage(csv, client)).toBe(createHash("sha256").update(csv).digest("hex"));
    expect(rows()).toEqual([
      ["2", "A-1", "\\N", "1", "AFFECTED", "3", "0", "0", "2026-11-09T00:00:00Z", "\\N"],
      ["4", "A-2", "music", "\\N", "\\N", "\\N", "\\N", "\\N", "\\N", 'unknown category "music" (expected one of contacts, notes)'],
    ]);
  });

  it("stages a malformed record as a row with its line, never dropping it", async () => {
    const { client, rows } = copyClient();
    await stage(`${HEADER}\nA"1,contacts,AFFECTED,3,0,0,2026-11-09T00:00:00Z\n`, client);
    expect(rows()).toEqual([["2", "\\N", "\\N", "\\N", "\\N", "\\N", "\\N", "\\N", "\\N", 'malformed CSV: Invalid Opening Quote: a quote is found on field 0 at line 2, value is "A"']]);
  });

  it("honours COPY's backpressure and loses nothing", async () => {
    const row = "A-1,notes,AFFECTED,3,0,0,2026-11-09T00:00:00Z\n";
    const { client, rows } = copyClient({ slow: true });
    await stageFile(client, Readable.from(Array.from({ length: 40 }, (_, i) => Buffer.from(i === 0 ? `${HEADER}\n${row.repeat(500)}` : row.repeat(500)))), categories, 1 << 20);
    expect(rows().map((r) => r[0])).toEqual(Array.from({ length: 20_000 }, (_, i) => String(i + 2)));
  });

  it.each([
    ["an empty file", "", "The file is empty. Expected a header row and data rows."],
    ["a wrong header", "subscriber_ref,category\nA,contacts\n", /^The header row is wrong \(missing columns: state/],
    ["a quote never closed", `${HEADER}\nA-1,"contacts,AFFECTED,3,0,0,2026-11-09T00:00:00Z\n`, 'The file could not be read as CSV: a quoted field starts on line 2 but its closing quote (") is missing'],
    ["bytes that are not UTF-8", Buffer.concat([Buffer.from(`${HEADER}\nA-`), Buffer.from([0xff, 0x41])]), "line 2 (byte 80): the file is not valid UTF-8 text. Save it as “CSV UTF-8” and upload it again."],
    ["a file cut in the middle of a character", Buffer.concat([Buffer.from(`${HEADER}\nA-`), Buffer.from([0xe2, 0x82])]), "line 2 (byte 80): the file is not valid UTF-8 text (it ends in the middle of a character)."],
  ])("refuses %s as a file error", async (_name, csv, message) => {
    const attempt = stage(csv, copyClient().client);
    await expect(attempt).rejects.toThrow(FileError);
    await expect(attempt).rejects.toThrow(message);
  });

  it.each([1, 2, 3, 5, 64])("names the line and byte of the first bad byte when the file arrives in %d-byte pieces", async (size) => {
    // Line 3 holds a 3-byte character that pieces may split; the bad byte sits on line 4.
    const file = Buffer.concat([Buffer.from(`${HEADER}\r\nA-1,notes,AFFECTED,3,0,0,2026-11-09T00:00:00Z\r\nA-€,notes\r\nA-2,`), Buffer.from([0xc3, 0x28]), Buffer.from(",x\r\n")]);
    const pieces = Array.from({ length: Math.ceil(file.length / size) }, (_, i) => file.subarray(i * size, (i + 1) * size));
    const attempt = stageFile(copyClient().client, Readable.from(pieces), categories, 1024 * 1024);
    await expect(attempt).rejects.toThrow(`line 4 (byte ${file.indexOf(0xc3)}): the file is not valid UTF-8 text.`);
    await expect(attempt).rejects.toMatchObject({ line: 4 });
  });

  it("stops reading as soon as the file is over the limit", async () => {
    let pulled = 0;
    const body = new Readable({
      read() {
        pulled++;
        this.push(pulled === 1 ? `${HEADER}\n` : "A-1,notes,AFFECTED,3,0,0,2026-11-09T00:00:00Z\n".repeat(1000));
      },
    });
    await expect(stageFile(copyClient().client, body, categories, 1024 * 1024)).rejects.toThrow("The file is larger than 1 MB. Split it into smaller batches.");
    expect(pulled).toBeLessThan(40);
  });
});
