import { setQaLocked } from "@/lib/forum/set-qa-locked";
import { forumMutation, type IncidentRoute } from "@/app/api/forum/_shared/handlers";

/** Close (PUT) or reopen (DELETE) the incident's whole Q&A. */
export async function PUT(request: Request, { params }: IncidentRoute) {
  return forumMutation(request, async (actor) => setQaLocked({ actor, input: { incidentSlug: (await params).slug, locked: true } }));
}

export async function DELETE(request: Request, { params }: IncidentRoute) {
  return forumMutation(request, async (actor) => setQaLocked({ actor, input: { incidentSlug: (await params).slug, locked: false } }));
}
