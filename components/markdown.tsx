import ReactMarkdown from "react-markdown";

// react-markdown builds React elements and never parses raw HTML: markup typed into a post or
// update shows as the literal characters (so nothing silently disappears) and cannot inject
// script. javascript: links lose their target, and images are not rendered at all.
export function Markdown({ children }: { children: string }) {
  return (
    <div className="space-y-3 leading-relaxed [&_a]:underline [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_ol]:list-decimal [&_ol]:pl-5 [&_ul]:list-disc [&_ul]:pl-5 dark:[&_code]:bg-slate-800">
      <ReactMarkdown
        disallowedElements={["img"]}
        components={{ a: ({ href, children: text }) => <a href={href} rel="nofollow noopener noreferrer">{text}</a> }}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}
