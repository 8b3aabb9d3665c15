import { formatDateTime } from "@/components/format";
import { Markdown } from "@/components/markdown";
import { StatusPill } from "@/components/status-pill";
import type { PostDto } from "@/lib/forum/post-dto";

/** One question or reply: who wrote it, its marks, when, and the text (markdown, HTML shown as text). */
export function PostItem({ post, headingId }: { post: PostDto; headingId: string }) {
  return (
    <div className="space-y-2">
      <p id={headingId} className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
        <span className="font-semibold">{post.author.name}</span>
        {post.author.staff && <StatusPill tone="info">Support team</StatusPill>}
        {post.official && <StatusPill tone="ok">Official</StatusPill>}
        {post.pinned && <StatusPill tone="warn">Pinned</StatusPill>}
        {post.locked && <StatusPill tone="neutral">Locked</StatusPill>}
        {post.inFaq && <StatusPill tone="neutral">In the FAQ</StatusPill>}
        <time className="muted" dateTime={post.createdAt}>{formatDateTime(new Date(post.createdAt))}</time>
      </p>
      <div className="[overflow-wrap:anywhere]">
        <Markdown>{post.body}</Markdown>
      </div>
    </div>
  );
}
