import ReactMarkdown from "react-markdown";

type MdNode = { type: string; value?: string; children?: MdNode[] };

const BLOCK_PARENTS = new Set(["root", "blockquote", "listItem"]);

/** Turns raw HTML in the source into plain text (a paragraph of it where a block stood). */
function htmlAsText() {
  const walk = (node: MdNode) => {
    node.children = node.children?.map((child) => {
      if (child.type !== "html") return child;
      const text = { type: "text", value: child.value ?? "" };
      return BLOCK_PARENTS.has(node.type) ? { type: "paragraph", children: [text] } : text;
    });
    node.children?.forEach(walk);
  };
  return walk;
}

// react-markdown builds React elements and ignores raw HTML, so no markup in a post or update
// can inject script. Links open safely and images are not rendered at all.
// `htmlAsText` shows HTML that people typed (a subscriber's "<b>" or a pasted snippet) as literal
// text instead of dropping it silently; it is still never interpreted.
export function Markdown({ children, htmlAsText: literalHtml = false }: { children: string; htmlAsText?: boolean }) {
  return (
    <div className="space-y-3 leading-relaxed [&_a]:underline [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_ol]:list-decimal [&_ol]:pl-5 [&_ul]:list-disc [&_ul]:pl-5 dark:[&_code]:bg-slate-800">
      <ReactMarkdown
        skipHtml
        remarkPlugins={literalHtml ? [htmlAsText] : []}
        disallowedElements={["img"]}
        // An unsafe URL (javascript: and the like) arrives here emptied: show its text, not a dead link.
        components={{ a: ({ href, children: text }) => (href ? <a href={href} rel="nofollow noopener noreferrer">{text}</a> : <span>{text}</span>) }}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}
