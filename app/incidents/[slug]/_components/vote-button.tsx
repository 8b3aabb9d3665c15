"use client";

import { useState } from "react";
import type { PostDto } from "@/lib/forum/post-dto";
import type { Forum } from "./use-forum";

type Props = { post: PostDto; forum: Forum; signInHref: string };

/** "I have this too": one per person, pressed when it is theirs. */
export function VoteButton({ post, forum, signInHref }: Props) {
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ text: string; signIn?: boolean } | null>(null);
  const voted = forum.voted.has(post.id);

  async function click() {
    if (!forum.viewer?.signedIn) return setMessage({ text: "Sign in to add your vote.", signIn: true });
    setPending(true);
    const outcome = await forum.vote(post, !voted);
    setPending(false);
    setMessage(outcome.ok ? null : { text: outcome.message });
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        aria-pressed={voted}
        disabled={pending || !forum.viewer}
        onClick={click}
        className={voted ? "btn-primary" : "btn-secondary"}
      >
        <span>I have this too</span>
        <span aria-hidden="true" className="min-w-6 rounded-full bg-black/10 px-2 text-xs dark:bg-white/15">{post.voteCount}</span>
        <span className="sr-only">({post.voteCount} {post.voteCount === 1 ? "person" : "people"})</span>
      </button>
      <p role="status" className={message ? "text-sm" : "sr-only"}>
        {message?.text} {message?.signIn && <a href={signInHref}>Sign in</a>}
      </p>
    </div>
  );
}
