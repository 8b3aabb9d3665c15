import { hidePost } from "@/lib/forum/hide-post";
import { unhidePost } from "@/lib/forum/unhide-post";
import { forumMutation, type PostRoute } from "@/app/api/forum/_shared/handlers";

/** Hide a post from the public with a reason (PUT { reason }), or bring it back (DELETE). */
export async function PUT(request: Request, { params }: PostRoute) {
  return forumMutation(request, async (actor, body) => hidePost({ actor, input: { postId: (await params).id, reason: body.reason } }));
}

export async function DELETE(request: Request, { params }: PostRoute) {
  return forumMutation(request, async (actor) => unhidePost({ actor, input: { postId: (await params).id } }));
}
