import type { Root } from "hast";
import { toText } from "hast-util-to-text";
import rehypeStringify from "rehype-stringify";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { REHYPE_PLUGINS, REMARK_REHYPE_OPTIONS } from "./pipeline";

export interface RenderedMarkdown {
  /** Sanitised HTML, the same the incident page shows. */
  html: string;
  /** What a reader sees, without markup: for text-only fields and previews. */
  text: string;
}

const processor = unified().use(remarkParse).use(remarkRehype, REMARK_REHYPE_OPTIONS).use(REHYPE_PLUGINS).use(rehypeStringify).freeze();

// API documents are built per request from cached reads; rendering costs about half a millisecond
// per update, so the results of recent bodies are kept (bounded, oldest dropped first).
const MEMO_LIMIT = 2_000;
const memo = new Map<string, RenderedMarkdown>();

/** Staff-written markdown as sanitised HTML and as plain text, through the page's own pipeline. */
export function renderMarkdown(markdown: string): RenderedMarkdown {
  const known = memo.get(markdown);
  if (known) return known;
  const tree = processor.runSync(processor.parse(markdown)) as Root;
  const rendered = { html: processor.stringify(tree), text: toText(tree).trim() };
  if (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value!);
  memo.set(markdown, rendered);
  return rendered;
}
