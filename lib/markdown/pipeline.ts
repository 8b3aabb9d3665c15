import type { Element, Root } from "hast";
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";
import type { Options as RemarkRehypeOptions } from "remark-rehype";
import type { PluggableList } from "unified";
import { visit } from "unist-util-visit";

// The one markdown pipeline for staff-written text (updates, postmortems, answers): the page
// renders it through react-markdown, the feeds and the API through render-markdown.ts; both run
// these same plugins with this same schema, so every reader gets the same, inert HTML.

/**
 * GitHub's sanitisation rules (no scripts, no event handlers, links only to http(s), mailto and
 * the like), without images: a staff post must not load third-party content into readers' pages.
 */
export const SANITIZE_SCHEMA: SanitizeSchema = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter((tag) => tag !== "img"),
};

/** Markup typed into markdown shows as its literal characters: nothing silently disappears, nothing runs. */
function rehypeRawAsText() {
  return (tree: Root) => {
    visit(tree, "raw", (node, index, parent) => {
      if (parent && index !== undefined) parent.children[index] = { type: "text", value: node.value };
    });
  };
}

/** Staff links are not endorsements and must not hand the reader's window to the target. */
function rehypeLinkRel() {
  return (tree: Root) => {
    visit(tree, "element", (node: Element) => {
      if (node.tagName === "a") node.properties.rel = ["nofollow", "noopener", "noreferrer"];
    });
  };
}

/** remark-rehype keeps raw HTML as `raw` nodes so that rehypeRawAsText can show it as text. */
export const REMARK_REHYPE_OPTIONS: RemarkRehypeOptions = { allowDangerousHtml: true };

export const REHYPE_PLUGINS: PluggableList = [rehypeRawAsText, [rehypeSanitize, SANITIZE_SCHEMA], rehypeLinkRel];
