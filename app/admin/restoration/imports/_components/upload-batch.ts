import type { ImportResult } from "@/lib/restoration/import-batch";

export type ImportMode = ImportResult["mode"];
export type UploadResult = ImportResult & { errorReportUrl: string | null };

export type UploadOutcome =
  | { kind: "result"; result: UploadResult }
  | { kind: "error"; status: number; message: string }
  | { kind: "aborted" };

export interface UploadRequest {
  file: File;
  incident: string;
  mode: ImportMode;
  key: string;
  onProgress: (loaded: number, total: number) => void;
  onSent: () => void;
}

const SAFE_TO_RETRY = "Uploading the same file again is safe: a batch is applied at most once.";

/** What to tell the person for a failed upload; the server's own message when it sent one. */
export function explainFailure(status: number, serverMessage: string | undefined): string {
  switch (status) {
    case 0:
      return `The connection dropped before the server answered. ${SAFE_TO_RETRY}`;
    case 401:
      return "Your session has ended. Sign in again in a new tab, then come back here and upload again — your choices are kept.";
    case 403:
      return serverMessage ?? "Your account may not import restoration progress.";
    case 409:
      return `${serverMessage ?? "That batch key was already used."} Use a new batch key for a different file.`;
    case 413:
      return "The file is larger than the server accepts. Split it into smaller batches.";
    case 404:
    case 422:
      return serverMessage ?? "The server refused the upload.";
    default:
      return `The import did not finish (the server answered ${status}). ${SAFE_TO_RETRY}`;
  }
}

function readJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * Sends the file as the raw request body with XMLHttpRequest: fetch() cannot report upload
 * progress, and a multipart body would make the server buffer the form before streaming rows.
 */
export function uploadBatch(request: UploadRequest): { done: Promise<UploadOutcome>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const params = new URLSearchParams({ incident: request.incident, mode: request.mode.toLowerCase(), filename: request.file.name });
  const done = new Promise<UploadOutcome>((resolve) => {
    xhr.upload.onprogress = (event) => request.onProgress(event.loaded, event.lengthComputable ? event.total : request.file.size);
    xhr.upload.onload = () => request.onSent();
    xhr.onload = () => {
      const body = readJson(xhr.responseText) as (Partial<UploadResult> & { error?: { message?: string } }) | null;
      if ([200, 201, 422].includes(xhr.status) && body && typeof body.batchId === "number") {
        resolve({ kind: "result", result: body as UploadResult });
      } else {
        resolve({ kind: "error", status: xhr.status, message: explainFailure(xhr.status, body?.error?.message) });
      }
    };
    xhr.onerror = () => resolve({ kind: "error", status: 0, message: explainFailure(0, undefined) });
    xhr.onabort = () => resolve({ kind: "aborted" });
  });
  xhr.open("POST", `/api/v1/restoration/batches?${params}`);
  xhr.setRequestHeader("X-Requested-With", "aftercare");
  xhr.setRequestHeader("Content-Type", "text/csv");
  if (request.key.trim()) xhr.setRequestHeader("Idempotency-Key", request.key.trim());
  xhr.send(request.file);
  return { done, abort: () => xhr.abort() };
}

/** Checks that need no server: chosen, a CSV, not empty, within the limit. Null when fine. */
export function checkFile(file: File | null, maxBytes: number): string | null {
  if (!file) return "Choose a CSV file first.";
  const isCsv = /\.csv$/i.test(file.name) || file.type === "text/csv";
  if (!isCsv) return `“${file.name}” is not a CSV file. Save it as “CSV UTF-8” and choose it again.`;
  if (file.size === 0) return `“${file.name}” is empty.`;
  if (file.size > maxBytes) return `“${file.name}” is ${formatMegabytes(file.size)}; the limit is ${formatMegabytes(maxBytes)}. Split it into smaller batches.`;
  return null;
}

export function formatMegabytes(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  return `${mb < 1 ? mb.toFixed(2) : mb < 10 ? mb.toFixed(1) : Math.round(mb).toLocaleString("en-US")} MB`;
}

/** A file's size for people: KB below a megabyte, so a small file never reads "0.00 MB". */
export function formatFileSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024)).toLocaleString("en-US")} KB` : formatMegabytes(bytes);
}
