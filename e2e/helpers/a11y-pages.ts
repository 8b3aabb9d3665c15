// Every page the e2e suite visits, by who can see it, for the accessibility sweep.
import { withDb } from "./db";

export const PUBLIC_PAGES = ["/", "/history", "/incidents/subscriber-data-loss", "/signin", "/signin/check-email?email=someone%40example.com", "/subscribe", "/preferences", "/no-such-page"];

export const SUBSCRIBER_PAGES = ["/me", "/claims", "/preferences"];

export async function staffPages(): Promise<string[]> {
  const [incident, maintenance] = await withDb(async (c) => [
    (await c.query<{ id: number }>(`SELECT id FROM "Incident" WHERE slug = 'subscriber-data-loss'`)).rows[0]?.id,
    (await c.query<{ id: number }>(`SELECT id FROM "Maintenance" ORDER BY id LIMIT 1`)).rows[0]?.id,
  ]);
  return [
    "/admin",
    "/admin/incidents",
    "/admin/incidents/new",
    ...(incident ? [`/admin/incidents/${incident}`] : []),
    "/admin/incidents/templates",
    "/admin/maintenance",
    "/admin/maintenance/new",
    ...(maintenance ? [`/admin/maintenance/${maintenance}`] : []),
    "/admin/qa",
    "/admin/restoration",
    "/admin/restoration/subscribers",
    "/admin/restoration/subscribers?q=NM-100001",
    "/admin/restoration/plan",
    "/admin/restoration/imports",
    "/admin/claims",
    "/admin/claims/offers",
    "/admin/claims/credits",
    "/admin/claims/codes",
    "/admin/email",
    "/admin/email?to=sam.rivera%40example.com",
    "/admin/email/templates",
    "/admin/tokens",
  ];
}
