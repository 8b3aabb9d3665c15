import { setPinned } from "@/lib/forum/set-pinned";
import { forumMutation, type PostRoute } from "@/app/api/forum/_shared/handlers";

/** Pin (PUT) or unpin (DELETE) a question or a reply. */
export async function PUT(request: Request, { params }: PostRoute) {
  return forumMutation(request, async (actor) => setPinned({ actor, input: { postId: (await params).id, pinned: true } }));
}

export async function DELETE(request: Request, { params }: PostRoute) {
  return forumMutation(request, async (actor) => setPinned({ actor, input: { postId: (await params).id, pinned: false } }));
}
