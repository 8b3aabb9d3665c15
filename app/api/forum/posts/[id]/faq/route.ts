import { promoteToFaq } from "@/lib/forum/promote-to-faq";
import { removeFromFaq } from "@/lib/forum/remove-from-faq";
import { forumMutation, type PostRoute } from "@/app/api/forum/_shared/handlers";

/** Promote an official answer into the incident's FAQ (PUT), or take it out again (DELETE). */
export async function PUT(request: Request, { params }: PostRoute) {
  return forumMutation(request, async (actor) => promoteToFaq({ actor, input: { postId: (await params).id } }));
}

export async function DELETE(request: Request, { params }: PostRoute) {
  return forumMutation(request, async (actor) => removeFromFaq({ actor, input: { postId: (await params).id } }));
}
