import { setThreadLocked } from "@/lib/forum/set-thread-locked";
import { forumMutation, type PostRoute } from "@/app/api/forum/_shared/handlers";

/** Lock (PUT) or unlock (DELETE) one question's thread. */
export async function PUT(request: Request, { params }: PostRoute) {
  return forumMutation(request, async (actor) => setThreadLocked({ actor, input: { postId: (await params).id, locked: true } }));
}

export async function DELETE(request: Request, { params }: PostRoute) {
  return forumMutation(request, async (actor) => setThreadLocked({ actor, input: { postId: (await params).id, locked: false } }));
}
