import { postReply } from "@/lib/forum/post-reply";
import { forumMutation, type PostRoute } from "@/app/api/forum/_shared/handlers";

export async function POST(request: Request, { params }: PostRoute) {
  return forumMutation(request, async (actor, body) => postReply({ actor, input: { questionId: (await params).id, body: body.body, official: body.official ?? false } }));
}
