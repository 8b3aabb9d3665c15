import { postQuestion } from "@/lib/forum/post-question";
import { forumMutation, type IncidentRoute } from "@/app/api/forum/_shared/handlers";

export async function POST(request: Request, { params }: IncidentRoute) {
  return forumMutation(request, async (actor, body) => postQuestion({ actor, input: { incidentSlug: (await params).slug, body: body.body } }));
}
