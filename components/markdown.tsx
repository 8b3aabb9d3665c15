import ReactMarkdown from "react-markdown";
import { REHYPE_PLUGINS, REMARK_REHYPE_OPTIONS } from "@/lib/markdown/pipeline";

// The same remark/rehype pipeline and sanitising schema as the feeds and the API
// (lib/markdown/pipeline.ts): typed HTML shows as its literal characters, script, event handlers,
// javascript: and data: links and images never make it through.
export function Markdown({ children }: { children: string }) {
  return (
    <div className="space-y-3 leading-relaxed [&_a]:underline [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_ol]:list-decimal [&_ol]:pl-5 [&_ul]:list-disc [&_ul]:pl-5 dark:[&_code]:bg-slate-800">
      <ReactMarkdown remarkRehypeOptions={REMARK_REHYPE_OPTIONS} rehypePlugins={REHYPE_PLUGINS}>
        {children}
      </ReactMarkdown>
    </div>
  );
}
