// Reading a pool file: one code per line, or CSV with a `code` column; blank lines and a header
// are tolerated. Pure, so every refusal can be tested line by line without a database.

export const MAX_CODE_LENGTH = 64;
/** Kept under the 1 MB a server action accepts, so a large file gets this message, not a failure. */
export const MAX_POOL_FILE_BYTES = 900_000;
export const POOL_FILE_TOO_LARGE = "The file is larger than 900 KB. Split it into smaller files; importing the same codes twice is safe.";

export type CodeLine = { line: number; code: string };
export type RejectedLine = { line: number; reason: string };

/** Splits one CSV row, honouring double-quoted fields (with "" for a quote inside). */
function cells(row: string): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < row.length; i++) {
    const ch = row[i]!;
    if (quoted) {
      if (ch === '"' && row[i + 1] === '"') {
        current += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else current += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      out.push(current);
      current = "";
    }
    else current += ch;
  }
  out.push(current);
  return out;
}

export function readGiftCodeFile(text: string): { codes: CodeLine[]; rejected: RejectedLine[] } {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const codes: CodeLine[] = [];
  const rejected: RejectedLine[] = [];
  const firstSeen = new Map<string, number>();
  let column: number | null = null;
  let headerDone = false;

  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === "") return;
    if (!headerDone) {
      headerDone = true;
      const header = cells(raw).map((c) => c.trim().toLowerCase());
      const at = header.indexOf("code");
      if (at >= 0) {
        column = header.length > 1 ? at : null;
        return;
      }
      if (header.length > 1) {
        rejected.push({ line, reason: "A file with several columns needs a header row with a “code” column." });
        column = -1;
        return;
      }
    }
    if (column === -1) return;
    const code = (column === null ? raw : (cells(raw)[column] ?? "")).trim();
    if (code === "") return void rejected.push({ line, reason: "The code is empty." });
    if (code.length > MAX_CODE_LENGTH) return void rejected.push({ line, reason: `The code is longer than ${MAX_CODE_LENGTH} characters.` });
    if (!/^[\x20-\x7E]+$/.test(code)) return void rejected.push({ line, reason: "The code has characters other than letters, digits, spaces and punctuation." });
    const earlier = firstSeen.get(code);
    if (earlier !== undefined) return void rejected.push({ line, reason: `The same code is already on line ${earlier} of this file.` });
    firstSeen.set(code, line);
    codes.push({ line, code });
  });
  return { codes, rejected };
}
