import { toggleVote } from "@/lib/forum/toggle-vote";
import { forumMutation, type PostRoute } from "@/app/api/forum/_shared/handlers";

/** "I have this too": PUT adds the signed-in person's vote, DELETE takes it back (both idempotent). */
export async function PUT(request: Request, { params }: PostRoute) {
  return forumMutation(request, async (actor) => toggleVote({ actor, input: { postId: (await params).id, voted: true } }));
}

export async function DELETE(request: Request, { params }: PostRoute) {
  return forumMutation(request, async (actor) => toggleVote({ actor, input: { postId: (await params).id, voted: false } }));
}
