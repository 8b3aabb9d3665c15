"use client";

import { useState } from "react";
import { Markdown } from "./markdown";

type Props = {
  id: string;
  name: string;
  label: React.ReactNode;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  maxLength: number;
  help?: string;
  errorProps?: { "aria-invalid"?: true; "aria-describedby"?: string };
};

// Template texts mark what to fill in as {placeholder}; one left in a posted update reads as a mistake.
const PLACEHOLDER = /\{[A-Za-z][\w -]{0,40}\}/g;

/** A markdown textarea with a live preview rendered by the same renderer the public pages use. */
export function MarkdownEditor({ id, name, label, value, onChange, rows = 8, maxLength, help, errorProps = {} }: Props) {
  const [preview, setPreview] = useState(false);
  const placeholders = [...new Set(value.match(PLACEHOLDER) ?? [])];
  const helpId = `${id}-help`;
  const describedBy = [helpId, errorProps["aria-describedby"]].filter(Boolean).join(" ");
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <label htmlFor={id} className="label mb-0">{label}</label>
        <button type="button" className="btn-secondary px-3 py-1 text-xs sm:min-h-9" aria-expanded={preview} aria-controls={`${id}-preview`} onClick={() => setPreview((p) => !p)}>
          {preview ? "Hide preview" : "Show preview"}
        </button>
      </div>
      <textarea
        id={id}
        name={name}
        rows={rows}
        maxLength={maxLength}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="input font-mono text-sm leading-relaxed aria-invalid:border-red-600 dark:aria-invalid:border-red-400"
        {...errorProps}
        aria-describedby={describedBy}
      />
      <p id={helpId} className="muted text-xs">
        {help ?? "Markdown: **bold**, *italic*, lists with -, links as [text](https://…)."} {value.length.toLocaleString("en-US")}/{maxLength.toLocaleString("en-US")}
        {placeholders.length > 0 && (
          <span className="mt-1 block font-medium text-amber-800 dark:text-amber-300">Still to fill in: {placeholders.join(", ")}</span>
        )}
      </p>
      <div id={`${id}-preview`} hidden={!preview} className="rounded-lg border border-dashed border-slate-300 p-3 text-sm dark:border-slate-700">
        {preview && (
          <>
            <p className="muted mb-2 text-xs font-semibold uppercase tracking-wide">Preview</p>
            {value.trim() ? <Markdown>{value}</Markdown> : <p className="muted">Nothing to preview yet.</p>}
          </>
        )}
      </div>
    </div>
  );
}
