"use client";

import { useState } from "react";

export function CopyButton({ text, label = "Copy" }: { text: string; label?: string }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      // Clipboard access can be refused (permissions, plain http); the text stays selectable.
      setCopied(false);
    }
  }
  return (
    <span className="inline-flex items-center gap-2">
      <button type="button" className="btn-secondary" onClick={copy}>{label}</button>
      <span role="status" className="text-sm">
        {copied === true ? "Copied." : copied === false ? "Could not copy: select the text and copy it yourself." : ""}
      </span>
    </span>
  );
}
