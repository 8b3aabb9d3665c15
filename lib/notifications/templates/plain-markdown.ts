/**
 * Update bodies are markdown; email paragraphs are plain text (the layout escapes them). Keeps
 * the words and link targets, drops the markup — never interprets HTML.
 */
export function markdownToParagraphs(markdown: string): string[] {
  return markdown
    .replace(/\r\n?/g, "\n")
    .split(/\n{2,}/)
    .map((block) =>
      block
        .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
        .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, "$1 ($2)")
        .replace(/^\s{0,3}#{1,6}\s+/gm, "")
        .replace(/^\s*[-*+]\s+/gm, "• ")
        .replace(/(\*\*|__)(.+?)\1/g, "$2")
        .replace(/(^|\W)[*_](\S.*?)[*_](?=\W|$)/g, "$1$2")
        .replace(/`([^`]+)`/g, "$1")
        .replace(/\n/g, " ")
        .trim(),
    )
    .filter(Boolean);
}
